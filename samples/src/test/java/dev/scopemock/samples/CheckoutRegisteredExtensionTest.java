package dev.scopemock.samples;

import static dev.scopemock.junit.RequestMatcher.post;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scopemock.annotations.Stub;
import dev.scopemock.junit.Isolation;
import dev.scopemock.junit.ScopedMock;
import dev.scopemock.junit.ScopemockExtension;
import dev.scopemock.junit.Times;
import java.math.BigDecimal;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The extension registered in code instead of {@code @MockServer}: the settings are built once, here with a port per
 * test so the checkout needs no scope header at all (it is handed {@code mock.baseUrl()} only). The static field also
 * serves the {@code @Nested} class, whose tests get the outer class's stubs.
 */
@Stub(path = "/inventory/a-1", method = "GET", responseJson = "{\"sku\": \"a-1\", \"available\": 5}")
class CheckoutRegisteredExtensionTest {

    @RegisterExtension
    static final ScopemockExtension SCOPEMOCK = ScopemockExtension.builder()
            .isolation(Isolation.PORT)
            .failOnUnusedStubs(true)
            .build();

    private static final Order ORDER = new Order("o-9", "a-1", 1, new BigDecimal("10.00"));

    @Test
    @Stub(path = "/payment", method = "POST", responseJson = "{\"status\": \"accepted\"}")
    void paysWithoutForwardingAnyHeader(ScopedMock mock) {
        CheckoutService checkout = new CheckoutService(ServiceSettings.of(mock.baseUrl()));

        CheckoutResult result = checkout.checkout(ORDER);

        assertThat(result).isEqualTo(new CheckoutResult("o-9", CheckoutOutcome.PAID));
        assertThat(mock.confirmRequest(post("/payment").withHeader("Idempotency-Key", "o-9"), Times.once())).isTrue();
    }

    @Nested
    class WhenThePaymentIsDeclined {

        @Test
        @Stub(path = "/payment", method = "POST", responseJson = "{\"status\": \"declined\"}")
        void reportsTheDecline(ScopedMock mock) {
            CheckoutService checkout = new CheckoutService(ServiceSettings.of(mock.baseUrl()));

            assertThat(checkout.checkout(ORDER)).isEqualTo(new CheckoutResult("o-9", CheckoutOutcome.PAYMENT_DECLINED));
        }
    }
}
