package dev.scopemock.junit.agent;

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
import dev.scopemock.junit.MockServer;
import dev.scopemock.junit.ScopedMock;
import dev.scopemock.junit.Times;
import dev.scopemock.junit.testkit.Fixture;
import dev.scopemock.junit.testkit.TestKit;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.opentest4j.AssertionFailedError;

/**
 * A system under test that never forwards the scope header (plain clients calling {@code mock.baseUrl()}) passes its
 * scoped tests with the scope-propagation agent on, for every supported client, on the test thread, a thread it
 * starts, executors created outside the test and {@code CompletableFuture.supplyAsync}, with many tests stubbing the
 * same path at once; requests to another host get no header; with the agent off the same tests fail.
 */
class ScopePropagationTest {

    private static final String PROPAGATE = MockServer.PROPAGATE_SCOPE_PROPERTY;
    private static final int CASES = Client.values().length * Where.values().length;
    /** How many tests must be under way at once before any of them calls the system under test. */
    private static final int AT_ONCE = 16;

    /** What the running fixtures share with this class: the other host, the gate, the engine of remote runs. */
    private static volatile Shared shared;

    private static Client.Clients clients;
    private static Where.Pools pools;
    private static MockEngine otherHost;

    record Shared(URI otherHost, CountDownLatch gate, URI engine) {
    }

    @BeforeAll
    static void startClientsExecutorsAndAnotherHost() {
        clients = Client.Clients.open();
        pools = Where.Pools.open();
        otherHost = MockEngine.start();
    }

    @AfterAll
    static void stopThem() throws Exception {
        clients.close();
        pools.close();
        otherHost.close();
    }

    @Test
    void concurrentTestsGetTheirOwnAnswersFromEveryClientOnEveryThreadAndNoOtherHostSeesTheHeader() {
        shared = new Shared(otherHost.baseUrl(), new CountDownLatch(AT_ONCE), null);

        EngineExecutionResults results = TestKit.fixtures().with(PROPAGATE, "true").parallel(AT_ONCE + 4)
                .run(NonForwardingTestCase.class);

        assertThat(describe(results)).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.started(CASES).succeeded(CASES));
        Set<String> scopes = Set.copyOf(reported(results, "scope"));
        assertThat(scopes).hasSize(CASES);
        List<RecordedRequest> elsewhere = otherHost.requests(null).stream()
                .filter(request -> request.path().equals("/elsewhere")).collect(Collectors.toList());
        assertThat(elsewhere).hasSize(CASES);
        assertThat(elsewhere).allSatisfy(request -> assertThat(request.headers().keySet()).doesNotContainAnyElementsOf(
                scopes));
    }

    @Test
    void withoutTheAgentTheSameTestsFailAndTheirRequestsArriveUnscoped() {
        try (MockEngine withAgent = MockEngine.start(); MockEngine withoutAgent = MockEngine.start()) {
            shared = new Shared(otherHost.baseUrl(), new CountDownLatch(AT_ONCE), null);
            EngineExecutionResults on = TestKit.remote(withAgent.baseUrl().toString()).with(PROPAGATE, "true")
                    .parallel(AT_ONCE + 4).run(NonForwardingTestCase.class);
            shared = new Shared(otherHost.baseUrl(), new CountDownLatch(AT_ONCE), null);
            EngineExecutionResults off = TestKit.remote(withoutAgent.baseUrl().toString())
                    .parallel(AT_ONCE + 4).run(NonForwardingTestCase.class);

            assertThat(describe(on)).isEmpty();
            on.testEvents().assertStatistics(stats -> stats.started(CASES).succeeded(CASES));
            assertThat(paths(withAgent.requests(null))).doesNotContain("/quote");
            off.testEvents().assertStatistics(stats -> stats.started(CASES).failed(CASES));
            assertThat(off.testEvents().failed().stream().map(event -> TestKit.failureOf(off,
                    event.getTestDescriptor().getDisplayName()))).allSatisfy(failure -> assertThat(failure)
                    .isInstanceOf(AssertionFailedError.class)
                    .hasMessageStartingWith("Expecting stub \"quote\" to be called:\n  exactly 1 time\n"
                            + "but it was called 0 times"));
            Set<String> scopes = Set.copyOf(reported(off, "scope"));
            List<RecordedRequest> unscoped = withoutAgent.requests(null).stream()
                    .filter(request -> request.path().equals("/quote")).collect(Collectors.toList());
            assertThat(unscoped).hasSize(CASES);
            assertThat(unscoped).allSatisfy(request -> {
                assertThat(request.scope()).isNull();
                assertThat(request.headers().keySet()).doesNotContainAnyElementsOf(scopes);
            });
        }
    }

    @Test
    void coversLifecycleMethodsAndDynamicTestsAndStopsAtTheEndOfTheTest() {
        try (MockEngine engine = MockEngine.start()) {
            shared = new Shared(otherHost.baseUrl(), new CountDownLatch(0), engine.baseUrl());

            EngineExecutionResults results = TestKit.remote(engine.baseUrl().toString())
                    .run(LifecycleTestCase.class, DynamicTestCase.class);

            assertThat(describe(results)).isEmpty();
            results.testEvents().assertStatistics(stats -> stats.started(2 + Client.values().length + 2)
                    .succeeded(2 + Client.values().length + 2));
            Set<String> scopes = Set.copyOf(reported(results, "scope"));
            List<RecordedRequest> global = engine.requests(null);
            assertThat(paths(global)).containsExactly("/after-all");
            assertThat(global.get(0).headers().keySet()).doesNotContainAnyElementsOf(scopes);
        }
    }

    @Test
    void workersThatAPoolCreatedOutsideTheTestStartsDuringItInheritNoScope() throws Exception {
        ThreadPoolExecutor fixed = (ThreadPoolExecutor) Executors.newFixedThreadPool(1);
        ForkJoinPool forkJoin = new ForkJoinPool(1);
        try (MockEngine engine = MockEngine.start()) {
            shared = new Shared(otherHost.baseUrl(), new CountDownLatch(0), engine.baseUrl());
            LazyPoolsTestCase.fixed = fixed;
            LazyPoolsTestCase.forkJoin = forkJoin;

            assertThat(fixed.getPoolSize() + forkJoin.getPoolSize()).as("workers before the test").isZero();

            EngineExecutionResults results = TestKit.remote(engine.baseUrl().toString()).with(PROPAGATE, "true")
                    .run(LazyPoolsTestCase.class);
            assertThat(describe(results)).isEmpty();
            assertThat(fixed.getPoolSize()).as("workers the test started").isEqualTo(1);
            assertThat(forkJoin.getPoolSize()).as("workers the test started").isPositive();
            URI afterTest = URI.create(engine.baseUrl() + "/after-test");
            fixed.submit(() -> Client.JDK_HTTP_CLIENT.get(afterTest)).get(20, TimeUnit.SECONDS);
            forkJoin.submit(() -> Client.JDK_HTTP_CLIENT.get(afterTest)).get(20, TimeUnit.SECONDS);

            String scope = reported(results, "scope").get(0);
            List<RecordedRequest> global = engine.requests(null);
            assertThat(paths(global)).containsExactly("/after-test", "/after-test");
            assertThat(global).allSatisfy(request -> assertThat(request.headers()).doesNotContainKey(scope));
        } finally {
            fixed.shutdownNow();
            forkJoin.shutdownNow();
        }
    }

    private static List<String> paths(List<RecordedRequest> requests) {
        return requests.stream().map(RecordedRequest::path).collect(Collectors.toList());
    }

    /** Waits (up to 20 s) until {@link #AT_ONCE} tests have stubbed the shared path, so they overlap. */
    private static void awaitTheOthers() throws InterruptedException {
        CountDownLatch gate = shared.gate();
        gate.countDown();
        assertTrue(gate.await(20, TimeUnit.SECONDS), "only " + (AT_ONCE - gate.getCount()) + " of " + AT_ONCE
                + " tests ran at the same time");
    }

    @MockServer
    @Fixture
    static class NonForwardingTestCase {

        static Stream<Arguments> everyClientEverywhere() {
            List<Arguments> cases = new ArrayList<>();
            for (Client client : Client.values()) {
                for (Where where : Where.values()) {
                    cases.add(Arguments.of(client, where));
                }
            }
            return cases.stream();
        }

        @ParameterizedTest(name = "{0} on {1}")
        @MethodSource("everyClientEverywhere")
        void getsTheAnswerOfItsOwnScope(Client client, Where where, ScopedMock mock, TestReporter reporter)
                throws Exception {
            reporter.publishEntry("scope", mock.scopeName());
            String answer = "answer for " + client + " on " + where;
            mock.whenRequestedWith(get("/quote")).named("quote").respondWith(ok().withBody(answer));
            awaitTheOthers();

            String query = "?client=" + client + "&where=" + where;
            String body = where.run(() -> client.get(URI.create(mock.baseUrl() + "/quote" + query)));
            where.run(() -> client.get(URI.create(shared.otherHost() + "/elsewhere" + query)));

            mock.received("quote", Times.once());
            assertEquals(answer, body);
            assertEquals(List.of("1"), mock.lastCallTo("quote").headers().get(mock.scopeName()));
        }
    }

    @MockServer(propagateScope = true)
    @Fixture
    static class LifecycleTestCase {

        @BeforeEach
        void stubsAndCallsBeforeTheTest(ScopedMock mock, TestReporter reporter) {
            reporter.publishEntry("scope", mock.scopeName());
            mock.whenRequestedWith(get("/lifecycle")).named("lifecycle").respondWith(ok().withBody(mock.scopeName()));
            assertEquals(mock.scopeName(), Client.HTTP_URL_CONNECTION.get(lifecycle(mock, "before-each")));
        }

        @AfterEach
        void callsAfterTheTest(ScopedMock mock) {
            assertEquals(mock.scopeName(), Client.OKHTTP.get(lifecycle(mock, "after-each")));
            mock.received("lifecycle", Times.exactly(2));
        }

        @AfterAll
        static void callsOnceTheTestsAreOver() {
            Client.JDK_HTTP_CLIENT.get(URI.create(shared.engine() + "/after-all"));
        }

        private static URI lifecycle(ScopedMock mock, String from) {
            return URI.create(mock.baseUrl() + "/lifecycle?from=" + from);
        }

        @Test
        void reachesTheEngineNamedLocalhostToo(ScopedMock mock) {
            mock.whenRequestedWith(get("/local")).named("local").respondWith(ok().withBody("local"));

            String body = Client.APACHE_CLASSIC.get(URI.create("http://localhost:" + mock.port() + "/local"));

            assertEquals("local", body);
            mock.received("local", Times.once());
        }

        @Test
        void leavesTheControlApiAlone(ScopedMock mock) {
            String global = Client.JDK_HTTP_CLIENT.get(URI.create(mock.baseUrl() + "/__mock__/requests"));

            assertThat(global).doesNotContain("/lifecycle?from=before-each");
        }

        @ParameterizedTest
        @EnumSource(Client.class)
        void keepsTheScopeHeaderARequestAlreadyCarries(Client client, ScopedMock mock) {
            mock.whenRequestedWith(get("/explicit")).named("explicit").respondWith(ok().withBody("explicit"));

            String body = client.get(URI.create(mock.baseUrl() + "/explicit"), Map.of(mock.scopeName(), "explicit"));

            assertEquals("explicit", body);
            assertEquals(List.of("explicit"), mock.lastCallTo("explicit").headers().get(mock.scopeName()));
        }
    }

    @MockServer(propagateScope = true)
    @Fixture
    static class DynamicTestCase {

        @TestFactory
        Stream<DynamicTest> eachDynamicTestCallsInItsOwnScope(ScopedMock mock) {
            return IntStream.range(0, 2).mapToObj(n -> dynamicTest("dynamic " + n, () -> {
                mock.whenRequestedWith(get("/dynamic")).named("dynamic").respondWith(ok().withBody("dynamic " + n));

                String body = Client.APACHE_ASYNC.get(URI.create(mock.baseUrl() + "/dynamic"));

                assertEquals("dynamic " + n, body);
                mock.received("dynamic", Times.once());
            }));
        }
    }

    @MockServer
    @Fixture
    static class LazyPoolsTestCase {

        static volatile ExecutorService fixed;
        static volatile ForkJoinPool forkJoin;

        @Test
        void startsTheWorkersOfPoolsCreatedBeforeIt(ScopedMock mock, TestReporter reporter) throws Exception {
            reporter.publishEntry("scope", mock.scopeName());
            mock.whenRequestedWith(get("/in-test")).named("in-test").respondWith(ok().withBody("scoped"));
            URI inTest = URI.create(mock.baseUrl() + "/in-test");

            String fromFixed = fixed.submit(() -> Client.JDK_HTTP_CLIENT.get(inTest)).get(20, TimeUnit.SECONDS);
            String fromForkJoin = forkJoin.submit(() -> Client.JDK_HTTP_CLIENT.get(inTest)).get(20, TimeUnit.SECONDS);

            assertEquals("scoped", fromFixed);
            assertEquals("scoped", fromForkJoin);
            mock.received("in-test", Times.exactly(2));
        }
    }
}
