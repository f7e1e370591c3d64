package dev.scopemock.junit;

import static dev.scopemock.junit.MockResponse.ok;
import static dev.scopemock.junit.MockResponse.status;
import static dev.scopemock.junit.RequestMatcher.get;
import static dev.scopemock.junit.testkit.TestKit.failureOf;
import static dev.scopemock.junit.testkit.TestKit.reported;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scopemock.annotations.Stub;
import dev.scopemock.engine.model.RecordedRequest;
import dev.scopemock.junit.testkit.Fixture;
import dev.scopemock.junit.testkit.Http;
import dev.scopemock.junit.testkit.TestKit;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestReporter;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.opentest4j.AssertionFailedError;

/** Named stubs from annotations and the fluent API; verification by name; the test's own journal. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NamedStubsTest {

    private EngineExecutionResults results;

    @BeforeAll
    void runTheFixtureOnce() {
        results = TestKit.fixtures().run(NamedStubsTestCase.class);
    }

    @Test
    void replacesAnswersAndVerifiesByName() {
        results.testEvents().assertStatistics(stats -> stats.started(9).succeeded(2).failed(7));
        assertThat(reported(results, "replacesAndVerifies(ScopedMock, TestReporter)", "ok"))
                .containsExactly("verified");
    }

    @Test
    void readsTheLastRequestAndForgetsClearedOnes() {
        assertThat(reported(results, "lastRequestAndClearRequests(ScopedMock, TestReporter)", "ok"))
                .containsExactly("verified");
    }

    @Test
    void listsTheDeclaredNamesForAnUnknownName() {
        String scope = scopeOf("failsOnAnUnknownName(ScopedMock, TestReporter)");

        assertThat(failureOf(results, "failsOnAnUnknownName(ScopedMock, TestReporter)"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No stub named \"refund\" in scope " + scope + "; declared names: [\"pay\", \"user\"]."
                        + " Fix: use a declared name, or name the stub with @Stub(name = \"refund\") or"
                        + " .named(\"refund\").");
    }

    @Test
    void rejectsAFluentStubReusingADeclaredName() {
        String scope = scopeOf("failsOnADuplicateName(ScopedMock, TestReporter)");

        assertThat(failureOf(results, "failsOnADuplicateName(ScopedMock, TestReporter)"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A stub named \"pay\" already exists in scope " + scope + "; stub names are unique within"
                        + " a test. Fix: choose another name, or change the existing stub's answer with"
                        + " stub(\"pay\").respondWith(...).");
    }

    @Test
    void failsReceivedWithExpectedAndActualCounts() {
        assertThat(failureOf(results, "failsReceived(ScopedMock)")).isInstanceOf(AssertionFailedError.class)
                .hasMessage("Expecting stub \"pay\" to be called:\n  exactly 2 times\nbut it was called 1 time:\n"
                        + "  POST /pay {}");
    }

    @Test
    void failsAssertNotCalledListingTheCalls() {
        assertThat(failureOf(results, "failsAssertNotCalled(ScopedMock)")).isInstanceOf(AssertionFailedError.class)
                .hasMessage("Expecting stub \"pay\" not to be called but it was called 1 time:\n"
                        + "  POST /pay {\"amount\":42}");
    }

    @Test
    void failsLastCallToWhenTheStubWasNeverCalled() {
        String scope = scopeOf("failsLastCallTo(ScopedMock, TestReporter)");

        assertThat(failureOf(results, "failsLastCallTo(ScopedMock, TestReporter)"))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessage("Expecting stub \"pay\" to have been called but it was not;\n"
                        + "these requests arrived in scope " + scope + ":\n"
                        + "  GET /users/1");
    }

    @Test
    void failsLastRequestWhenNoneArrived() {
        String scope = scopeOf("failsLastRequest(ScopedMock, TestReporter)");

        assertThat(failureOf(results, "failsLastRequest(ScopedMock, TestReporter)"))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessage("Expecting a request in scope " + scope + " but none arrived");
    }

    @Test
    void rejectsReplacingAnUnknownStub() {
        String scope = scopeOf("failsReplacingAnUnknownStub(ScopedMock, TestReporter)");

        assertThat(failureOf(results, "failsReplacingAnUnknownStub(ScopedMock, TestReporter)"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No stub named \"refund\" in scope " + scope + "; declared names: [\"pay\"]. Fix: use a"
                        + " declared name, or name the stub with @Stub(name = \"refund\") or .named(\"refund\").");
    }

    private String scopeOf(String test) {
        return reported(results, test, "scope").get(0);
    }

    @MockServer(strict = false)
    @Stub(name = "pay", path = "/pay", method = "POST", status = 503)
    @Fixture
    static class NamedStubsTestCase {

        @Test
        void replacesAndVerifies(ScopedMock mock, TestReporter reporter) {
            mock.whenRequestedWith(get("/users/{id}")).named("user").respondWithJson(200, "{\"name\": \"ann\"}");
            mock.assertNotCalled("user");

            assertEquals(503, Http.send(mock, "POST", "/pay", "first").statusCode());
            mock.stub("pay").respondWith(ok().withBody("paid"));
            assertEquals("paid", Http.send(mock, "POST", "/pay", "second").body());
            assertEquals("{\"name\":\"ann\"}", Http.get(mock, "/users/1"));

            assertEquals(List.of("first", "second"), bodies(mock.callsTo("pay")));
            assertEquals("second", mock.lastCallTo("pay").bodyText());
            mock.received("pay", Times.exactly(2));
            mock.received("user", Times.once());
            assertEquals("GET /users/1", mock.lastCallTo("user").toString());
            reporter.publishEntry("ok", "verified");
        }

        @Test
        void lastRequestAndClearRequests(ScopedMock mock, TestReporter reporter) {
            mock.whenRequestedWith(get("/a")).respondWith(ok());
            mock.whenRequestedWith(get("/b")).respondWith(status(204));
            Http.get(mock, "/a");
            Http.get(mock, "/b");
            assertEquals("GET /b", mock.lastRequest().toString());

            mock.clearRequests();
            assertEquals(List.of(), mock.requests());
            Http.get(mock, "/a");

            assertEquals("GET /a", mock.lastRequest().toString());
            assertEquals(1, mock.requests().size());
            reporter.publishEntry("ok", "verified");
        }

        @Test
        void failsOnAnUnknownName(ScopedMock mock, TestReporter reporter) {
            reporter.publishEntry("scope", mock.scopeName());
            mock.whenRequestedWith(get("/users/{id}")).named("user").respondWith(ok());
            mock.callsTo("refund");
        }

        @Test
        void failsOnADuplicateName(ScopedMock mock, TestReporter reporter) {
            reporter.publishEntry("scope", mock.scopeName());
            mock.whenRequestedWith(get("/other")).named("pay").respondWith(ok());
        }

        @Test
        void failsReceived(ScopedMock mock) {
            Http.send(mock, "POST", "/pay", "{}");
            mock.received("pay", Times.exactly(2));
        }

        @Test
        void failsAssertNotCalled(ScopedMock mock) {
            Http.send(mock, "POST", "/pay", "{\"amount\":42}");
            mock.assertNotCalled("pay");
        }

        @Test
        void failsLastCallTo(ScopedMock mock, TestReporter reporter) {
            reporter.publishEntry("scope", mock.scopeName());
            Http.get(mock, "/users/1");
            mock.lastCallTo("pay");
        }

        @Test
        void failsLastRequest(ScopedMock mock, TestReporter reporter) {
            reporter.publishEntry("scope", mock.scopeName());
            mock.lastRequest();
        }

        @Test
        void failsReplacingAnUnknownStub(ScopedMock mock, TestReporter reporter) {
            reporter.publishEntry("scope", mock.scopeName());
            mock.stub("refund").respondWith(ok());
        }

        private static List<String> bodies(List<RecordedRequest> requests) {
            return requests.stream().map(RecordedRequest::bodyText).collect(Collectors.toList());
        }
    }
}
