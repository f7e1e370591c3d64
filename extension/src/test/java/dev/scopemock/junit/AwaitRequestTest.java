package dev.scopemock.junit;

import static dev.scopemock.junit.RequestMatcher.get;
import static dev.scopemock.junit.testkit.TestKit.describe;
import static dev.scopemock.junit.testkit.TestKit.failureOf;
import static dev.scopemock.junit.testkit.TestKit.reported;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopemock.annotations.Stub;
import dev.scopemock.engine.MockEngine;
import dev.scopemock.engine.model.RecordedRequest;
import dev.scopemock.junit.testkit.Fixture;
import dev.scopemock.junit.testkit.Http;
import dev.scopemock.junit.testkit.TestKit;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.opentest4j.AssertionFailedError;

/** {@code awaitRequest}: woken when the request arrives (engine events in process, the long-poll remotely). */
class AwaitRequestTest {

    @Test
    void waitsForARequestSentLaterFromAnotherThreadInProcess() {
        assertWaitsAndTimesOut(TestKit.fixtures().run(AwaitTestCase.class));
    }

    @Test
    void waitsForARequestSentLaterFromAnotherThreadOverHttp() {
        try (MockEngine engine = MockEngine.start()) {
            assertWaitsAndTimesOut(TestKit.remote(engine.baseUrl().toString()).run(AwaitTestCase.class));
            assertThat(engine.scopes()).isEmpty();
        }
    }

    private static void assertWaitsAndTimesOut(EngineExecutionResults results) {
        assertThat(describe(results)).startsWith("timesOutListingWhatArrived(ScopedMock, TestReporter) -> ")
                .doesNotContain("returnsARequestSentLater", "ignoresRequestsClearedBeforeWaiting",
                        "returnsARequestThatAlreadyArrived");
        results.testEvents().assertStatistics(stats -> stats.started(4).succeeded(3).failed(1));
        assertThat(reported(results, "waited-ms")).hasSize(2).allSatisfy(ms -> assertThat(Long.parseLong(ms))
                .isBetween(350L, 5_000L));
        assertThat(Long.parseLong(reported(results, "immediate-ms").get(0))).isLessThan(1_000L);
        String scope = reported(results, "timesOutListingWhatArrived(ScopedMock, TestReporter)", "scope").get(0);
        assertThat(failureOf(results, "timesOutListingWhatArrived(ScopedMock, TestReporter)"))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessage("Expecting a request within 300 ms:\n"
                        + "  GET /never\n"
                        + "but these requests arrived in scope " + scope + ":\n"
                        + "  GET /other");
    }

    @MockServer
    @Stub(path = "/late", body = "late")
    @Stub(path = "/other", body = "other")
    @Fixture
    static class AwaitTestCase {

        private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();

        @AfterEach
        void stopScheduler() {
            later.shutdownNow();
        }

        @Test
        void returnsARequestSentLater(ScopedMock mock, TestReporter reporter) {
            later.schedule(() -> Http.unscoped(mock.baseUrl(), "GET", "/late"), 100, TimeUnit.MILLISECONDS);
            later.schedule(() -> Http.get(mock, "/late"), 400, TimeUnit.MILLISECONDS);
            long started = System.nanoTime();

            RecordedRequest request = mock.awaitRequest(get("/late"), Duration.ofSeconds(10));

            reporter.publishEntry("waited-ms", String.valueOf((System.nanoTime() - started) / 1_000_000));
            assertEquals("GET /late", request.toString());
            assertEquals(mock.scopeName(), request.scope(), "a neighbour's unscoped request never counts");
        }

        @Test
        void ignoresRequestsClearedBeforeWaiting(ScopedMock mock, TestReporter reporter) {
            Http.get(mock, "/late");
            long first = mock.lastRequest().sequence();
            mock.clearRequests();
            later.schedule(() -> Http.get(mock, "/late"), 400, TimeUnit.MILLISECONDS);
            long started = System.nanoTime();

            RecordedRequest request = mock.awaitRequest(get("/late"), Duration.ofSeconds(10));

            reporter.publishEntry("waited-ms", String.valueOf((System.nanoTime() - started) / 1_000_000));
            assertTrue(request.sequence() > first, "the request sent after clearRequests()");
            Http.get(mock, "/other");
        }

        @Test
        void returnsARequestThatAlreadyArrived(ScopedMock mock, TestReporter reporter) {
            Http.get(mock, "/other");
            Http.get(mock, "/late");
            long started = System.nanoTime();

            RecordedRequest request = mock.awaitRequest(get("/late"), Duration.ofSeconds(10));

            reporter.publishEntry("immediate-ms", String.valueOf((System.nanoTime() - started) / 1_000_000));
            assertEquals("GET /late", request.toString());
        }

        @Test
        void timesOutListingWhatArrived(ScopedMock mock, TestReporter reporter) {
            reporter.publishEntry("scope", mock.scopeName());
            Http.get(mock, "/other");

            mock.awaitRequest(get("/never"), Duration.ofMillis(300));
        }
    }
}
