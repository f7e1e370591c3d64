package dev.scopemock.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopemock.engine.support.RawHttp;
import dev.scopemock.engine.support.RawResponse;
import dev.scopemock.engine.support.TestEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Connection-drop chaos (§12.2): headers, half the body as one chunk, then an abort without the last chunk. */
class ConnectionDropTest {

    private static final String ALWAYS = "{\"faults\": {\"connection_drop\": {\"probability\": 1}}}";

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

    private static String dropStub(String path, String actionJson, String chaosJson) {
        return mock.addStub(null, "{\"request\": {\"path\": \"" + path + "\"}, \"action\": " + actionJson
                + ", \"chaos\": " + chaosJson + "}");
    }

    private static String response(int status, String bodyJson) {
        return "{\"response\": {\"status_code\": " + status + ", \"headers\": {}, \"body\": " + bodyJson + "}}";
    }

    private static RawResponse rawGet(String path) {
        return RawResponse.parse(RawHttp.exchangeOne(mock.port(), "GET " + path + " HTTP/1.1\r\n"
                + "Host: localhost\r\n\r\n", 5_000));
    }

    @Test
    void javaClientSeesTransportError() {
        dropStub("/drop", response(200, "{\"a\": \"bcdefgh\"}"), ALWAYS);

        assertThatThrownBy(() -> mock.get("/drop")).isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(IOException.class);
    }

    @Test
    void sendsFirstHalfOfJsonBodyAsOneChunkThenAborts() {
        dropStub("/drop", response(203, "{\"a\": \"bcdefgh\"}"), ALWAYS);

        String raw = RawHttp.exchangeOne(mock.port(), "GET /drop HTTP/1.1\r\nHost: localhost\r\n\r\n", 5_000);
        RawResponse response = RawResponse.parse(raw);

        assertThat(raw).endsWith("\r\n\r\n7\r\n{\"a\":\"b");
        assertThat(response.statusLine()).startsWith("HTTP/1.1 203 ");
        assertThat(response.headers().get("content-type")).containsExactly("application/json");
        assertThat(response.headers().get("transfer-encoding")).containsExactly("chunked");
        assertThat(response.headers()).doesNotContainKey("content-length");
        assertThat(response.chunks()).containsExactly("{\"a\":\"b");
        assertThat(response.terminated()).isFalse();
        assertThat(response.trailing()).isEmpty();
    }

    @Test
    void sendsFirstHalfOfStringBody() {
        dropStub("/drop", response(200, "\"abcdefghij\""), ALWAYS);

        RawResponse response = rawGet("/drop");

        assertThat(response.statusLine()).isEqualTo("HTTP/1.1 200 OK");
        assertThat(response.headers().get("content-type")).containsExactly("text/plain; charset=utf-8");
        assertThat(response.chunks()).containsExactly("abcde");
        assertThat(response.terminated()).isFalse();
    }

    @Test
    void sendsOneByteOfOneByteBody() {
        dropStub("/drop", response(200, "\"x\""), ALWAYS);

        RawResponse response = rawGet("/drop");

        assertThat(response.chunks()).containsExactly("x");
        assertThat(response.terminated()).isFalse();
    }

    @Test
    void sendsNoChunkForEmptyBody() {
        dropStub("/drop", response(200, "\"\""), ALWAYS);

        RawResponse response = rawGet("/drop");

        assertThat(response.statusLine()).isEqualTo("HTTP/1.1 200 OK");
        assertThat(response.chunks()).isEmpty();
        assertThat(response.terminated()).isFalse();
        assertThat(response.trailing()).isEmpty();
    }

    @Test
    void sendsFirstHalfOfNumberBody() {
        dropStub("/drop", response(200, "4242"), ALWAYS);

        RawResponse response = rawGet("/drop");

        assertThat(response.chunks()).containsExactly("42");
        assertThat(response.terminated()).isFalse();
    }

    @Test
    void keepsStubHeadersButNotTheirContentLength() {
        dropStub("/drop", "{\"response\": {\"status_code\": 200, \"headers\": {\"X-Kept\": \"k\", \"content-length\":"
                + " \"10\", \"Content-Type\": \"text/csv\"}, \"body\": \"a,b\\n1,2\\n\"}}", ALWAYS);

        RawResponse response = rawGet("/drop");

        assertThat(response.headers().get("x-kept")).containsExactly("k");
        assertThat(response.headers().get("content-type")).containsExactly("text/csv");
        assertThat(response.headers()).doesNotContainKey("content-length");
        assertThat(response.chunks()).containsExactly("a,b\n");
        assertThat(response.terminated()).isFalse();
    }

    @Test
    void sendsFirstHalfOfRenderedTemplate() {
        dropStub("/tpl/{id}", "{\"response\": {\"status_code\": 200, \"headers\": {}, \"template_body\":"
                + " \"id={{ request.path_params.id }}\"}}", ALWAYS);

        RawResponse response = rawGet("/tpl/abcdefgh");

        assertThat(response.chunks()).containsExactly("id=ab");
        assertThat(response.terminated()).isFalse();
    }

    @Test
    void doesNotDropTemplateRenderError() {
        dropStub("/tpl", "{\"response\": {\"status_code\": 200, \"headers\": {}, \"template_body\":"
                + " \"{{ request.query.q }}\"}}", ALWAYS);

        HttpResponse<String> response = mock.get("/tpl");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).isEqualTo("{\"error\":\"TEMPLATE_RENDER_ERROR\",\"detail\":\"'request.query' has no"
                + " attribute 'q'\"}");
    }

    @Test
    void writesHalfOfFirstSseEventThenAborts() {
        dropStub("/sse", "{\"sse\": {\"events\": [{\"id\": \"1\", \"data\": \"hello\"}, {\"data\": \"second\"}]}}", ALWAYS);

        RawResponse response = rawGet("/sse");

        assertThat(response.statusLine()).isEqualTo("HTTP/1.1 200 OK");
        assertThat(response.headers().get("content-type")).containsExactly("text/event-stream");
        assertThat(response.headers().get("cache-control")).containsExactly("no-cache");
        assertThat(response.chunks()).containsExactly("id: 1\ndat");
        assertThat(response.terminated()).isFalse();
    }

    @Test
    void waitsFirstSseEventDelayBeforeDropping() {
        dropStub("/sse", "{\"sse\": {\"default_delay_ms\": 150, \"events\": [{\"data\": \"abcdef\"}]}}", ALWAYS);

        long start = System.nanoTime();
        RawResponse response = rawGet("/sse");
        long elapsed = (System.nanoTime() - start) / 1_000_000;

        assertThat(response.chunks()).containsExactly("data: a");
        assertThat(response.terminated()).isFalse();
        assertThat(elapsed).isBetween(150L, 150L + 400);
    }

    @Test
    void dropsProxiedResponseAfterUpstreamAnswered() {
        mock.addStub(null, "{\"request\": {\"path\": \"/up\"}, \"action\": " + response(200, "\"0123456789\"") + "}");
        dropStub("/px", "{\"proxy\": {\"url\": \"" + mock.engine().baseUrl() + "/up\"}}", ALWAYS);

        RawResponse response = rawGet("/px");

        assertThat(response.headers().get("content-type")).containsExactly("text/plain; charset=utf-8");
        assertThat(response.chunks()).containsExactly("01234");
        assertThat(response.terminated()).isFalse();
        assertThat(mock.engine().requests(null)).extracting(r -> r.path()).containsExactly("/px", "/up");
    }

    @Test
    void doesNotDropProxyError() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        dropStub("/px", "{\"proxy\": {\"url\": \"http://127.0.0.1:" + closedPort + "/x\"}}", ALWAYS);

        HttpResponse<String> response = mock.get("/px");

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(TestEngine.json(response).get("error").asText()).isEqualTo("PROXY_ERROR");
    }

    @Test
    void appliesLatencyBeforeDropping() {
        dropStub("/drop", response(200, "\"abcd\""), "{\"latency\": {\"base_ms\": 150},"
                + " \"faults\": {\"connection_drop\": {\"probability\": 1.0}}}");

        long start = System.nanoTime();
        RawResponse response = rawGet("/drop");
        long elapsed = (System.nanoTime() - start) / 1_000_000;

        assertThat(response.chunks()).containsExactly("ab");
        assertThat(elapsed).isBetween(150L, 150L + 400);
    }

    @Test
    void defaultsProbabilityToOne() {
        dropStub("/drop", response(200, "\"abcd\""), "{\"faults\": {\"connection_drop\": {}}}");

        for (int i = 0; i < 5; i++) {
            assertThat(rawGet("/drop").terminated()).isFalse();
        }
    }

    @Test
    void recordsAndCountsDroppedRequest() {
        String id = dropStub("/drop", response(200, "\"abcd\""), ALWAYS);

        RawHttp.exchangeOne(mock.port(), "POST /drop?x=1 HTTP/1.1\r\nHost: localhost\r\nContent-Length: 4\r\n\r\n"
                + "body", 5_000);

        assertThat(mock.engine().requests(null)).singleElement().satisfies(recorded -> {
            assertThat(recorded.method()).isEqualTo("POST");
            assertThat(recorded.rawQuery()).isEqualTo("x=1");
            assertThat(recorded.body()).isEqualTo("body".getBytes());
            assertThat(recorded.matchedStubId()).isEqualTo(id);
        });
        assertThat(mock.engine().callCount(id)).isEqualTo(1);
    }

    @Test
    void neverDropsWithProbabilityZero() {
        dropStub("/never", response(200, "\"served\""), "{\"faults\": {\"connection_drop\": {\"probability\": 0}}}");

        for (int i = 0; i < 50; i++) {
            HttpResponse<String> response = mock.get("/never");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("served");
        }
    }

    @Test
    void dropsSomeAndServesSomeWithProbabilityHalf() {
        dropStub("/coin", response(200, "\"served\""), "{\"faults\": {\"connection_drop\": {\"probability\": \"0.5\"}}}");

        int dropped = 0;
        int served = 0;
        for (int i = 0; i < 200; i++) {
            RawResponse response = rawGet("/coin");
            if (response.terminated()) {
                assertThat(response.chunks()).containsExactly("served");
                served++;
            } else {
                assertThat(response.chunks()).containsExactly("ser");
                dropped++;
            }
        }

        assertThat(dropped + served).isEqualTo(200);
        assertThat(dropped).isBetween(50, 150);
        assertThat(mock.engine().requests(null)).hasSize(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"connection_drop\": {\"probability\": 1}}", "{\"connection_drop\": null}",
            "{\"latency\": {\"base_ms\": 10}, \"connection_drop\": {\"probability\": 0.5}}"})
    void rejectsLegacyConnectionDrop(String chaos) {
        HttpResponse<String> response = mock.postJson("/__mock__/stubs", "{\"request\": {\"path\": \"/legacy\"},"
                + " \"action\": " + response(200, "\"x\"") + ", \"chaos\": " + chaos + "}");

        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode error = TestEngine.json(response).get("detail").get(0);
        assertThat(error.get("msg").asText())
                .isEqualTo("Value error, Use chaos.faults.connection_drop instead of chaos.connection_drop");
        assertThat(error.get("loc").toString()).isEqualTo("[\"body\",\"chaos\"]");
        assertThat(mock.get("/legacy").statusCode()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-0.1", "1.5", "\"2\"", "-1"})
    void rejectsProbabilityOutsideUnitInterval(String probability) {
        HttpResponse<String> response = mock.postJson("/__mock__/stubs", "{\"request\": {\"path\": \"/p\"}, \"action\": "
                + response(200, "\"x\"") + ", \"chaos\": {\"faults\": {\"connection_drop\": {\"probability\": "
                + probability + "}}}}");

        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode error = TestEngine.json(response).get("detail").get(0);
        assertThat(error.get("loc").toString())
                .isEqualTo("[\"body\",\"chaos\",\"faults\",\"connection_drop\",\"probability\"]");
        assertThat(mock.get("/p").statusCode()).isEqualTo(404);
    }
}
