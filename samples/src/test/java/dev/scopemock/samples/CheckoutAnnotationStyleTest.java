package dev.scopemock.samples;

import static dev.scopemock.junit.RequestMatcher.get;
import static dev.scopemock.junit.RequestMatcher.post;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scopemock.annotations.Stub;
import dev.scopemock.engine.model.RecordedRequest;
import dev.scopemock.junit.MockServer;
import dev.scopemock.junit.ScopedMock;
import dev.scopemock.junit.Times;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The checkout's happy and unhappy paths, stubbed with annotations: class-level stubs apply to every test. */
@MockServer
@Stub(path = "/inventory/a-1", method = "GET", responseJson = "{\"sku\": \"a-1\", \"available\": 5}")
class CheckoutAnnotationStyleTest {

    private static final Order TWO_ITEMS = new Order("o-1", "a-1", 2, new BigDecimal("42.50"));

    @Test
    @Stub(path = "/payment", method = "POST", json = "{\"orderId\": \"o-1\", \"amount\": 42.50}",
            responseJson = "{\"status\": \"accepted\"}")
    void paysAnOrderThatIsInStock(ScopedMock mock) {
        CheckoutService checkout = new CheckoutService(MockSettings.of(mock));

        CheckoutResult result = checkout.checkout(TWO_ITEMS);

        assertThat(result).isEqualTo(new CheckoutResult("o-1", CheckoutOutcome.PAID));
        assertThat(mock.confirmRequest(get("/inventory/a-1"), Times.once())).isTrue();
        assertThat(mock.confirmRequest(post("/payment").withHeader("Idempotency-Key", "o-1"), Times.once())).isTrue();
        assertThat(mock.requests()).extracting(RecordedRequest::toString)
                .containsExactly("GET /inventory/a-1", "POST /payment");
        assertThat(mock.requests().get(1).bodyText()).isEqualTo("{\"orderId\":\"o-1\",\"amount\":42.50}");
        assertThat(mock.requests()).extracting(request -> request.header(mock.scopeHeader().name()))
                .containsOnly("1");
    }

    @Test
    @Stub(path = "/payment", method = "POST", responseJson = "{\"status\": \"declined\"}")
    void reportsADeclinedPayment(ScopedMock mock) {
        CheckoutService checkout = new CheckoutService(MockSettings.of(mock));

        CheckoutResult result = checkout.checkout(TWO_ITEMS);

        assertThat(result).isEqualTo(new CheckoutResult("o-1", CheckoutOutcome.PAYMENT_DECLINED));
        assertThat(mock.confirmRequest(post("/payment"), Times.once())).isTrue();
    }

    @Test
    void neverChargesAnOrderThatIsOutOfStock(ScopedMock mock) {
        CheckoutService checkout = new CheckoutService(MockSettings.of(mock));

        CheckoutResult result = checkout.checkout(new Order("o-2", "a-1", 6, new BigDecimal("99.00")));

        assertThat(result).isEqualTo(new CheckoutResult("o-2", CheckoutOutcome.OUT_OF_STOCK));
        assertThat(mock.confirmRequest(post("/payment"), Times.never())).isTrue();
        assertThat(mock.requests()).extracting(RecordedRequest::toString).containsExactly("GET /inventory/a-1");
    }
}
