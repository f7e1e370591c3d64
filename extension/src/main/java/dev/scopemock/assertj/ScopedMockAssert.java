package dev.scopemock.assertj;

import dev.scopemock.junit.RequestMatcher;
import dev.scopemock.junit.ScopedMock;
import dev.scopemock.junit.Times;
import java.time.Duration;
import java.util.Objects;
import org.apiguardian.api.API;
import org.assertj.core.annotation.CheckReturnValue;
import org.assertj.core.api.AbstractAssert;

/**
 * Verifications over the requests of one test's scope ({@link ScopedMock#requests()}): requests without this
 * test's scope header, such as a parallel neighbour's unscoped traffic, never count.
 *
 * <pre>{@code
 * assertThat(mock).received(exactly(1), post("/payment").withJson("{\"amount\": 42}"));   // passes after one such call
 * assertThat(mock).hasNotReceived(get("/health"));
 * }</pre>
 *
 * <p>A failed {@code received} prints the expected request and then either the matching requests (when the count
 * is wrong) or the scope's recorded requests closest to the expectation, each with every field that differed:
 *
 * <pre>
 * Expecting scope checkouttest-paysonce-1a2b3c to have received exactly 1 time:
 *   POST /payment json {"amount":42}
 * but it received 0 matching requests. Closest recorded requests:
 *   POST /payment {"amount":41}
 *     body: expected JSON {"amount":42} but was {"amount":41}
 *       $.amount: expected 42 but was 41
 * </pre>
 *
 * <p>For a system under test that calls asynchronously, put {@link #within(Duration)} <em>before</em> the
 * verification: {@code assertThat(mock).within(Duration.ofSeconds(2)).received(exactly(1), post("/x"))}. AssertJ
 * evaluates each assertion method as it is called, so a {@code received(...).within(...)} order could only
 * check after the fact; there is no end of statement at which a deferred check could run.
 *
 * <p>Failures are {@code org.opentest4j.AssertionFailedError}s whose expected and actual values are the
 * expected and actual counts ({@code "exactly 1 time"} and {@code "0 times"}).
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ScopedMockAssert extends AbstractAssert<ScopedMockAssert, ScopedMock> {

    private Duration wait = Duration.ZERO;

    /**
     * Use {@link MockAssertions#assertThat(ScopedMock)}.
     *
     * @param actual the test's mock
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public ScopedMockAssert(ScopedMock actual) {
        super(actual, ScopedMockAssert.class);
    }

    /**
     * Makes the following {@code received} verifications wait, up to {@code timeout}, for the expected requests
     * to arrive. With the in-process engine the wait is woken by its request events (no polling sleep; a remote
     * engine is polled over its control API). It ends as soon as the count is reached; a count that is already
     * too high fails at once. Expectations that zero requests satisfy
     * ({@link Times#never()}, {@link Times#atMost(int)}, {@link #hasNotReceived}, {@link #receivedNothing()}) are
     * checked at once, without waiting.
     *
     * <pre>{@code
     * service.checkoutInBackground(42);
     * assertThat(mock).within(Duration.ofSeconds(2)).received(exactly(1), post("/payment"));   // waits for it
     * assertThat(mock).within(Duration.ofMillis(100)).received(post("/refund"));   // fails after 100 ms
     * }</pre>
     *
     * <p>It must come before the verification: AssertJ checks each assertion when it is called, so a
     * {@code received(...).within(...)} order would check before waiting.
     *
     * @param timeout how long to wait at most, not negative
     * @return this assertion, now waiting
     * @throws IllegalArgumentException when the timeout is negative
     * @since 0.1
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    @CheckReturnValue
    public ScopedMockAssert within(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("within(" + timeout + "): the timeout must not be negative. Fix: pass"
                    + " a duration such as Duration.ofSeconds(2).");
        }
        this.wait = timeout;
        return myself;
    }

    /**
     * Verifies how many of the scope's requests match.
     *
     * <pre>{@code
     * assertThat(mock).received(exactly(1), post("/payment").withJson("{\"amount\": 42}"));  // passes after one call
     * assertThat(mock).received(atLeast(2), get("/health"));   // fails after one call: it received 1 matching request
     * }</pre>
     *
     * @param times the expected count, for example {@code exactly(1)} or {@code atLeast(2)}
     * @param request which requests count
     * @return this assertion
     * @since 0.1
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public ScopedMockAssert received(Times times, RequestMatcher request) {
        isNotNull();
        ReceptionChecks.received(info, actual, times, request, wait);
        return myself;
    }

    /**
     * Verifies at least one of the scope's requests matches.
     *
     * <pre>{@code
     * assertThat(mock).received(get("/health"));    // passes after a GET /health
     * assertThat(mock).received(get("/healthz"));   // fails, listing the closest recorded requests
     * }</pre>
     *
     * @param request which requests count
     * @return this assertion
     * @since 0.1
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public ScopedMockAssert received(RequestMatcher request) {
        return received(Times.atLeast(1), request);
    }

    /**
     * Verifies none of the scope's requests matches; checked at once, even after {@link #within(Duration)}.
     *
     * <pre>{@code
     * assertThat(mock).hasNotReceived(delete("/orders/7"));   // passes when none arrived
     * }</pre>
     * It fails, listing the matching requests, when one did.
     *
     * @param request which requests must not have arrived
     * @return this assertion
     * @since 0.1
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public ScopedMockAssert hasNotReceived(RequestMatcher request) {
        return received(Times.never(), request);
    }

    /**
     * Verifies the scope received no request at all.
     *
     * <pre>{@code
     * assertThat(mock).receivedNothing();   // passes before any call; fails after one, listing what arrived
     * }</pre>
     *
     * @return this assertion
     * @since 0.1
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public ScopedMockAssert receivedNothing() {
        isNotNull();
        ReceptionChecks.receivedNothing(info, actual);
        return myself;
    }

    /**
     * Verifies every request of the scope was answered by one of its stubs; the same check that
     * {@code @MockServer(strict = true)} runs after the test, available mid-test.
     *
     * <pre>{@code
     * assertThat(mock).hasNoUnmatchedRequests();   // passes when every request hit a stub
     * }</pre>
     * It fails, printing each unmatched request with the closest stub and the fields that differed, when one
     * did not.
     *
     * @return this assertion
     * @since 0.1
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public ScopedMockAssert hasNoUnmatchedRequests() {
        isNotNull();
        ReceptionChecks.hasNoUnmatchedRequests(info, actual);
        return myself;
    }
}
