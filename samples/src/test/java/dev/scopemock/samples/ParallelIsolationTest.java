package dev.scopemock.samples;

import static dev.scopemock.junit.RequestMatcher.get;
import static dev.scopemock.junit.RequestMatcher.post;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scopemock.engine.model.RecordedRequest;
import dev.scopemock.junit.MockServer;
import dev.scopemock.junit.ScopedMock;
import dev.scopemock.junit.Times;
import java.math.BigDecimal;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sixteen shoppers check out at the same time against the same engine. Each stubs the same two paths with its own
 * answers, and each sees only its own answers and its own requests, because its service forwards its scope header.
 */
@MockServer
class ParallelIsolationTest {

    private static final int SHOPPERS = 16;

    /** Every shopper's stubs exist before any shopper calls, so the same paths are stubbed 16 times at once. */
    private static final CountDownLatch ALL_STUBBED = new CountDownLatch(SHOPPERS);

    static IntStream shoppers() {
        return IntStream.rangeClosed(1, SHOPPERS);
    }

    @ParameterizedTest(name = "shopper {0}")
    @MethodSource("shoppers")
    void eachShopperSeesOnlyItsOwnAnswersAndRequests(int shopper, ScopedMock mock) throws InterruptedException {
        boolean accepted = shopper % 2 == 0;
        mock.whenRequestedWith(get("/inventory/a-1"))
                .respondWithJson(200, "{\"sku\": \"a-1\", \"available\": " + shopper + "}");
        mock.whenRequestedWith(post("/payment"))
                .respondWithJson(200, "{\"status\": \"" + (accepted ? "accepted" : "declined") + "\"}");
        awaitAllShoppersStubbed();
        CheckoutService checkout = new CheckoutService(MockSettings.of(mock));

        CheckoutResult fits = checkout.checkout(new Order("o-" + shopper, "a-1", shopper, new BigDecimal(shopper)));
        CheckoutResult tooMany = checkout.checkout(new Order("x-" + shopper, "a-1", shopper + 1, BigDecimal.ONE));

        assertThat(fits.outcome()).isEqualTo(accepted ? CheckoutOutcome.PAID : CheckoutOutcome.PAYMENT_DECLINED);
        assertThat(tooMany.outcome()).isEqualTo(CheckoutOutcome.OUT_OF_STOCK);
        assertThat(mock.requests()).extracting(RecordedRequest::toString)
                .containsExactly("GET /inventory/a-1", "POST /payment", "GET /inventory/a-1");
        assertThat(mock.requests()).extracting(RecordedRequest::scope).containsOnly(mock.scopeName());
        assertThat(mock.confirmRequest(post("/payment")
                .withJson("{\"orderId\": \"o-" + shopper + "\", \"amount\": " + shopper + "}"), Times.once())).isTrue();
    }

    private static void awaitAllShoppersStubbed() throws InterruptedException {
        ALL_STUBBED.countDown();
        assertThat(ALL_STUBBED.await(20, TimeUnit.SECONDS))
                .as("all %d shoppers running at once (parallel execution with at least %d threads, see "
                        + "junit-platform.properties); %d never arrived", SHOPPERS, SHOPPERS, ALL_STUBBED.getCount())
                .isTrue();
    }
}
