package dev.scopemock.samples;

import static dev.scopemock.junit.RequestMatcher.get;
import static dev.scopemock.junit.RequestMatcher.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scopemock.annotations.Chaos;
import dev.scopemock.annotations.Stub;
import dev.scopemock.engine.model.RecordedRequest;
import dev.scopemock.junit.MockServer;
import dev.scopemock.junit.ScopedMock;
import dev.scopemock.junit.Times;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Connection drops and slow answers, injected with {@code @Chaos} or the fluent {@code withConnectionDrop} and
 * {@code withLatency}: the service retries dropped calls and gives up on slow ones. The latency is well above the
 * timeout, so a busy machine (cold JVM, parallel tests) cannot time out the calls that are meant to be fast.
 */
@MockServer
@Stub(path = "/inventory/a-1", method = "GET", responseJson = "{\"sku\": \"a-1\", \"available\": 5}")
class CheckoutResilienceTest {

    private static final Order ORDER = new Order("o-1", "a-1", 1, new BigDecimal("19.90"));
    private static final String ACCEPTED = "{\"status\": \"accepted\"}";

    // Of two equally specific stubs the newer one answers: the dropping stub, until its one call is used up.
    @Test
    @Stub(path = "/payment", method = "POST", responseJson = ACCEPTED)
    @Stub(path = "/payment", method = "POST", responseJson = ACCEPTED, maxCalls = 1,
            chaos = @Chaos(connectionDropProbability = 1.0))
    void retriesAPaymentWhoseConnectionDropped(ScopedMock mock) {
        CheckoutService checkout = new CheckoutService(MockSettings.of(mock));

        CheckoutResult result = checkout.checkout(ORDER);

        assertThat(result.outcome()).isEqualTo(CheckoutOutcome.PAID);
        assertThat(mock.confirmRequest(post("/payment").withHeader("Idempotency-Key", "o-1"), Times.exactly(2)))
                .isTrue();
    }

    @Test
    void retriesAPaymentWhoseConnectionDroppedWithFluentStubs(ScopedMock mock) {
        mock.whenRequestedWith(post("/payment")).respondWithJson(200, ACCEPTED);
        mock.whenRequestedWith(post("/payment")).withConnectionDrop(1.0).maxCalls(1).respondWithJson(200, ACCEPTED);
        CheckoutService checkout = new CheckoutService(MockSettings.of(mock));

        CheckoutResult result = checkout.checkout(ORDER);

        assertThat(result.outcome()).isEqualTo(CheckoutOutcome.PAID);
        assertThat(mock.requests()).extracting(RecordedRequest::toString)
                .containsExactly("GET /inventory/a-1", "POST /payment", "POST /payment");
    }

    @Test
    @Stub(path = "/payment", method = "POST", responseJson = ACCEPTED,
            chaos = @Chaos(connectionDropProbability = 1.0))
    void givesUpAfterThreeDroppedConnections(ScopedMock mock) {
        CheckoutService checkout = new CheckoutService(MockSettings.of(mock));

        assertThatThrownBy(() -> checkout.checkout(ORDER))
                .isInstanceOf(ServiceUnavailableException.class)
                .hasMessage("POST /payment failed with a connection error (3 attempts)");
        assertThat(mock.confirmRequest(post("/payment"), Times.exactly(3))).isTrue();
    }

    @Test
    @Stub(path = "/payment", method = "POST", responseJson = ACCEPTED)
    @Chaos(latencyMs = 3000)
    void timesOutASlowPaymentWithoutRetrying(ScopedMock mock) {
        ServiceSettings impatient = MockSettings.of(mock).withRequestTimeout(Duration.ofSeconds(1));
        CheckoutService checkout = new CheckoutService(impatient);

        assertThatThrownBy(() -> checkout.checkout(ORDER))
                .isInstanceOf(ServiceTimeoutException.class)
                .hasMessage("POST /payment timed out: no response within 1000 ms");
        assertThat(mock.confirmRequest(post("/payment"), Times.once())).isTrue();
    }

    @Test
    void timesOutASlowInventoryWithFluentLatency(ScopedMock mock) {
        mock.whenRequestedWith(get("/inventory/b-2")).withLatency(Duration.ofSeconds(3))
                .respondWithJson(200, "{\"sku\": \"b-2\", \"available\": 5}");
        ServiceSettings impatient = MockSettings.of(mock).withRequestTimeout(Duration.ofSeconds(1));
        CheckoutService checkout = new CheckoutService(impatient);

        assertThatThrownBy(() -> checkout.checkout(new Order("o-2", "b-2", 1, BigDecimal.TEN)))
                .isInstanceOf(ServiceTimeoutException.class)
                .hasMessage("GET /inventory/b-2 timed out: no response within 1000 ms");
    }
}
