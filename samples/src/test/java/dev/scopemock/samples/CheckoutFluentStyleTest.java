package dev.scopemock.samples;

import static dev.scopemock.junit.MockResponse.ok;
import static dev.scopemock.junit.MockResponse.status;
import static dev.scopemock.junit.RequestMatcher.get;
import static dev.scopemock.junit.RequestMatcher.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scopemock.engine.model.RecordedRequest;
import dev.scopemock.junit.MockServer;
import dev.scopemock.junit.ScopedMock;
import dev.scopemock.junit.Times;
import java.math.BigDecimal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The same checkout, stubbed with the fluent API; the field is injected per test, like a parameter. */
@MockServer
class CheckoutFluentStyleTest {

    private static final Order TWO_ITEMS = new Order("o-1", "a-1", 2, new BigDecimal("42.50"));

    ScopedMock mock;
    CheckoutService checkout;

    @BeforeEach
    void stubInventory() {
        mock.whenRequestedWith(get("/inventory/a-1")).respondWithJson(200, "{\"sku\": \"a-1\", \"available\": 5}");
        checkout = new CheckoutService(MockSettings.of(mock));
    }

    @Test
    void paysAnOrderThatIsInStock() {
        mock.whenRequestedWith(post("/payment").withJson("{\"orderId\": \"o-1\", \"amount\": 42.50}"))
                .respondWith(ok().withJson("{\"status\": \"accepted\"}"));

        CheckoutResult result = checkout.checkout(TWO_ITEMS);

        assertThat(result).isEqualTo(new CheckoutResult("o-1", CheckoutOutcome.PAID));
        assertThat(mock.confirmRequest(post("/payment").withHeader("Content-Type", "application/json"), Times.once()))
                .isTrue();
        assertThat(mock.requests()).extracting(RecordedRequest::toString)
                .containsExactly("GET /inventory/a-1", "POST /payment");
    }

    @Test
    void reportsADeclinedPayment() {
        mock.whenRequestedWith(post("/payment")).respondWithJson(200, "{\"status\": \"declined\"}");

        CheckoutResult result = checkout.checkout(TWO_ITEMS);

        assertThat(result).isEqualTo(new CheckoutResult("o-1", CheckoutOutcome.PAYMENT_DECLINED));
    }

    @Test
    void failsClearlyWhenThePaymentProviderAnswersAnError() {
        mock.whenRequestedWith(post("/payment"))
                .respondWith(status(503).withJson("{\"error\": \"maintenance\"}"));

        assertThatThrownBy(() -> checkout.checkout(TWO_ITEMS))
                .isInstanceOf(UnexpectedResponseException.class)
                .hasMessage("POST /payment answered 503: expected a 2xx status; body: {\"error\":\"maintenance\"}");
        assertThat(mock.confirmRequest(post("/payment"), Times.once())).isTrue();
    }
}
