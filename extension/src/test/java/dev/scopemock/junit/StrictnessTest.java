package dev.scopemock.junit;

import static dev.scopemock.junit.MockResponse.ok;
import static dev.scopemock.junit.RequestMatcher.get;
import static dev.scopemock.junit.testkit.TestKit.describe;
import static dev.scopemock.junit.testkit.TestKit.failureOf;
import static dev.scopemock.junit.testkit.TestKit.reported;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scopemock.annotations.Stub;
import dev.scopemock.junit.testkit.Fixture;
import dev.scopemock.junit.testkit.Http;
import dev.scopemock.junit.testkit.TestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.opentest4j.AssertionFailedError;

/** Strict by default: unmatched requests fail the test with a near-miss report; unused stubs are reported. */
class StrictnessTest {

    private static final String UNUSED = "scopemock.unused-stubs";

    @Test
    void failsATestWhoseScopeReceivedAnUnmatchedRequestWithTheNearMissReport() {
        FixtureRun run = run(UnmatchedTestCase.class);

        String scope = run.scope("sendsAnUnexpectedRequest(ScopedMock, TestReporter)");
        assertThat(failureOf(run.results(), "sendsAnUnexpectedRequest(ScopedMock, TestReporter)"))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessage("Expecting every request in scope " + scope + " to match a stub, but 1 request matched"
                        + " none:\n"
                        + "  GET /orders?id=7\n"
                        + "    closest stub: @Stub(method = \"POST\", path = \"/orders\") on"
                        + " UnmatchedTestCase.sendsAnUnexpectedRequest\n"
                        + "      method: expected \"POST\" but was \"GET\"\n"
                        + "(@MockServer(strict = false) turns this check off.)");
    }

    @Test
    void keepsTheTestsOwnFailureAndAttachesTheReportWhenItAlreadyFailed() {
        FixtureRun run = run(UnmatchedTestCase.class);

        Throwable failure = failureOf(run.results(), "failsOnItsOwn(ScopedMock, TestReporter)");
        String scope = run.scope("failsOnItsOwn(ScopedMock, TestReporter)");
        assertThat(failure).isInstanceOf(AssertionFailedError.class).hasMessage("the test's own failure");
        assertThat(failure.getSuppressed()).hasSize(1);
        assertThat(failure.getSuppressed()[0]).isInstanceOf(AssertionFailedError.class)
                .hasMessage("Expecting every request in scope " + scope + " to match a stub, but 1 request matched"
                        + " none:\n"
                        + "  GET /unmatched\n"
                        + "    (the test declared no stubs)\n"
                        + "(@MockServer(strict = false) turns this check off.)");
    }

    @Test
    void passesUnmatchedRequestsWhenNotStrict() {
        FixtureRun run = run(LenientTestCase.class);

        assertThat(describe(run.results())).isEmpty();
        run.results().testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Test
    void reportsUnusedStubsAsAReportEntry() {
        FixtureRun run = run(UnusedStubsTestCase.class);

        String scope = run.scope("leavesStubsUnused(ScopedMock, TestReporter)");
        run.results().testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        assertThat(reported(run.results(), UNUSED)).containsExactly("Stubs never called in scope " + scope + ":\n"
                + "  @Stub(path = \"/never\") on class UnusedStubsTestCase\n"
                + "  \"spare\" whenRequestedWith {\"path\":\"/spare\",\"method\":\"GET\"}");
    }

    @Test
    void failsOnUnusedStubsWhenConfigured() {
        FixtureRun run = run(FailOnUnusedTestCase.class);

        String scope = run.scope("leavesAStubUnused(ScopedMock, TestReporter)");
        assertThat(failureOf(run.results(), "leavesAStubUnused(ScopedMock, TestReporter)"))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessage("Stubs never called in scope " + scope + ":\n"
                        + "  @Stub(path = \"/never\") on FailOnUnusedTestCase.leavesAStubUnused\n"
                        + "(@MockServer(failOnUnusedStubs = true) makes this a failure. Fix: remove the stubs the test"
                        + " does not need.)");
        assertThat(reported(run.results(), UNUSED)).isEmpty();
    }

    @Test
    void countsCallsOfANamedStubAcrossItsReplacement() {
        FixtureRun run = run(ReplacedStubTestCase.class);

        assertThat(describe(run.results())).isEmpty();
        assertThat(reported(run.results(), UNUSED)).isEmpty();
    }

    private static FixtureRun run(Class<?> fixture) {
        return new FixtureRun(TestKit.fixtures().run(fixture));
    }

    /** A run's results and the scope each test reported under the key "scope". */
    record FixtureRun(EngineExecutionResults results) {
        String scope(String test) {
            return reported(results, test, "scope").get(0);
        }
    }

    @MockServer
    @Fixture
    static class UnmatchedTestCase {

        @Test
        @Stub(path = "/orders", method = "POST", status = 201)
        void sendsAnUnexpectedRequest(ScopedMock mock, TestReporter reporter) {
            reporter.publishEntry("scope", mock.scopeName());
            assertEquals(404, Http.send(mock, "GET", "/orders?id=7", null).statusCode());
        }

        @Test
        void failsOnItsOwn(ScopedMock mock, TestReporter reporter) {
            reporter.publishEntry("scope", mock.scopeName());
            Http.get(mock, "/unmatched");
            throw new AssertionFailedError("the test's own failure");
        }
    }

    @MockServer(strict = false)
    @Fixture
    static class LenientTestCase {

        @Test
        @Stub(path = "/orders", method = "POST", status = 201)
        void sendsAnUnexpectedRequest(ScopedMock mock) {
            Http.send(mock, "POST", "/orders", "{}");
            assertEquals(404, Http.send(mock, "GET", "/orders", null).statusCode());
        }
    }

    @MockServer
    @Stub(path = "/never", body = "never")
    @Fixture
    static class UnusedStubsTestCase {

        @Test
        @Stub(path = "/used", body = "used")
        void leavesStubsUnused(ScopedMock mock, TestReporter reporter) {
            reporter.publishEntry("scope", mock.scopeName());
            mock.whenRequestedWith(get("/spare")).named("spare").respondWith(ok());
            mock.whenRequestedWith(get("/fluent-used")).respondWith(ok());
            Http.get(mock, "/used");
            Http.get(mock, "/fluent-used");
        }
    }

    @MockServer(failOnUnusedStubs = true)
    @Fixture
    static class FailOnUnusedTestCase {

        @Test
        @Stub(path = "/never", body = "never")
        void leavesAStubUnused(ScopedMock mock, TestReporter reporter) {
            reporter.publishEntry("scope", mock.scopeName());
        }
    }

    @MockServer(failOnUnusedStubs = true)
    @Fixture
    static class ReplacedStubTestCase {

        @Test
        @Stub(name = "pay", path = "/pay", status = 503)
        void replacesAStubAfterItsOnlyCall(ScopedMock mock) {
            assertEquals(503, Http.send(mock, "GET", "/pay", null).statusCode());
            mock.stub("pay").respondWith(ok().withBody("paid"));
        }
    }
}
