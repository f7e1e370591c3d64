package dev.scopemock.junit;

import static dev.scopemock.junit.MockResponse.ok;
import static dev.scopemock.junit.RequestMatcher.get;
import static dev.scopemock.junit.testkit.TestKit.describe;
import static dev.scopemock.junit.testkit.TestKit.reported;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.scopemock.engine.MockEngine;
import dev.scopemock.engine.model.RecordedRequest;
import dev.scopemock.junit.testkit.Fixture;
import dev.scopemock.junit.testkit.Http;
import dev.scopemock.junit.testkit.TestKit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Concurrent tests (classes and methods, dynamic tests too) stub the same path with different answers on one
 * shared engine; each sees only its own answer and its own requests, round after round.
 */
class ParallelIsolationTest {

    private static final int ROUNDS = 20;
    private static final int TESTS_PER_ROUND = 32;
    private static final int REQUESTS_PER_TEST = 8;

    @Test
    void concurrentTestsStubbingTheSamePathNeverSeeEachOthersAnswersOrRequests() {
        int mostAtOnce = 0;
        for (int round = 1; round <= ROUNDS; round++) {
            EngineExecutionResults results = TestKit.fixtures().parallel(8)
                    .run(FirstParallelTestCase.class, SecondParallelTestCase.class);

            assertThat(describe(results)).as("round %d", round).isEmpty();
            results.testEvents().assertStatistics(stats -> stats.started(TESTS_PER_ROUND)
                    .succeeded(TESTS_PER_ROUND));
            assertThat(reported(results, "answer")).as("round %d", round).hasSize(TESTS_PER_ROUND)
                    .doesNotHaveDuplicates();
            mostAtOnce = Math.max(mostAtOnce, mostAtOnce(reported(results, "window")));
        }
        assertThat(mostAtOnce).as("tests that ran at the same time").isGreaterThanOrEqualTo(4);
    }

    @Test
    void isolatesConcurrentTestsOnARemoteEngineToo() {
        try (MockEngine engine = MockEngine.start()) {
            for (int round = 1; round <= 3; round++) {
                EngineExecutionResults results = TestKit.remote(engine.baseUrl().toString()).parallel(8)
                        .run(FirstParallelTestCase.class, SecondParallelTestCase.class);

                assertThat(describe(results)).as("round %d", round).isEmpty();
                results.testEvents().assertStatistics(stats -> stats.started(TESTS_PER_ROUND)
                        .succeeded(TESTS_PER_ROUND));
            }
            assertThat(engine.scopes()).isEmpty();
        }
    }

    /** The largest number of {@code start-end} windows (nanoTime) that overlap at one instant. */
    private static int mostAtOnce(List<String> windows) {
        List<long[]> edges = new ArrayList<>();
        for (String window : windows) {
            String[] parts = window.split("-");
            edges.add(new long[] {Long.parseLong(parts[0]), 1});
            edges.add(new long[] {Long.parseLong(parts[1]), -1});
        }
        edges.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        int now = 0;
        int most = 0;
        for (long[] edge : edges) {
            now += (int) edge[1];
            most = Math.max(most, now);
        }
        return most;
    }

    /** One test's work: stub the shared path with its own answer, call it, and check it saw only its own. */
    static void stubCallAndVerify(ScopedMock mock, String answer, TestReporter reporter) {
        long started = System.nanoTime();
        mock.whenRequestedWith(get("/same")).respondWith(ok().withBody(answer));
        Http.unscoped(mock.baseUrl(), "GET", "/same?from=" + answer);
        for (int i = 0; i < REQUESTS_PER_TEST; i++) {
            assertEquals(answer, Http.get(mock, "/same?from=" + answer + "&i=" + i));
        }
        List<RecordedRequest> requests = mock.requests();
        assertEquals(REQUESTS_PER_TEST, requests.size(), "requests in scope " + mock.scopeName());
        for (RecordedRequest request : requests) {
            assertEquals(mock.scopeName(), request.scope());
            assertEquals(List.of(answer), request.query().get("from"));
        }
        assertTrue(mock.confirmRequest(get("/same"), Times.exactly(REQUESTS_PER_TEST)));
        reporter.publishEntry("answer", answer);
        reporter.publishEntry("window", started + "-" + System.nanoTime());
    }

    @MockServer
    @Fixture
    static class FirstParallelTestCase {

        @ParameterizedTest
        @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9})
        void parameterized(int n, ScopedMock mock, TestReporter reporter) {
            stubCallAndVerify(mock, "first-parameterized-" + n, reporter);
        }

        @Test
        void plain(ScopedMock mock, TestReporter reporter) {
            stubCallAndVerify(mock, "first-plain", reporter);
        }

        @Test
        void another(ScopedMock mock, TestReporter reporter) {
            stubCallAndVerify(mock, "first-another", reporter);
        }

        @TestFactory
        Stream<DynamicTest> dynamic(ScopedMock mock, TestReporter reporter) {
            return IntStream.range(0, 4).mapToObj(n -> dynamicTest("dynamic " + n,
                    () -> stubCallAndVerify(mock, "first-dynamic-" + n, reporter)));
        }
    }

    @MockServer
    @Fixture
    static class SecondParallelTestCase {

        private ScopedMock field;

        @ParameterizedTest
        @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9})
        void parameterized(int n, TestReporter reporter) {
            stubCallAndVerify(field, "second-parameterized-" + n, reporter);
        }

        @Test
        void plain(ScopedMock mock, TestReporter reporter) {
            stubCallAndVerify(mock, "second-plain", reporter);
        }

        @Test
        void another(TestReporter reporter) {
            stubCallAndVerify(field, "second-another", reporter);
        }

        @TestFactory
        Stream<DynamicTest> dynamic(TestReporter reporter) {
            return IntStream.range(0, 4).mapToObj(n -> dynamicTest("dynamic " + n,
                    () -> stubCallAndVerify(field, "second-dynamic-" + n, reporter)));
        }
    }
}
