package dev.scopemock.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopemock.engine.support.RawHttp;
import dev.scopemock.engine.support.TestEngine;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Canned response bodies, headers and status codes as they arrive at a real client (PROTOCOL §4.4, §5.7, §17). */
class ResponseBodiesTest {

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

    private static void stub(String path, int status, String headersJson, String bodyJson) {
        mock.addStub(null, "{\"request\": {\"path\": \"" + path + "\"}, \"action\": {\"response\": {\"status_code\": "
                + status + ", \"headers\": " + headersJson + ", \"body\": " + bodyJson + "}}}");
    }

    @Test
    void sendsStringBodyAsUtf8TextPlainByDefault() {
        stub("/text", 200, "{}", "\"hello\"");

        HttpResponse<String> response = mock.get("/text");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("hello");
        assertThat(response.headers().allValues("content-type")).containsExactly("text/plain; charset=utf-8");
        assertThat(response.headers().allValues("content-length")).containsExactly("5");
    }

    @Test
    void sendsEmptyStringBodyWithZeroLength() {
        stub("/empty", 200, "{}", "\"\"");

        HttpResponse<String> response = mock.get("/empty");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        assertThat(response.headers().allValues("content-length")).containsExactly("0");
    }

    @Test
    void sendsJsonObjectBodyAsCompactJson() {
        stub("/object", 200, "{}", "{\"a\": [1, 2], \"b\": {\"c\": null, \"d\": true}}");

        HttpResponse<String> response = mock.get("/object");

        assertThat(response.body()).isEqualTo("{\"a\":[1,2],\"b\":{\"c\":null,\"d\":true}}");
        assertThat(response.headers().allValues("content-type")).containsExactly("application/json");
        assertThat(response.headers().allValues("content-length")).containsExactly("35");
    }

    @Test
    void sendsJsonArrayBodyAsCompactJson() {
        stub("/array", 200, "{}", "[1, \"x\", {\"k\": 2.5}]");

        HttpResponse<String> response = mock.get("/array");

        assertThat(response.body()).isEqualTo("[1,\"x\",{\"k\":2.5}]");
        assertThat(response.headers().allValues("content-type")).containsExactly("application/json");
    }

    @Test
    void sendsNumberBodyAsJsonText() {
        stub("/int", 200, "{}", "42");
        stub("/decimal", 200, "{}", "-1.5");

        HttpResponse<String> integer = mock.get("/int");
        HttpResponse<String> decimal = mock.get("/decimal");

        assertThat(integer.body()).isEqualTo("42");
        assertThat(integer.headers().allValues("content-type")).containsExactly("application/json");
        assertThat(integer.headers().allValues("content-length")).containsExactly("2");
        assertThat(decimal.body()).isEqualTo("-1.5");
    }

    @Test
    void sendsBooleanBodyAsJsonText() {
        stub("/yes", 200, "{}", "true");
        stub("/no", 200, "{}", "false");

        HttpResponse<String> yes = mock.get("/yes");
        HttpResponse<String> no = mock.get("/no");

        assertThat(yes.body()).isEqualTo("true");
        assertThat(yes.headers().allValues("content-type")).containsExactly("application/json");
        assertThat(no.body()).isEqualTo("false");
        assertThat(no.headers().allValues("content-length")).containsExactly("5");
    }

    @Test
    void sendsStubHeadersVerbatim() {
        stub("/headers", 200, "{\"X-Trace-Id\": \"abc-123\", \"Cache-Control\": \"max-age=60\","
                + " \"X-Empty\": \"\"}", "\"ok\"");

        String raw = RawHttp.exchange(mock.port(),
                "GET /headers HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(raw).startsWith("HTTP/1.1 200 OK\r\n")
                .contains("\r\nX-Trace-Id: abc-123\r\n")
                .contains("\r\nCache-Control: max-age=60\r\n")
                .contains("\r\nX-Empty: \r\n")
                .endsWith("\r\n\r\nok");
    }

    @Test
    void sendsListHeaderValueOncePerElement() {
        stub("/cookies", 200, "{\"Set-Cookie\": [\"a=1; Path=/\", \"b=2\"], \"X-Multi\": [\"one\", \"two\", \"three\"]}",
                "\"ok\"");

        HttpResponse<String> response = mock.get("/cookies");

        assertThat(response.headers().allValues("set-cookie")).containsExactly("a=1; Path=/", "b=2");
        assertThat(response.headers().allValues("x-multi")).containsExactly("one", "two", "three");
    }

    @Test
    void sendsNumberAndBooleanHeaderValuesAsText() {
        stub("/typed-headers", 200, "{\"X-Count\": 7, \"X-Flag\": true}", "\"ok\"");

        HttpResponse<String> response = mock.get("/typed-headers");

        assertThat(response.headers().allValues("x-count")).containsExactly("7");
        assertThat(response.headers().allValues("x-flag")).containsExactly("true");
    }

    @Test
    void stubContentTypeSuppressesTheDefault() {
        stub("/xml", 200, "{\"content-type\": \"application/xml\"}", "\"<a/>\"");
        stub("/json-text", 200, "{\"Content-Type\": \"text/plain\"}", "{\"a\": 1}");

        HttpResponse<String> xml = mock.get("/xml");
        HttpResponse<String> jsonAsText = mock.get("/json-text");

        assertThat(xml.headers().allValues("content-type")).containsExactly("application/xml");
        assertThat(xml.body()).isEqualTo("<a/>");
        assertThat(jsonAsText.headers().allValues("content-type")).containsExactly("text/plain");
        assertThat(jsonAsText.body()).isEqualTo("{\"a\":1}");
    }

    @Test
    void ignoresWrongStubContentLength() {
        stub("/length", 200, "{\"Content-Length\": \"999\", \"X-Other\": \"kept\"}", "\"abc\"");

        String raw = RawHttp.exchange(mock.port(),
                "GET /length HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(raw.toLowerCase()).contains("\r\ncontent-length: 3\r\n").doesNotContain("999");
        assertThat(raw).contains("\r\nX-Other: kept\r\n").endsWith("\r\n\r\nabc");
    }

    @ParameterizedTest
    @ValueSource(ints = {201, 202, 301, 400, 404, 418, 500, 503, 599})
    void sendsStubStatusCode(int status) {
        stub("/status", status, "{}", "\"s\"");

        HttpResponse<String> response = mock.get("/status");

        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.body()).isEqualTo("s");
    }

    @Test
    void sendsNoContentStatusWithEmptyBody() {
        stub("/nothing", 204, "{}", "\"\"");

        HttpResponse<String> response = mock.get("/nothing");

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void answersHeadWithBodyLengthButNoBody() {
        stub("/head", 200, "{}", "\"0123456789\"");

        String raw = RawHttp.exchange(mock.port(),
                "HEAD /head HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(raw).startsWith("HTTP/1.1 200 OK\r\n").contains("\r\nContent-Length: 10\r\n").endsWith("\r\n\r\n");
    }

    @Test
    void answersUnmatchedRequestWithExactFallback() {
        String raw = RawHttp.exchange(mock.port(),
                "GET /nowhere HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(raw).startsWith("HTTP/1.1 404 Not Found\r\n").endsWith("\r\n\r\nNO_STUB_MATCH_FOUND");
        String head = raw.substring(0, raw.indexOf("\r\n\r\n")).toLowerCase();
        assertThat(head).contains("\r\ncontent-type: text/plain; charset=utf-8")
                .contains("\r\ncontent-length: 19");
        assertThat(head.lines().filter(line -> line.startsWith("content-"))).hasSize(2);
    }

    @Test
    void answersUnmatchedRequestThroughHttpClient() {
        HttpResponse<String> response = mock.send("POST", "/nowhere", "payload");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("NO_STUB_MATCH_FOUND");
        assertThat(response.headers().allValues("content-type")).containsExactly("text/plain; charset=utf-8");
        assertThat(response.headers().allValues("content-length")).containsExactly("19");
    }

    @Test
    void sendsNonAsciiStringBodyAsUtf8WithByteLength() {
        stub("/unicode", 200, "{}", "\"h\u00e9llo \u20ac \ud83d\ude00\"");

        HttpResponse<byte[]> response = sendForBytes("/unicode");

        byte[] expected = "h\u00e9llo \u20ac \ud83d\ude00".getBytes(StandardCharsets.UTF_8);
        assertThat(response.body()).isEqualTo(expected);
        assertThat(response.headers().allValues("content-length")).containsExactly(String.valueOf(expected.length));
        assertThat(expected).hasSize(15);
    }

    @Test
    void sendsNonAsciiJsonUnescaped() {
        stub("/unicode-json", 200, "{}", "{\"name\": \"Zo\u00eb\", \"sym\": \"\u2603\"}");

        HttpResponse<byte[]> response = sendForBytes("/unicode-json");

        assertThat(new String(response.body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"name\":\"Zo\u00eb\",\"sym\":\"\u2603\"}");
        assertThat(response.headers().allValues("content-length")).containsExactly("27");
    }

    @Test
    void neverTemplatesAStaticBody() {
        stub("/literal", 200, "{}", "\"{{ request.path }}\"");

        HttpResponse<String> response = mock.get("/literal");

        assertThat(response.body()).isEqualTo("{{ request.path }}");
    }

    @Test
    void addsNoHeadersBesidesDateAndStubOnes() {
        stub("/minimal", 200, "{\"X-A\": \"1\"}", "\"ok\"");

        HttpResponse<String> response = mock.get("/minimal");

        assertThat(response.headers().map().keySet()).map(String::toLowerCase)
                .containsExactlyInAnyOrder("x-a", "content-type", "content-length", "date");
    }

    private static HttpResponse<byte[]> sendForBytes(String path) {
        try {
            return mock.client().send(java.net.http.HttpRequest.newBuilder(mock.url(path)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
