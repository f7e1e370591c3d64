package dev.scopemock.samples;

import static dev.scopemock.junit.MockResponse.ok;
import static dev.scopemock.junit.MockResponse.status;
import static dev.scopemock.junit.RequestMatcher.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scopemock.annotations.Stub;
import dev.scopemock.engine.model.RecordedRequest;
import dev.scopemock.junit.MockServer;
import dev.scopemock.junit.ScopedMock;
import dev.scopemock.junit.Times;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Named stubs: the payment provider changes its answer mid-test, and calls are verified by the stub's name. */
@MockServer
@Stub(path = "/inventory/a-1", method = "GET", responseJson = "{\"sku\": \"a-1\", \"available\": 5}")
class PaymentRecoveryTest {

    private static final Order ORDER = new Order("o-1", "a-1", 1, new BigDecimal("42.50"));

    @Test
    @Stub(name = "pay", path = "/payment", method = "POST", responseJson = "{\"status\": \"declined\"}")
    void paysOnceTheProviderAcceptsAgain(ScopedMock mock) {
        CheckoutService checkout = new CheckoutService(MockSettings.of(mock));
        CheckoutResult declined = checkout.checkout(ORDER);

        mock.stub("pay").respondWith(ok().withJson("{\"status\": \"accepted\"}"));
        CheckoutResult paid = checkout.checkout(ORDER);

        assertThat(declined.outcome()).isEqualTo(CheckoutOutcome.PAYMENT_DECLINED);
        assertThat(paid.outcome()).isEqualTo(CheckoutOutcome.PAID);
        mock.received("pay", Times.exactly(2));
        assertThat(mock.callsTo("pay")).extracting(RecordedRequest::bodyText)
                .containsExactly("{\"orderId\":\"o-1\",\"amount\":42.50}", "{\"orderId\":\"o-1\",\"amount\":42.50}");
    }

    @Test
    void surfacesAnOutageThenRecovers(ScopedMock mock) {
        mock.whenRequestedWith(post("/payment")).named("pay").respondWith(status(503));
        CheckoutService checkout = new CheckoutService(MockSettings.of(mock));

        assertThatThrownBy(() -> checkout.checkout(ORDER)).isInstanceOf(UnexpectedResponseException.class)
                .hasMessage("POST /payment answered 503: expected a 2xx status; body: ");
        mock.stub("pay").respondWith(ok().withJson("{\"status\": \"accepted\"}"));

        assertThat(checkout.checkout(ORDER).outcome()).isEqualTo(CheckoutOutcome.PAID);
        assertThat(mock.callsTo("pay")).hasSize(2);
        assertThat(mock.lastCallTo("pay").header("Idempotency-Key")).isEqualTo("o-1");
    }

    @Test
    @Stub(name = "pay", path = "/payment", method = "POST", responseJson = "{\"status\": \"accepted\"}")
    void neverCallsThePaymentProviderForAnOrderOutOfStock(ScopedMock mock) {
        CheckoutService checkout = new CheckoutService(MockSettings.of(mock));

        checkout.checkout(new Order("o-2", "a-1", 9, BigDecimal.TEN));

        mock.assertNotCalled("pay");
    }
}
