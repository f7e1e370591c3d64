package dev.scopemock.samples;

import static dev.scopemock.junit.RequestMatcher.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scopemock.annotations.Stub;
import dev.scopemock.junit.MockServer;
import dev.scopemock.junit.ScopedMock;
import dev.scopemock.junit.Times;
import java.math.BigDecimal;
import java.time.Duration;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** What a failing verification prints: each test checks out one order, then asserts something that is false. */
@MockServer
@Stub(path = "/inventory/a-1", method = "GET", responseJson = "{\"sku\": \"a-1\", \"available\": 5}")
@Stub(name = "pay", path = "/payment", method = "POST", responseJson = "{\"status\": \"accepted\"}")
class VerificationFailureTest {

    ScopedMock mock;

    @BeforeEach
    void checkOutOneOrder() {
        new CheckoutService(MockSettings.of(mock)).checkout(new Order("o-1", "a-1", 1, new BigDecimal("42.50")));
    }

    @Test
    void namesTheStubAndBothCountsWhenCalledTooRarely() {
        assertThatThrownBy(() -> mock.received("pay", Times.exactly(2)))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessage("Expecting stub \"pay\" to be called:\n  exactly 2 times\nbut it was called 1 time:\n"
                        + "  POST /payment {\"orderId\":\"o-1\",\"amount\":42.50}\n"
                        + "other requests in scope " + mock.scopeName() + ":\n"
                        + "  GET /inventory/a-1")
                .asInstanceOf(InstanceOfAssertFactories.type(AssertionFailedError.class))
                .satisfies(failure -> {
                    assertThat(failure.getExpected().getValue()).isEqualTo("exactly 2 times");
                    assertThat(failure.getActual().getValue()).isEqualTo("1 time");
                });
    }

    @Test
    void listsTheCallsOfAStubThatShouldNotHaveBeenCalled() {
        assertThatThrownBy(() -> mock.assertNotCalled("pay"))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessage("Expecting stub \"pay\" not to be called but it was called 1 time:\n"
                        + "  POST /payment {\"orderId\":\"o-1\",\"amount\":42.50}");
    }

    @Test
    void listsWhatArrivedWhenAnAwaitedRequestDoesNot() {
        assertThatThrownBy(() -> mock.awaitRequest(post("/refund"), Duration.ofMillis(100)))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessage("Expecting a request within 100 ms:\n"
                        + "  POST /refund\n"
                        + "but these requests arrived in scope " + mock.scopeName() + ":\n"
                        + "  GET /inventory/a-1\n"
                        + "  POST /payment {\"orderId\":\"o-1\",\"amount\":42.50}");
    }

    @Test
    void listsTheDeclaredNamesForAnUnknownStub() {
        assertThatThrownBy(() -> mock.callsTo("payment"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No stub named \"payment\" in scope " + mock.scopeName() + "; declared names: [\"pay\"]."
                        + " Fix: use a declared name, or name the stub with @Stub(name = \"payment\")"
                        + " or .named(\"payment\").");
    }

    @Test
    void confirmsNothingForADifferentAmount() {
        assertThat(mock.confirmRequest(post("/payment").withJson("{\"orderId\": \"o-1\", \"amount\": 99}")))
                .isFalse();
        assertThat(mock.confirmRequest(post("/payment"), Times.atLeast(2))).isFalse();
    }
}
