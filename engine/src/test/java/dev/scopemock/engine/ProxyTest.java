package dev.scopemock.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopemock.engine.model.HeaderValue;
import dev.scopemock.engine.model.PathPattern;
import dev.scopemock.engine.model.RecordedRequest;
import dev.scopemock.engine.model.RequestMatcher;
import dev.scopemock.engine.model.ResponseAction;
import dev.scopemock.engine.model.ResponseBody;
import dev.scopemock.engine.model.StubDefinition;
import dev.scopemock.engine.support.RawHttp;
import dev.scopemock.engine.support.RawResponse;
import dev.scopemock.engine.support.TestEngine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The proxy action against a second real engine as upstream (PROTOCOL §11, §17 row 27). */
class ProxyTest {

    private static TestEngine front;
    private static TestEngine upstream;

    @BeforeAll
    static void startEngines() {
        front = TestEngine.start();
        upstream = TestEngine.start();
    }

    @AfterAll
    static void stopEngines() {
        front.close();
        upstream.close();
    }

    @BeforeEach
    void reset() {
        front.engine().reset();
        upstream.engine().reset();
    }

    private static String upstreamUrl(String pathAndQuery) {
        return upstream.engine().baseUrl() + pathAndQuery;
    }

    private static String proxyStub(String path, String url, String headersJson) {
        return front.addStub(null, "{\"request\": {\"path\": \"" + path + "\"}, \"action\": {\"proxy\": {\"url\": \""
                + url + "\", \"headers\": " + headersJson + "}}}");
    }

    private static void upstreamStub(String path, int status, String headersJson, String bodyJson) {
        upstream.addStub(null, "{\"request\": {\"path\": \"" + path + "\"}, \"action\": {\"response\": {\"status_code\": "
                + status + ", \"headers\": " + headersJson + ", \"body\": " + bodyJson + "}}}");
    }

    private static RecordedRequest onlyUpstreamRequest() {
        List<RecordedRequest> requests = upstream.engine().requests(null);
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    @Test
    void forwardsMethodBodyAndHeaders() {
        proxyStub("/px", upstreamUrl("/up"), "{}");
        upstreamStub("/up", 201, "{}", "\"created\"");

        HttpResponse<String> response = front.send("PATCH", "/px", "payload \u00e9", "Content-Type", "text/plain",
                "X-Custom", "a");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).isEqualTo("created");
        RecordedRequest forwarded = onlyUpstreamRequest();
        assertThat(forwarded.method()).isEqualTo("PATCH");
        assertThat(forwarded.path()).isEqualTo("/up");
        assertThat(forwarded.body()).isEqualTo("payload \u00e9".getBytes(StandardCharsets.UTF_8));
        assertThat(forwarded.headers()).contains(entry("content-type", List.of("text/plain")),
                entry("x-custom", List.of("a")), entry("content-length", List.of("10")));
    }

    @Test
    void forwardsToUrlVerbatimWithoutIncomingPath() {
        proxyStub("/px/{rest}", upstreamUrl("/up/fixed"), "{}");
        upstreamStub("/up/fixed", 200, "{}", "\"fixed\"");

        HttpResponse<String> response = front.get("/px/anything");

        assertThat(response.body()).isEqualTo("fixed");
        assertThat(onlyUpstreamRequest().path()).isEqualTo("/up/fixed");
    }

    @Test
    void sendsTargetHostAndDropsHopByHopHeaders() {
        proxyStub("/px", upstreamUrl("/up"), "{}");
        upstreamStub("/up", 200, "{}", "\"ok\"");

        String raw = RawHttp.exchange(front.port(), "POST /px HTTP/1.1\r\nHost: front.example:81\r\n"
                + "Connection: close, X-Secret\r\nKeep-Alive: timeout=5\r\nTE: trailers\r\n"
                + "Proxy-Authorization: Basic abc\r\nProxy-Connection: keep-alive\r\nX-Secret: s\r\n"
                + "X-Custom: a\r\nContent-Type: text/plain\r\nContent-Length: 7\r\n\r\npayload");

        assertThat(raw).startsWith("HTTP/1.1 200 OK\r\n").endsWith("\r\n\r\nok");
        RecordedRequest forwarded = onlyUpstreamRequest();
        assertThat(forwarded.host()).isEqualTo("127.0.0.1");
        assertThat(forwarded.headers()).containsOnly(entry("host", List.of("127.0.0.1:" + upstream.port())),
                entry("x-custom", List.of("a")), entry("content-type", List.of("text/plain")),
                entry("content-length", List.of("7")));
    }

    @Test
    void upstreamRecordsTargetHostInItsRequestView() {
        proxyStub("/px", upstreamUrl("/up"), "{}");
        upstreamStub("/up", 200, "{}", "\"ok\"");

        RawHttp.exchange(front.port(), "GET /px HTTP/1.1\r\nHost: front.example\r\nConnection: close\r\n\r\n");

        JsonNode view = TestEngine.json(upstream.get("/__mock__/requests")).get("requests").get(0);
        assertThat(view.get("host").asText()).isEqualTo("127.0.0.1");
        assertThat(view.get("headers").get("host").asText()).isEqualTo("127.0.0.1:" + upstream.port());
    }

    @Test
    void keepsMultiValuedIncomingHeaders() {
        proxyStub("/px", upstreamUrl("/up"), "{}");
        upstreamStub("/up", 200, "{}", "\"ok\"");

        RawHttp.exchange(front.port(), "GET /px HTTP/1.1\r\nHost: localhost\r\nX-Multi: 1\r\nX-Multi: 2\r\n"
                + "Accept: text/html\r\nAccept: application/json\r\nConnection: close\r\n\r\n");

        assertThat(onlyUpstreamRequest().headers()).contains(entry("x-multi", List.of("1", "2")),
                entry("accept", List.of("text/html", "application/json")));
    }

    @Test
    void stubHeadersReplaceIncomingOnesByCaseInsensitiveName() {
        proxyStub("/px", upstreamUrl("/up"), "{\"Authorization\": \"Bearer stub\", \"X-Extra\": \"e\"}");
        upstreamStub("/up", 200, "{}", "\"ok\"");

        front.get("/px", "authorization", "Bearer client", "X-EXTRA", "client", "X-Kept", "k");

        RecordedRequest forwarded = onlyUpstreamRequest();
        assertThat(forwarded.headers()).contains(entry("authorization", List.of("Bearer stub")),
                entry("x-extra", List.of("e")), entry("x-kept", List.of("k")));
    }

    @Test
    void keepsUrlQueryAndAppendsIncomingQuery() {
        proxyStub("/px", upstreamUrl("/up?region=eu&v=1"), "{}");
        upstreamStub("/up", 200, "{}", "\"ok\"");

        front.get("/px?page=2&region=us&q=a%20b");

        RecordedRequest forwarded = onlyUpstreamRequest();
        assertThat(forwarded.rawQuery()).isEqualTo("region=eu&v=1&page=2&region=us&q=a%20b");
        assertThat(forwarded.query()).containsEntry("region", List.of("eu", "us")).containsEntry("q", List.of("a b"));
    }

    @Test
    void keepsUrlQueryWhenIncomingHasNone() {
        proxyStub("/px", upstreamUrl("/up?region=eu"), "{}");
        upstreamStub("/up", 200, "{}", "\"ok\"");

        front.get("/px");

        assertThat(onlyUpstreamRequest().rawQuery()).isEqualTo("region=eu");
    }

    @Test
    void sendsIncomingQueryToUrlWithoutQuery() {
        proxyStub("/px", upstreamUrl("/up"), "{}");
        upstreamStub("/up", 200, "{}", "\"ok\"");

        front.get("/px?a=1&a=2");

        assertThat(onlyUpstreamRequest().rawQuery()).isEqualTo("a=1&a=2");
    }

    @Test
    void relaysUpstreamStatusHeadersAndBody() {
        proxyStub("/px", upstreamUrl("/up"), "{}");
        upstreamStub("/up", 418, "{\"Content-Type\": \"application/xml\", \"X-Up\": [\"a\", \"b\"],"
                + " \"Set-Cookie\": [\"s=1\", \"t=2\"]}", "\"<teapot/>\"");

        HttpResponse<String> response = front.get("/px");

        assertThat(response.statusCode()).isEqualTo(418);
        assertThat(response.body()).isEqualTo("<teapot/>");
        assertThat(response.headers().allValues("content-type")).containsExactly("application/xml");
        assertThat(response.headers().allValues("x-up")).containsExactly("a", "b");
        assertThat(response.headers().allValues("set-cookie")).containsExactly("s=1", "t=2");
        assertThat(response.headers().allValues("content-length")).containsExactly("9");
        assertThat(response.headers().allValues("date")).hasSize(1);
        assertThat(response.headers().allValues("server")).isEmpty();
    }

    @Test
    void relaysUpstreamFallbackUnchanged() {
        proxyStub("/px", upstreamUrl("/nothing-here"), "{}");

        HttpResponse<String> response = front.get("/px");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("NO_STUB_MATCH_FOUND");
        assertThat(response.headers().allValues("content-type")).containsExactly("text/plain; charset=utf-8");
    }

    @Test
    void relaysUpstreamContentLengthForHead() {
        proxyStub("/px", upstreamUrl("/up"), "{}");
        upstreamStub("/up", 200, "{\"X-Up\": \"1\"}", "\"0123456789\"");

        String raw = RawHttp.exchange(front.port(), "HEAD /px HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        RawResponse response = RawResponse.parse(raw);
        assertThat(response.statusLine()).isEqualTo("HTTP/1.1 200 OK");
        assertThat(response.headers().get("content-length")).containsExactly("10");
        assertThat(response.headers().get("x-up")).containsExactly("1");
        assertThat(raw).endsWith("\r\n\r\n");
        assertThat(onlyUpstreamRequest().method()).isEqualTo("HEAD");
    }

    @Test
    void doesNotFollowRedirects() {
        proxyStub("/px", upstreamUrl("/moved"), "{}");
        upstreamStub("/moved", 302, "{\"Location\": \"/elsewhere\"}", "\"\"");

        HttpResponse<String> response = front.get("/px");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().allValues("location")).containsExactly("/elsewhere");
        assertThat(upstream.engine().requests(null)).hasSize(1);
    }

    @Test
    void relaysGzipBodyAndContentEncodingUntouched() throws Exception {
        byte[] gzip = gzip("compressed hello ".repeat(20));
        upstream.engine().addStub(null, new StubDefinition(null,
                new RequestMatcher(new PathPattern("/gz"), null, null, null, null, null),
                new ResponseAction(200, List.of(new HeaderValue("Content-Encoding", List.of("gzip")),
                        new HeaderValue("Content-Type", List.of("text/plain"))), new ResponseBody.Bytes(gzip)),
                null, null));
        proxyStub("/px", upstreamUrl("/gz"), "{}");

        HttpResponse<byte[]> response = front.client().send(HttpRequest.newBuilder(front.url("/px"))
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(gzip);
        assertThat(response.headers().allValues("content-encoding")).containsExactly("gzip");
        assertThat(response.headers().allValues("content-length")).containsExactly(String.valueOf(gzip.length));
        assertThat(onlyUpstreamRequest().headers()).containsEntry("accept-encoding", List.of("gzip"));
    }

    @Test
    void answersBadGatewayNamingTargetWhenUpstreamIsDown() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String target = "http://127.0.0.1:" + closedPort + "/down";
        proxyStub("/px", target, "{}");

        HttpResponse<String> response = front.get("/px");

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.headers().allValues("content-type")).containsExactly("application/json");
        JsonNode error = TestEngine.json(response);
        assertThat(error.get("error").asText()).isEqualTo("PROXY_ERROR");
        assertThat(error.get("detail").asText()).startsWith("the proxy target " + target + " failed: ");
        assertThat(front.engine().requests(null)).hasSize(1);
    }

    @Test
    void answersBadGatewayWhenUpstreamTimesOut() {
        upstream.addStub(null, "{\"request\": {\"path\": \"/slow\"}, \"action\": {\"response\": {\"status_code\": 200,"
                + " \"headers\": {}, \"body\": \"late\"}}, \"chaos\": {\"latency\": {\"base_ms\": 3000}}}");
        front.addStub(null, "{\"request\": {\"path\": \"/px\"}, \"action\": {\"proxy\": {\"url\": \""
                + upstreamUrl("/slow") + "\", \"timeout\": 1}}}");

        long start = System.nanoTime();
        HttpResponse<String> response = front.get("/px");
        long elapsed = (System.nanoTime() - start) / 1_000_000;

        assertThat(response.statusCode()).isEqualTo(502);
        JsonNode error = TestEngine.json(response);
        assertThat(error.get("error").asText()).isEqualTo("PROXY_ERROR");
        assertThat(error.get("detail").asText()).startsWith("the proxy target " + upstreamUrl("/slow") + " failed: ")
                .containsIgnoringCase("timeout");
        assertThat(elapsed).isBetween(1_000L, 2_500L);
    }

    @ParameterizedTest
    @ValueSource(longs = {10_000_000_000L, 9_300_000_000_000_000L, Long.MAX_VALUE})
    void acceptsHugeTimeout(long seconds) {
        upstreamStub("/up", 200, "{}", "\"ok\"");
        front.addStub(null, "{\"request\": {\"path\": \"/px\"}, \"action\": {\"proxy\": {\"url\": \""
                + upstreamUrl("/up") + "\", \"timeout\": " + seconds + "}}}");

        HttpResponse<String> response = front.get("/px");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("ok");
    }

    @Test
    void recordsProxiedRequestWithServingStub() {
        String id = proxyStub("/px", upstreamUrl("/up"), "{}");
        upstreamStub("/up", 200, "{}", "\"ok\"");

        front.get("/px?x=1");

        List<RecordedRequest> recorded = front.engine().requests(null);
        assertThat(recorded).hasSize(1);
        assertThat(recorded.get(0).matchedStubId()).isEqualTo(id);
        assertThat(front.engine().callCount(id)).isEqualTo(1);
    }

    @Test
    void relaysRawResponseWithExactHeaderSet() {
        proxyStub("/px", upstreamUrl("/up"), "{}");
        upstreamStub("/up", 200, "{\"X-A\": \"1\"}", "\"ok\"");

        RawResponse response = RawResponse.parse(RawHttp.exchange(front.port(),
                "GET /px HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"));

        assertThat(response.statusLine()).isEqualTo("HTTP/1.1 200 OK");
        assertThat(response.headers().keySet()).containsExactlyInAnyOrder("date", "x-a", "content-type",
                "content-length", "connection");
        assertThat(response.body()).isEqualTo("ok");
    }

    private static byte[] gzip(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
