package dev.scopemock.junit;

import static dev.scopemock.junit.MockResponse.ok;
import static dev.scopemock.junit.MockResponse.status;
import static dev.scopemock.junit.RequestMatcher.get;
import static dev.scopemock.junit.RequestMatcher.post;
import static dev.scopemock.junit.testkit.TestKit.failureOf;
import static dev.scopemock.junit.testkit.TestKit.reported;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scopemock.engine.model.InjectedFault;
import dev.scopemock.junit.testkit.Fixture;
import dev.scopemock.junit.testkit.Http;
import dev.scopemock.junit.testkit.StandaloneEngine;
import dev.scopemock.junit.testkit.TestKit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.opentest4j.AssertionFailedError;

/** {@code respondWith(request -> ...)}: Java code answering in process. */
@MockServer
class CallbacksTest {

    @Test
    void seesTheWholeRequest(ScopedMock mock) {
        mock.whenRequestedWith(post("/users/{id}")).respondWith(request -> status(201).withJson("{\"id\": \""
                + request.pathParams().get("id") + "\", \"method\": \"" + request.method() + "\", \"q\": \""
                + request.query().get("q").get(0) + "\", \"h\": \"" + request.headers().get("x-trace").get(0)
                + "\", \"body\": \"" + new String(request.body(), StandardCharsets.UTF_8) + "\", \"path\": \""
                + request.path() + "\"}"));

        HttpResponse<String> response = Http.send(mock, "POST", "/users/42?q=find", "hello", "X-Trace", "t-1");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).isEqualTo("{\"id\":\"42\",\"method\":\"POST\",\"q\":\"find\",\"h\":\"t-1\","
                + "\"body\":\"hello\",\"path\":\"/users/42\"}");
    }

    @Test
    void mayThrowAFault(ScopedMock mock) {
        mock.whenRequestedWith(get("/flaky")).respondWith(request -> {
            if (request.query().containsKey("break")) {
                throw InjectedFault.of(InjectedFault.Kind.EMPTY_RESPONSE);
            }
            return ok().withBody("fine");
        });

        assertEquals("fine", Http.get(mock, "/flaky"));
        assertThatThrownBy(() -> Http.get(mock, "/flaky?break=1")).isExactlyInstanceOf(UncheckedIOException.class)
                .cause().isExactlyInstanceOf(IOException.class).hasMessage("HTTP/1.1 header parser received no bytes");
    }

    @Test
    void aThrowingCallbackIsA500AndFailsTheTest() {
        EngineExecutionResults results = TestKit.fixtures().run(ThrowingTestCase.class);

        String scope = reported(results, "throwsOnce(ScopedMock, TestReporter)", "scope").get(0);
        assertThat(reported(results, "throwsOnce(ScopedMock, TestReporter)", "answer")).containsExactly(
                "500 {\"error\":\"CALLBACK_FAILED\",\"detail\":\"stub "
                        + reported(results, "throwsOnce(ScopedMock, TestReporter)", "id").get(0) + ": the callback"
                        + " respondWith(RequestHandler) for {\\\"path\\\":\\\"/boom\\\",\\\"method\\\":\\\"GET\\\"} threw"
                        + " java.lang.IllegalStateException: no stock for item 7\"}", "200 still serving");
        Throwable failure = failureOf(results, "throwsOnce(ScopedMock, TestReporter)");
        assertThat(failure).isInstanceOf(AssertionFailedError.class)
                .hasMessage("A callback of scope " + scope + " threw (each call was answered 500 CALLBACK_FAILED):\n"
                        + "  java.lang.IllegalStateException: no stock for item 7")
                .hasCauseExactlyInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRemoteEngineRefusesCallbacks() {
        try (StandaloneEngine remote = StandaloneEngine.start()) {
            EngineExecutionResults results = TestKit.remote(remote.url()).run(RemoteTestCase.class);

            assertThat(failureOf(results, "registersACallback(ScopedMock)"))
                    .isExactlyInstanceOf(IllegalStateException.class)
                    .hasMessage("Callbacks (respondWith(request -> ...)) need the in-process engine, but this test"
                            + " uses the engine at " + remote.url() + " in another process, which cannot run Java"
                            + " code of this test. Fix: answer with a MockResponse, a sequence or a template instead,"
                            + " or run the test without scopemock.url / @MockServer(url = ...) so that the engine"
                            + " starts in process.");
        }
    }

    @MockServer
    @Fixture
    static class ThrowingTestCase {
        @Test
        void throwsOnce(ScopedMock mock, TestReporter reporter) {
            reporter.publishEntry("scope", mock.scopeName());
            reporter.publishEntry("id", mock.whenRequestedWith(get("/boom")).respondWith(request -> {
                if (request.query().isEmpty()) {
                    throw new IllegalStateException("no stock for item 7");
                }
                return ok().withBody("still serving");
            }));
            HttpResponse<String> first = Http.send(mock, "GET", "/boom", null);
            HttpResponse<String> second = Http.send(mock, "GET", "/boom?again=1", null);
            reporter.publishEntry("answer", first.statusCode() + " " + first.body());
            reporter.publishEntry("answer", second.statusCode() + " " + second.body());
        }
    }

    @MockServer
    @Fixture
    static class RemoteTestCase {
        @Test
        void registersACallback(ScopedMock mock) {
            mock.whenRequestedWith(get("/x")).respondWith(request -> ok());
        }
    }
}
