package dev.scopemock.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.scopemock.annotations.Stub;
import dev.scopemock.junit.MockServer;
import dev.scopemock.junit.ScopedMock;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * What a test prints when its system under test sent a request no stub answered: the request, the closest stub and
 * the field that differed. The failing test is a fixture run through the JUnit Platform test kit.
 */
class StrictModeReportTest {

    @Test
    void failsATestWhoseRequestMatchedNoStubAndNamesTheDifference() {
        Event failed = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(WrongAmountTestCase.class))
                .execute()
                .testEvents()
                .assertStatistics(stats -> stats.started(1).failed(1))
                .failed().list().get(0);

        String message = failed.getRequiredPayload(TestExecutionResult.class)
                .getThrowable().orElseThrow().getMessage();
        assertThat(message.replaceAll("wrongamounttestcase-chargesthewrongamount-[0-9a-f]+", "<scope>"))
                .isEqualTo("Expecting every request in scope <scope> to match a stub, but 1 request matched none:\n"
                        + "  POST /payment {\"orderId\":\"o-1\",\"amount\":41.50}\n"
                        + "    closest stub: @Stub(method = \"POST\", path = \"/payment\") on"
                        + " WrongAmountTestCase.chargesTheWrongAmount\n"
                        + "      body: expected JSON {\"orderId\":\"o-1\",\"amount\":42.50}"
                        + " but was {\"orderId\":\"o-1\",\"amount\":41.50}\n"
                        + "        $.amount: expected 42.50 but was 41.50\n"
                        + "(@MockServer(strict = false) turns this check off.)");
    }

    /** A user's test with a bug in the system under test: it charges 41.50 where 42.50 was stubbed. */
    @MockServer
    static class WrongAmountTestCase {

        @Test
        @Stub(path = "/payment", method = "POST", json = "{\"orderId\": \"o-1\", \"amount\": 42.50}",
                responseJson = "{\"status\": \"accepted\"}")
        void chargesTheWrongAmount(ScopedMock mock) {
            PaymentClient payments = new PaymentClient(MockSettings.of(mock).withRetry(RetryPolicy.none()));

            assertThatThrownBy(() -> payments.pay("o-1", new BigDecimal("41.50")))
                    .isInstanceOf(UnexpectedResponseException.class);
        }
    }
}
