package dev.scopemock.junit;

import static dev.scopemock.junit.MockResponse.ok;
import static dev.scopemock.junit.MockResponse.status;
import static dev.scopemock.junit.RequestMatcher.get;
import static dev.scopemock.junit.testkit.TestKit.failureOf;
import static dev.scopemock.junit.testkit.TestKit.reported;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scopemock.annotations.Exhausted;
import dev.scopemock.annotations.Reply;
import dev.scopemock.annotations.Stub;
import dev.scopemock.junit.testkit.Fixture;
import dev.scopemock.junit.testkit.Http;
import dev.scopemock.junit.testkit.TestKit;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.opentest4j.AssertionFailedError;

/** Response sequences (fluent and {@code @Stub(sequence = ...)}) and the response builder's validation. */
@MockServer
class SequencesAndResponsesTest {

    private static String call(ScopedMock mock, String path) {
        HttpResponse<String> response = Http.send(mock, "GET", path, null);
        return response.statusCode() + " " + response.body();
    }

    @Test
    void fluentSequenceRepeatsTheLastByDefault(ScopedMock mock) {
        mock.whenRequestedWith(get("/s")).respondWithSequence(status(503), ok().withBody("ok"));

        assertThat(List.of(call(mock, "/s"), call(mock, "/s"), call(mock, "/s")))
                .containsExactly("503 ", "200 ok", "200 ok");
    }

    @Test
    void fluentSequenceCycles(ScopedMock mock) {
        mock.whenRequestedWith(get("/s")).respondWithSequence(Exhausted.CYCLE, ok().withBody("a"),
                ok().withBody("b"));

        assertThat(List.of(call(mock, "/s"), call(mock, "/s"), call(mock, "/s")))
                .containsExactly("200 a", "200 b", "200 a");
    }

    @Test
    @Stub(path = "/a", sequence = {@Reply(status = 500), @Reply(status = 200, body = "ok"),
            @Reply(status = 201, json = "{\"id\": 7}", headers = "X-Seq: 3")}, onExhausted = Exhausted.CYCLE)
    void annotatedSequence(ScopedMock mock) {
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            answers.add(call(mock, "/a"));
        }
        HttpResponse<String> fifth = Http.send(mock, "GET", "/a", null);

        assertThat(answers).containsExactly("500 ", "200 ok", "201 {\"id\":7}", "500 ");
        assertThat(fifth.statusCode()).isEqualTo(200);
    }

    @Test
    void exhaustedFailSequenceFailsTheTestWithExpectedAndMadeCalls() {
        EngineExecutionResults results = TestKit.fixtures().run(ExhaustedTestCase.class);

        String fluentScope = reported(results, "fluent(ScopedMock, TestReporter)", "scope").get(0);
        assertThat(failureOf(results, "fluent(ScopedMock, TestReporter)"))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessage("Sequence exhausted: stub whenRequestedWith {\"path\":\"/f\",\"method\":\"GET\"} (id "
                        + reported(results, "fluent(ScopedMock, TestReporter)", "id").get(0) + ") expected at most 2"
                        + " calls (one per response, on_exhausted = FAIL) but 4 were made; calls 3 to 4 were answered"
                        + " 500 SEQUENCE_EXHAUSTED. Fix: add responses to the sequence, or choose"
                        + " Exhausted.REPEAT_LAST or Exhausted.CYCLE.");
        assertThat(fluentScope).isNotEmpty();
        assertThat(failureOf(results, "annotated(ScopedMock)")).isInstanceOf(AssertionFailedError.class)
                .hasMessageStartingWith("Sequence exhausted: stub @Stub(path = \"/a\"")
                .hasMessageContaining("expected at most 1 call (one per response, on_exhausted = FAIL) but 2 were"
                        + " made; call 2 was answered 500 SEQUENCE_EXHAUSTED.");
        results.testEvents().assertStatistics(stats -> stats.started(2).failed(2));
    }

    @Test
    void builderAcceptsOneBodyKindOnly() {
        assertThatThrownBy(() -> ok().withBody("x").withJson("{}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a response has exactly one kind of body, but this one already has a text body and was"
                        + " given a JSON body. Fix: keep one of withBody(String) and withJson(String).");
        assertThatThrownBy(() -> ok().withJson("[1]").withBytes(new byte[] {1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a response has exactly one kind of body, but this one already has a JSON body and was"
                        + " given a bytes body. Fix: keep one of withJson(String) and withBytes(byte[]).");
        assertThatThrownBy(() -> ok().withBytes(new byte[] {1}).withStream(new ByteArrayInputStream(new byte[0])))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a response has exactly one kind of body, but this one already has a bytes body and was"
                        + " given a stream body. Fix: keep one of withBytes(byte[]) and withStream(InputStream).");
        assertThatThrownBy(() -> ok().withTemplate("{{ 1 }}").withBody("x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a response has exactly one kind of body, but this one already has a template body and"
                        + " was given a text body. Fix: keep one of withTemplate(String) and withBody(String).");
        assertThat(ok().withBody("a").withBody("b").toWire().get("body")).isEqualTo("b");
    }

    @Test
    void bytesAndStreamBodiesAreSentAsOctetStreamUnlessAHeaderSaysOtherwise(ScopedMock mock) throws Exception {
        mock.whenRequestedWith(get("/bytes")).respondWith(ok().withBytes(new byte[] {0, 1, (byte) 0xff}));
        mock.whenRequestedWith(get("/stream")).respondWith(ok().withHeader("content-type", "image/png")
                .withStream(new ByteArrayInputStream(new byte[] {9, 8})));
        mock.whenRequestedWith(get("/json")).respondWith(ok().withJson("{\"a\": 1}")
                .withHeader("Content-Type", "application/vnd.x+json"));

        HttpResponse<byte[]> bytes = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create(mock.baseUrl() + "/bytes")).header(mock.scopeHeader().name(), mock.scopeHeader().value())
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> stream = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create(mock.baseUrl() + "/stream")).header(mock.scopeHeader().name(), mock.scopeHeader().value())
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<String> json = Http.send(mock, "GET", "/json", null);

        assertThat(bytes.body()).containsExactly(0, 1, 0xff);
        assertThat(bytes.headers().allValues("content-type")).containsExactly("application/octet-stream");
        assertThat(stream.body()).containsExactly(9, 8);
        assertThat(stream.headers().allValues("content-type")).containsExactly("image/png");
        assertThat(json.headers().allValues("content-type")).containsExactly("application/vnd.x+json");
        assertEquals("{\"a\":1}", json.body());
    }

    @MockServer
    @Fixture
    static class ExhaustedTestCase {

        @Test
        void fluent(ScopedMock mock, TestReporter reporter) {
            reporter.publishEntry("scope", mock.scopeName());
            reporter.publishEntry("id", mock.whenRequestedWith(get("/f"))
                    .respondWithSequence(Exhausted.FAIL, ok(), ok()));
            for (int i = 0; i < 4; i++) {
                Http.get(mock, "/f");
            }
        }

        @Test
        @Stub(path = "/a", sequence = @Reply(body = "once"), onExhausted = Exhausted.FAIL)
        void annotated(ScopedMock mock) {
            assertEquals("once", Http.get(mock, "/a"));
            assertEquals(500, Http.send(mock, "GET", "/a", null).statusCode());
        }
    }
}
