package dev.scopemock.junit;

import static dev.scopemock.junit.MockResponse.status;
import static dev.scopemock.junit.RequestMatcher.get;
import static dev.scopemock.junit.RequestMatcher.post;
import static dev.scopemock.junit.testkit.TestKit.failureOf;
import static dev.scopemock.junit.testkit.TestKit.reported;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopemock.annotations.Stub;
import dev.scopemock.junit.testkit.Fixture;
import dev.scopemock.junit.testkit.Http;
import dev.scopemock.junit.testkit.StandaloneEngine;
import dev.scopemock.junit.testkit.TestKit;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.opentest4j.AssertionFailedError;

/** The extension against a standalone engine in another JVM: everything over the HTTP control API. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RemoteModeTest {

    private StandaloneEngine engine;
    private EngineExecutionResults results;

    @BeforeAll
    void startEngineAndRunFixture() {
        engine = StandaloneEngine.start();
        results = TestKit.remote(engine.url()).run(RemoteTestCase.class);
    }

    @AfterAll
    void stopEngine() {
        engine.close();
    }

    @Test
    void stubsVerifiesAndWaitsOverHttp() {
        assertThat(reported(results, "base-url")).containsExactly(engine.url());
        assertThat(reported(results, "verified")).containsExactly("stubs, verification, named stubs, await");
        results.testEvents().assertStatistics(stats -> stats.started(4).succeeded(2).failed(2));
    }

    @Test
    void failsAStrictTestWithTheNearMissReport() {
        String scope = reported(results, "failsOnAnUnmatchedRequest(ScopedMock, TestReporter)", "scope").get(0);

        assertThat(failureOf(results, "failsOnAnUnmatchedRequest(ScopedMock, TestReporter)"))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessage("Expecting every request in scope " + scope + " to match a stub, but 1 request matched"
                        + " none:\n"
                        + "  GET /healthz\n"
                        + "    closest stub: @Stub(path = \"/health\") on class RemoteTestCase\n"
                        + "      path: expected \"/health\" but was \"/healthz\"\n"
                        + "(@MockServer(strict = false) turns this check off.)");
    }

    @Test
    void reportsUnusedStubs() {
        String scope = reported(results, "leavesAStubUnused(ScopedMock, TestReporter)", "scope").get(0);

        assertThat(reported(results, "leavesAStubUnused(ScopedMock, TestReporter)", "scopemock.unused-stubs"))
                .containsExactly("Stubs never called in scope " + scope + ":\n"
                        + "  @Stub(path = \"/never\") on RemoteTestCase.leavesAStubUnused");
    }

    @Test
    void deletesEveryScopeIncludingThatOfAFailedTest() {
        assertThat(failureOf(results, "failsOnItsOwn(ScopedMock)")).hasMessage("the test's own failure");
        assertThat(Http.exchange(URI.create(engine.url() + "/__mock__/scopes"), "GET", null).body())
                .isEqualTo("{\"scopes\":[],\"details\":[]}");
    }

    @Test
    void prefersTheAnnotationsUrlOverTheConfigurationParameter() {
        EngineExecutionResults unreachable = TestKit.remote(engine.url()).run(UnreachableTestCase.class);

        assertThat(failureOf(unreachable, "test()")).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("The engine at http://127.0.0.1:1 (from @MockServer(url)) for"
                        + " dev.scopemock.junit.RemoteModeTest$UnreachableTestCase is not usable: the engine at"
                        + " http://127.0.0.1:1 did not answer GET /__mock__: java.net.ConnectException. Fix: start the"
                        + " engine (java -jar scopemock-engine-<version>-standalone.jar --port <port>) or correct"
                        + " the URL.");
    }

    @MockServer
    @Stub(path = "/health", body = "up")
    @Fixture
    static class RemoteTestCase {

        private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();

        @AfterEach
        void stopScheduler() {
            later.shutdownNow();
        }

        @Test
        @Stub(name = "pay", path = "/pay", method = "POST", json = "{\"amount\": 42}",
                responseJson = "{\"status\": \"accepted\"}")
        void stubsAndVerifies(ScopedMock mock, TestReporter reporter) {
            reporter.publishEntry("base-url", mock.baseUrl().toString());
            mock.whenRequestedWith(get("/users/{id}")).named("user").respondWithTemplate(200,
                    "user {{ request.path_params.id }}");

            assertEquals("up", Http.get(mock, "/health"));
            assertEquals("{\"status\":\"accepted\"}", Http.send(mock, "POST", "/pay", "{\"amount\":42}").body());
            assertEquals("user 7", Http.get(mock, "/users/7"));
            mock.stub("pay").respondWith(status(503));
            assertEquals(503, Http.send(mock, "POST", "/pay", "{\"amount\": 42}").statusCode());

            assertTrue(mock.confirmRequest(post("/pay").withJson("{\"amount\":42}"), Times.exactly(2)));
            mock.received("pay", Times.exactly(2));
            mock.received("user", Times.once());
            assertEquals(4, mock.requests().size());
            assertEquals("HTTP/1.1", mock.requests().get(0).protocol());
            later.schedule(() -> Http.get(mock, "/users/8"), 300, TimeUnit.MILLISECONDS);
            assertEquals("GET /users/8", mock.awaitRequest(get("/users/8"), Duration.ofSeconds(10)).toString());
            reporter.publishEntry("verified", "stubs, verification, named stubs, await");
        }

        @Test
        void failsOnAnUnmatchedRequest(ScopedMock mock, TestReporter reporter) {
            reporter.publishEntry("scope", mock.scopeName());
            Http.get(mock, "/health");
            Http.get(mock, "/healthz");
        }

        @Test
        @Stub(path = "/never", body = "never")
        void leavesAStubUnused(ScopedMock mock, TestReporter reporter) {
            reporter.publishEntry("scope", mock.scopeName());
            Http.get(mock, "/health");
        }

        @Test
        void failsOnItsOwn(ScopedMock mock) {
            throw new AssertionFailedError("the test's own failure");
        }
    }

    @MockServer(url = "http://127.0.0.1:1")
    @Fixture
    static class UnreachableTestCase {

        @Test
        void test() {
        }
    }
}
