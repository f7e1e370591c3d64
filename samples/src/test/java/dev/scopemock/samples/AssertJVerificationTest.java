package dev.scopemock.samples;

import static dev.scopemock.junit.RequestMatcher.get;
import static dev.scopemock.junit.RequestMatcher.post;
import static dev.scopemock.junit.Times.exactly;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scopemock.annotations.Stub;
import dev.scopemock.assertj.MockAssertions;
import dev.scopemock.junit.MockServer;
import dev.scopemock.junit.ScopedMock;
import java.math.BigDecimal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** Verifying the checkout with AssertJ, and what a failing verification prints. */
@MockServer
@Stub(path = "/inventory/a-1", method = "GET", responseJson = "{\"sku\": \"a-1\", \"available\": 5}")
@Stub(path = "/payment", method = "POST", responseJson = "{\"status\": \"accepted\"}")
class AssertJVerificationTest {

    ScopedMock mock;

    @BeforeEach
    void checkOutOneOrder() {
        new CheckoutService(MockSettings.of(mock)).checkout(new Order("o-1", "a-1", 1, new BigDecimal("42.50")));
    }

    @Test
    void verifiesThePaymentAndTheStockCheck() {
        MockAssertions.assertThat(mock)
                .received(exactly(1), post("/payment").withJson("{\"orderId\": \"o-1\", \"amount\": 42.50}"))
                .received(exactly(1), get("/inventory/a-1"));
        MockAssertions.assertThat(mock.requests()).first().hasMethod("GET").hasPath("/inventory/a-1");
    }

    @Test
    void printsTheClosestRequestsWhenTheAmountIsWrong() {
        assertThatThrownBy(() -> MockAssertions.assertThat(mock)
                .received(exactly(1), post("/payment").withJson("{\"orderId\": \"o-1\", \"amount\": 41.50}")))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessage("""
                        Expecting scope %s to have received exactly 1 time:
                          POST /payment json {"orderId":"o-1","amount":41.50}
                        but it received 0 matching requests. Closest recorded requests:
                          POST /payment {"orderId":"o-1","amount":42.50}
                            body: expected JSON {"orderId":"o-1","amount":41.50} but was {"orderId":"o-1","amount":42.50}
                              $.amount: expected 41.50 but was 42.50
                          GET /inventory/a-1
                            method: expected "POST" but was "GET"
                            path: expected "/payment" but was "/inventory/a-1"
                            body: expected JSON {"orderId":"o-1","amount":41.50} but was an empty body\
                        """.formatted(mock.scopeName()));
    }
}
