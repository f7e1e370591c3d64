package dev.scopemock.assertj;

import static dev.scopemock.assertj.MockAssertions.assertThat;
import static dev.scopemock.junit.RequestMatcher.get;
import static dev.scopemock.junit.RequestMatcher.post;
import static dev.scopemock.junit.Times.atMost;
import static dev.scopemock.junit.Times.exactly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scopemock.junit.MockServer;
import dev.scopemock.junit.ScopedMock;
import dev.scopemock.junit.testkit.DiagnosisText;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@MockServer(strict = false)
class ScopedMockAssertWithinTest {

    private static final Duration LONG = Duration.ofSeconds(10);

    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stopSending() {
        later.shutdownNow();
    }

    private ScheduledFuture<Integer> postLater(ScopedMock mock, long millis, String path) {
        return later.schedule(() -> Traffic.post(mock, path, "{}"), millis, TimeUnit.MILLISECONDS);
    }

    @Test
    void waitsForARequestSentLaterFromAnotherThread(ScopedMock mock) throws Exception {
        ScheduledFuture<Integer> callback = postLater(mock, 150, "/callback");
        long start = System.nanoTime();

        assertThat(mock).within(LONG).received(exactly(1), post("/callback"));

        assertThat(callback.get()).isEqualTo(404);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("woken by the arrival").isLessThan(LONG);
    }

    @Test
    void waitsUntilTheCountIsReached(ScopedMock mock) throws Exception {
        postLater(mock, 50, "/callback");
        ScheduledFuture<Integer> second = postLater(mock, 200, "/callback");

        assertThat(mock).within(LONG).received(exactly(2), post("/callback"));

        assertThat(mock.requests()).hasSize(2);
        assertThat(second.get()).isEqualTo(404);
    }

    @Test
    void passesAtOnceWhenTheRequestAlreadyArrived(ScopedMock mock) {
        Traffic.post(mock, "/callback", "{}");
        long start = System.nanoTime();

        assertThat(mock).within(LONG).received(post("/callback"));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(LONG);
    }

    @Test
    void failsAfterTheTimeoutNamingTheWait(ScopedMock mock) throws Exception {
        Traffic.post(mock, "/other", "{}");
        long start = System.nanoTime();

        assertThatThrownBy(() -> assertThat(mock).within(Duration.ofMillis(300))
                .received(exactly(1), post("/callback"))).hasMessage("""
                        Expecting scope %s to have received exactly 1 time within 300ms:
                          POST /callback
                        but it received 0 matching requests. Closest recorded requests:
                          POST /other {}
                            path: expected "/callback" but was "/other\"""".formatted(mock.scopeName()));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void anUnscopedRequestDuringTheWaitDoesNotCount(ScopedMock mock) throws Exception {
        ScheduledFuture<Long> neighbour = later.schedule(() -> {
            assertThat(Traffic.unscoped(mock, "POST", "/callback", "{}")).isEqualTo(404);
            return System.nanoTime();
        }, 50, TimeUnit.MILLISECONDS);

        assertThatThrownBy(() -> assertThat(mock).within(Duration.ofMillis(600)).received(post("/callback")))
                .hasMessage("""
                        Expecting scope %1$s to have received at least 1 time within 600ms:
                          POST /callback
                        but it received 0 matching requests: the scope received no requests at all (a request counts \
                        only when it carries the scope header "%1$s")
                        During this test the engine received 1 request without a scope header that the verification \
                        would have matched:
                          POST /callback {}
                        %2$s""".formatted(mock.scopeName(), DiagnosisText.fixes(mock.scopeName(), true)));
        long failedAt = System.nanoTime();
        assertThat(neighbour.get()).as("the neighbour's request was answered during the wait").isLessThan(failedAt);
    }

    @Test
    void aCountThatIsAlreadyTooHighFailsAtOnce(ScopedMock mock) {
        Traffic.post(mock, "/callback", "{}");
        Traffic.post(mock, "/callback", "{}");
        long start = System.nanoTime();

        assertThatThrownBy(() -> assertThat(mock).within(LONG).received(exactly(1), post("/callback")))
                .hasMessage("""
                        Expecting scope %s to have received exactly 1 time:
                          POST /callback
                        but it received 2 matching requests:
                          POST /callback {}
                          POST /callback {}""".formatted(mock.scopeName()));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(LONG);
    }

    @Test
    void expectationsThatNoRequestSatisfiesAreCheckedAtOnce(ScopedMock mock) {
        Traffic.get(mock, "/health");
        Traffic.get(mock, "/health");
        long start = System.nanoTime();

        assertThat(mock).within(LONG).hasNotReceived(post("/payment")).received(atMost(2), get("/health"));
        assertThatThrownBy(() -> assertThat(mock).within(LONG).received(atMost(1), get("/health")))
                .hasMessage("""
                        Expecting scope %s to have received at most 1 time:
                          GET /health
                        but it received 2 matching requests:
                          GET /health
                          GET /health""".formatted(mock.scopeName()));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(LONG);
    }

    @Test
    void rejectsANegativeTimeout(ScopedMock mock) {
        assertThatThrownBy(() -> assertThat(mock).within(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("within(PT-1S): the timeout must not be negative. Fix: pass a duration such as"
                        + " Duration.ofSeconds(2).");
    }
}
