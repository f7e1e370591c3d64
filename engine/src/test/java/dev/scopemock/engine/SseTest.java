package dev.scopemock.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopemock.engine.support.RawHttp;
import dev.scopemock.engine.support.RawResponse;
import dev.scopemock.engine.support.TestEngine;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SSE action: exact event framing (§10), headers, templated fields, per-event delays and errors (§17 row 26). */
class SseTest {

    private static TestEngine mock;

    @BeforeAll
    static void startEngine() {
        mock = TestEngine.start();
    }

    @AfterAll
    static void stopEngine() {
        mock.close();
    }

    @BeforeEach
    void reset() {
        mock.engine().reset();
    }

    private static String sseStub(String path, String sseJson) {
        return mock.addStub(null, "{\"request\": {\"path\": \"" + path + "\"}, \"action\": {\"sse\": " + sseJson + "}}");
    }

    private static RawResponse rawGet(String pathAndQuery) {
        return RawResponse.parse(RawHttp.exchangeOne(mock.port(), "GET " + pathAndQuery + " HTTP/1.1\r\n"
                + "Host: localhost\r\n\r\n", 5_000));
    }

    @Test
    void encodesAllFieldsInFixedOrderWithSplitData() {
        sseStub("/events", "{\"events\": [{\"data\": \"a\\nb\\r\\nc\", \"retry\": 100, \"event\": \"m\", \"id\": \"1\"}]}");

        RawResponse response = rawGet("/events");

        assertThat(response.statusLine()).isEqualTo("HTTP/1.1 200 OK");
        assertThat(response.chunks()).containsExactly("id: 1\nevent: m\nretry: 100\ndata: a\ndata: b\ndata: c\n\n");
        assertThat(response.terminated()).isTrue();
    }

    @Test
    void writesEachEventAsOneChunk() {
        sseStub("/events", "{\"events\": [{\"data\": \"one\"}, {\"data\": \"two\", \"id\": \"2\"}, {\"data\": \"three\","
                + " \"event\": \"end\"}]}");

        RawResponse response = rawGet("/events");

        assertThat(response.chunks()).containsExactly("data: one\n\n", "id: 2\ndata: two\n\n",
                "event: end\ndata: three\n\n");
        assertThat(response.terminated()).isTrue();
    }

    @Test
    void sendsEventStreamHeadersChunked() {
        sseStub("/events", "{\"events\": [{\"data\": \"x\"}]}");

        RawResponse response = rawGet("/events");

        assertThat(response.headers().get("content-type")).containsExactly("text/event-stream");
        assertThat(response.headers().get("cache-control")).containsExactly("no-cache");
        assertThat(response.headers().get("transfer-encoding")).containsExactly("chunked");
        assertThat(response.headers()).doesNotContainKey("content-length");
    }

    @Test
    void sendsEventStreamHeadersToHttpClient() {
        sseStub("/events", "{\"events\": [{\"data\": \"x\"}, {\"data\": \"y\"}]}");

        HttpResponse<String> response = mock.get("/events");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().allValues("content-type")).containsExactly("text/event-stream");
        assertThat(response.headers().allValues("cache-control")).containsExactly("no-cache");
        assertThat(response.body()).isEqualTo("data: x\n\ndata: y\n\n");
    }

    @Test
    void encodesEmptyDataAsOneEmptyDataLine() {
        sseStub("/events", "{\"events\": [{\"data\": \"\"}]}");

        assertThat(rawGet("/events").chunks()).containsExactly("data: \n\n");
    }

    @Test
    void encodesEmptyIdAsEmptyIdField() {
        sseStub("/events", "{\"events\": [{\"data\": \"x\", \"id\": \"\", \"event\": \"\"}]}");

        assertThat(rawGet("/events").chunks()).containsExactly("id: \nevent: \ndata: x\n\n");
    }

    @Test
    void encodesRetryZero() {
        sseStub("/events", "{\"events\": [{\"data\": \"x\", \"retry\": 0}]}");

        assertThat(rawGet("/events").chunks()).containsExactly("retry: 0\ndata: x\n\n");
    }

    @Test
    void splitsDataLikePythonSplitlines() {
        sseStub("/trailing", "{\"events\": [{\"data\": \"a\\n\"}]}");
        sseStub("/blank-inside", "{\"events\": [{\"data\": \"a\\n\\nb\"}]}");
        sseStub("/only-break", "{\"events\": [{\"data\": \"\\n\"}]}");
        sseStub("/cr", "{\"events\": [{\"data\": \"a\\rb\\r\"}]}");
        sseStub("/exotic", "{\"events\": [{\"data\": \"1\\u000b2\\u000c3\\u001c4\\u001d5\\u001e6\"}]}");

        assertThat(rawGet("/trailing").chunks()).containsExactly("data: a\n\n");
        assertThat(rawGet("/blank-inside").chunks()).containsExactly("data: a\ndata: \ndata: b\n\n");
        assertThat(rawGet("/only-break").chunks()).containsExactly("data: \n\n");
        assertThat(rawGet("/cr").chunks()).containsExactly("data: a\ndata: b\n\n");
        assertThat(rawGet("/exotic").chunks()).containsExactly("data: 1\ndata: 2\ndata: 3\ndata: 4\ndata: 5\ndata: 6\n\n");
    }

    @Test
    void splitsDataOnUnicodeLineSeparators() {
        sseStub("/unicode", "{\"events\": [{\"data\": \"caf\\u00e9\\u0085b\\u2028c\\u2029d\"}]}");

        HttpResponse<String> response = mock.get("/unicode");

        assertThat(response.body()).isEqualTo("data: caf\u00e9\ndata: b\ndata: c\ndata: d\n\n");
    }

    @Test
    void sendsCommentLinesBeforeTheEvent() {
        sseStub("/events", "{\"events\": [{\"comment\": \"keep-alive\", \"data\": \"x\", \"id\": \"7\"},"
                + " {\"comment\": \"two\\nlines\", \"data\": \"y\"}]}");

        RawResponse response = rawGet("/events");

        assertThat(response.chunks()).containsExactly(": keep-alive\nid: 7\ndata: x\n\n", ": two\n: lines\ndata: y\n\n");
    }

    @Test
    void rendersDataIdAndEventAsTemplates() {
        sseStub("/prices/{sku}", "{\"events\": [{\"id\": \"{{ request.query.n }}\", \"event\": \"{{ request.method | lower }}\","
                + " \"data\": \"{\\\"sku\\\":\\\"{{ request.path_params.sku }}\\\"}\"},"
                + " {\"data\": \"plain text, no tags\"}]}");

        RawResponse response = rawGet("/prices/ab-1?n=42");

        assertThat(response.chunks()).containsExactly("id: 42\nevent: get\ndata: {\"sku\":\"ab-1\"}\n\n",
                "data: plain text, no tags\n\n");
    }

    @Test
    void rendersMultiLineTemplateOutputAsSeveralDataLines() {
        sseStub("/lines", "{\"events\": [{\"data\": \"{% for t in request.body.tags %}{{ t }}\\n{% endfor %}\"}]}");

        HttpResponse<String> response = mock.send("POST", "/lines", "{\"tags\": [\"x\", \"y\"]}",
                "Content-Type", "application/json");

        assertThat(response.body()).isEqualTo("data: x\ndata: y\n\n");
    }

    @Test
    void waitsEachEventsDelayOrTheDefault() throws Exception {
        sseStub("/timed", "{\"default_delay_ms\": 100, \"events\": [{\"data\": \"a\"}, {\"data\": \"b\", \"delay_ms\": 0},"
                + " {\"data\": \"c\", \"delay_ms\": 200}, {\"data\": \"d\"}]}");

        List<String> data = new ArrayList<>();
        List<Long> arrivals = new ArrayList<>();
        long start = System.nanoTime();
        HttpResponse<Stream<String>> response = mock.client().send(HttpRequest.newBuilder(mock.url("/timed")).build(),
                HttpResponse.BodyHandlers.ofLines());
        try (Stream<String> lines = response.body()) {
            Iterator<String> it = lines.iterator();
            while (it.hasNext()) {
                String line = it.next();
                if (line.startsWith("data: ")) {
                    data.add(line.substring(6));
                    arrivals.add((System.nanoTime() - start) / 1_000_000);
                }
            }
        }

        assertThat(data).containsExactly("a", "b", "c", "d");
        assertThat(arrivals.get(0)).isBetween(100L, 100L + 400);
        assertThat(arrivals.get(1)).isGreaterThanOrEqualTo(100L);
        assertThat(arrivals.get(2)).isGreaterThanOrEqualTo(300L);
        assertThat(arrivals.get(3)).isGreaterThanOrEqualTo(400L).isLessThan(400L + 600);
        // gaps seen by the client: a late read of one event shortens the next gap, hence the 50 ms tolerance
        assertThat(arrivals.get(1) - arrivals.get(0)).isBetween(0L, 90L);
        assertThat(arrivals.get(2) - arrivals.get(1)).isBetween(200L - 50, 200L + 300);
        assertThat(arrivals.get(3) - arrivals.get(2)).isBetween(100L - 50, 100L + 300);
    }

    @Test
    void firstEventWaitsTheDefaultDelayBeforeHeaders() throws IOException, InterruptedException {
        sseStub("/slow-start", "{\"default_delay_ms\": 150, \"events\": [{\"data\": \"a\"}]}");

        long start = System.nanoTime();
        HttpResponse<String> response = mock.get("/slow-start");
        long elapsed = (System.nanoTime() - start) / 1_000_000;

        assertThat(response.body()).isEqualTo("data: a\n\n");
        assertThat(elapsed).isBetween(150L, 150L + 400);
    }

    @Test
    void rejectsIdWithLineBreak() {
        HttpResponse<String> response = mock.postJson("/__mock__/stubs", "{\"request\": {\"path\": \"/e\"},"
                + " \"action\": {\"sse\": {\"events\": [{\"data\": \"x\"}, {\"data\": \"y\", \"id\": \"a\\nb\"}]}}}");

        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode error = TestEngine.json(response).get("detail").get(0);
        assertThat(error.get("loc").toString()).isEqualTo("[\"body\",\"action\",\"sse\",\"events\",1,\"id\"]");
        assertThat(error.get("msg").asText()).isEqualTo("an SSE id must not contain line breaks (they would corrupt"
                + " the stream)");
    }

    @Test
    void rejectsEventNameWithLineBreak() {
        HttpResponse<String> response = mock.postJson("/__mock__/stubs", "{\"request\": {\"path\": \"/e\"},"
                + " \"action\": {\"sse\": {\"events\": [{\"data\": \"x\", \"event\": \"a\\rb\"}]}}}");

        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode error = TestEngine.json(response).get("detail").get(0);
        assertThat(error.get("loc").toString()).isEqualTo("[\"body\",\"action\",\"sse\",\"events\",0,\"event\"]");
        assertThat(mock.get("/e").statusCode()).isEqualTo(404);
    }

    @Test
    void answersRenderErrorWhenRenderedIdHasLineBreak() {
        sseStub("/e", "{\"events\": [{\"data\": \"x\", \"id\": \"{{ request.query.id }}\"}]}");

        HttpResponse<String> response = mock.get("/e?id=a%0Ab");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().allValues("content-type")).containsExactly("application/json");
        assertThat(response.body()).isEqualTo("{\"error\":\"TEMPLATE_RENDER_ERROR\",\"detail\":\"the rendered SSE id"
                + " of event 0 contains a line break\"}");
    }

    @Test
    void rejectsDataTemplateSyntaxErrorAtCreation() {
        HttpResponse<String> response = mock.postJson("/__mock__/stubs", "{\"request\": {\"path\": \"/e\"},"
                + " \"action\": {\"sse\": {\"events\": [{\"data\": \"{% for x in y %}\"}]}}}");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(TestEngine.json(response).get("detail").get(0).get("loc").toString())
                .isEqualTo("[\"body\",\"action\",\"sse\",\"events\",0,\"data\"]");
    }

    @Test
    void answersJsonRenderErrorInsteadOfAStream() {
        String id = sseStub("/e", "{\"events\": [{\"data\": \"ok\"}, {\"data\": \"{{ request.query.missing }}\"}]}");

        HttpResponse<String> response = mock.get("/e");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().allValues("content-type")).containsExactly("application/json");
        assertThat(response.body()).isEqualTo("{\"error\":\"TEMPLATE_RENDER_ERROR\",\"detail\":\"'request.query' has no"
                + " attribute 'missing'\"}");
        assertThat(mock.engine().callCount(id)).isEqualTo(1);
        assertThat(TestEngine.json(mock.get("/__mock__/requests")).get("requests").get(0).get("matched_stub_id")
                .asText()).isEqualTo(id);
    }

    @Test
    void answersRenderErrorForInvalidJsonBodyOnlyWhenAFieldReadsIt() {
        sseStub("/reads", "{\"events\": [{\"data\": \"{{ request.body.a }}\"}]}");
        sseStub("/ignores", "{\"events\": [{\"data\": \"{{ request.method }}\"}]}");

        HttpResponse<String> reads = mock.send("POST", "/reads", "{oops", "Content-Type", "application/json");
        HttpResponse<String> ignores = mock.send("POST", "/ignores", "{oops", "Content-Type", "application/json");

        assertThat(reads.statusCode()).isEqualTo(500);
        assertThat(reads.body()).isEqualTo("{\"error\":\"TEMPLATE_RENDER_ERROR\",\"detail\":\"Invalid JSON request body"
                + " for JSON content-type\"}");
        assertThat(ignores.statusCode()).isEqualTo(200);
        assertThat(ignores.body()).isEqualTo("data: POST\n\n");
    }
}
