package dev.scopemock.engine;

import static dev.scopemock.engine.support.Clients.TIMEOUT;
import static dev.scopemock.engine.support.Clients.client;
import static dev.scopemock.engine.support.Clients.get;
import static dev.scopemock.engine.support.Clients.textStub;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scopemock.engine.model.RecordedRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.http2.client.HTTP2Client;
import org.eclipse.jetty.http2.client.transport.HttpClientTransportOverHTTP2;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * HTTP/2 next to HTTP/1.1 on one engine, asserted on the version the client reports: h2 over TLS (ALPN), h2c by
 * upgrade and by prior knowledge; SSE and chaos connection drops over h2.
 */
class Http2Test {

    private static final String ALWAYS_DROP = "{\"faults\": {\"connection_drop\": {\"probability\": 1}}}";

    private static MockEngine engine;

    @BeforeAll
    static void startEngine() {
        engine = MockEngine.start(EngineOptions.defaults().withHttps(HttpsOptions.onFreePort()));
    }

    @AfterAll
    static void stopEngine() {
        engine.close();
    }

    @BeforeEach
    void reset() {
        engine.reset();
        engine.addStubJson(null, textStub("/hello", "hi"));
    }

    private static URI https(String path) {
        return engine.httpsBaseUrl().resolve(path);
    }

    private static URI http(String path) {
        return engine.baseUrl().resolve(path);
    }

    @Test
    void negotiatesH2OverTlsWithAlpn() throws Exception {
        HttpResponse<String> response = get(client(HttpClient.Version.HTTP_2, engine.clientSslContext()),
                https("/hello"));

        assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(response.body()).isEqualTo("hi");
    }

    @Test
    void fallsBackToHttp11OverTlsForClientsThatOfferOnlyHttp11() throws Exception {
        HttpResponse<String> response = get(client(HttpClient.Version.HTTP_1_1, engine.clientSslContext()),
                https("/hello"));

        assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        assertThat(response.body()).isEqualTo("hi");
    }

    @Test
    void upgradesPlainConnectionToH2c() throws Exception {
        HttpResponse<String> response = get(client(HttpClient.Version.HTTP_2, null), http("/hello"));

        assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(response.body()).isEqualTo("hi");
    }

    @Test
    void servesH2cByPriorKnowledge() throws Exception {
        org.eclipse.jetty.client.HttpClient jetty = new org.eclipse.jetty.client.HttpClient(
                new HttpClientTransportOverHTTP2(new HTTP2Client()));
        jetty.start();
        try {
            ContentResponse response = jetty.newRequest(http("/hello")).timeout(10, TimeUnit.SECONDS).send();

            assertThat(response.getVersion()).isEqualTo(HttpVersion.HTTP_2);
            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getContentAsString()).isEqualTo("hi");
        } finally {
            jetty.stop();
        }
    }

    @Test
    void keepsServingHttp11OnThePlainPort() throws Exception {
        HttpResponse<String> response = get(client(HttpClient.Version.HTTP_1_1, null), http("/hello"));

        assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        assertThat(response.body()).isEqualTo("hi");
    }

    @Test
    void recordsTheProtocolEachRequestCameOn() throws Exception {
        get(client(HttpClient.Version.HTTP_1_1, null), http("/hello"));
        get(client(HttpClient.Version.HTTP_2, null), http("/hello"));
        get(client(HttpClient.Version.HTTP_2, engine.clientSslContext()), https("/hello"));
        get(client(HttpClient.Version.HTTP_1_1, engine.clientSslContext()), https("/hello"));

        assertThat(engine.requests(null)).extracting(RecordedRequest::protocol)
                .containsExactly("HTTP/1.1", "HTTP/2.0", "HTTP/2.0", "HTTP/1.1");
        HttpResponse<String> listing = get(client(HttpClient.Version.HTTP_1_1, null), http("/__mock__/requests"));
        assertThat(listing.body()).contains("\"protocol\":\"HTTP/2.0\"").contains("\"protocol\":\"HTTP/1.1\"");
    }

    @Test
    void recordsBodyOfPostSentOverH2AndH2c() throws Exception {
        engine.addStubJson(null, "{\"request\": {\"path\": \"/orders\", \"method\": \"POST\"},"
                + " \"action\": {\"response\": {\"status_code\": 201, \"headers\": {}, \"body\": \"created\"}}}");
        HttpRequest.Builder post = HttpRequest.newBuilder().timeout(TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\": 7}"));

        HttpResponse<String> overH2 = client(HttpClient.Version.HTTP_2, engine.clientSslContext())
                .send(post.uri(https("/orders")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> overH2c = client(HttpClient.Version.HTTP_2, null)
                .send(post.uri(http("/orders")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(overH2.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(overH2.statusCode()).isEqualTo(201);
        assertThat(overH2c.statusCode()).isEqualTo(201);
        assertThat(engine.requests(null)).extracting(r -> new String(r.body(), StandardCharsets.UTF_8))
                .containsExactly("{\"id\": 7}", "{\"id\": 7}");
    }

    @Test
    void streamsSseEventsOverH2() throws Exception {
        engine.addStubJson(null, "{\"request\": {\"path\": \"/events\"}, \"action\": {\"sse\": {\"events\":"
                + " [{\"data\": \"one\"}, {\"id\": \"2\", \"data\": \"two\", \"delay_ms\": 50}]}}}");

        HttpResponse<Stream<String>> response = client(HttpClient.Version.HTTP_2, engine.clientSslContext())
                .send(HttpRequest.newBuilder(https("/events")).timeout(TIMEOUT).build(),
                        HttpResponse.BodyHandlers.ofLines());
        List<String> lines;
        try (Stream<String> body = response.body()) {
            lines = body.toList();
        }

        assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(response.headers().firstValue("content-type")).hasValue("text/event-stream");
        assertThat(lines).containsExactly("data: one", "", "id: 2", "data: two", "");
    }

    @Test
    void resetsOnlyTheStreamWhenChaosDropsAnH2Response() throws Exception {
        engine.addStubJson(null, "{\"request\": {\"path\": \"/drop\"}, \"action\": {\"response\": {\"status_code\":"
                + " 200, \"headers\": {}, \"body\": \"0123456789\"}}, \"chaos\": " + ALWAYS_DROP + "}");
        HttpClient h2 = client(HttpClient.Version.HTTP_2, engine.clientSslContext());
        HttpResponse<String> before = get(h2, https("/hello"));

        assertThatThrownBy(() -> get(h2, https("/drop"))).isExactlyInstanceOf(IOException.class)
                .hasMessage("Received RST_STREAM: Stream cancelled");
        HttpResponse<String> after = get(h2, https("/hello"));

        assertThat(before.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(after.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(after.body()).isEqualTo("hi");
        assertThat(engine.requests(null)).extracting(RecordedRequest::path)
                .containsExactly("/hello", "/drop", "/hello");
    }

    @Test
    void resetsTheStreamWhenChaosDropsAnH2cResponse() throws Exception {
        engine.addStubJson(null, "{\"request\": {\"path\": \"/drop\"}, \"action\": {\"response\": {\"status_code\":"
                + " 200, \"headers\": {}, \"body\": \"0123456789\"}}, \"chaos\": " + ALWAYS_DROP + "}");
        HttpClient h2c = client(HttpClient.Version.HTTP_2, null);
        HttpResponse<String> upgraded = get(h2c, http("/hello"));

        assertThatThrownBy(() -> get(h2c, http("/drop"))).isExactlyInstanceOf(IOException.class)
                .hasMessage("Received RST_STREAM: Stream cancelled");

        assertThat(upgraded.version()).isEqualTo(HttpClient.Version.HTTP_2);
    }

    @Test
    void failsTheSseStreamWhenChaosDropsItOverH2() throws Exception {
        engine.addStubJson(null, "{\"request\": {\"path\": \"/events\"}, \"action\": {\"sse\": {\"events\":"
                + " [{\"data\": \"one\"}, {\"data\": \"two\"}]}}, \"chaos\": " + ALWAYS_DROP + "}");
        HttpClient h2 = client(HttpClient.Version.HTTP_2, engine.clientSslContext());

        assertThatThrownBy(() -> h2.send(HttpRequest.newBuilder(https("/events")).timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString())).isExactlyInstanceOf(IOException.class)
                .hasMessage("Received RST_STREAM: Stream cancelled");
    }
}
