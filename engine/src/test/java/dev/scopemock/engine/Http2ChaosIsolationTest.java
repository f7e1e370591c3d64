package dev.scopemock.engine;

import static dev.scopemock.engine.support.Clients.TIMEOUT;
import static dev.scopemock.engine.support.Clients.client;
import static dev.scopemock.engine.support.Clients.get;
import static dev.scopemock.engine.support.Clients.textStub;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Over HTTP/2 many scopes' requests share one connection (a system under test with one client, tests in parallel):
 * a transport fault chaos injects into one scope's request resets that stream only, never the connection, so a
 * neighbour's request in flight on it still gets its answer.
 */
class Http2ChaosIsolationTest {

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
        engine.createScope("neighbour");
        engine.createScope("victim");
        engine.addStubJson("neighbour", "{\"request\": {\"path\": \"/slow\"}, \"action\": {\"response\":"
                + " {\"status_code\": 200, \"headers\": {}, \"body\": \"still here\"}}, \"chaos\": {\"latency\":"
                + " {\"base_ms\": 1500}}}");
    }

    @ParameterizedTest(name = "{0} over {1}")
    @CsvSource({
        "connection_reset,  h2", "connection_reset,  h2c",
        "empty_response,    h2", "empty_response,    h2c",
        "random_bytes,      h2", "random_bytes,      h2c",
        "malformed_chunked, h2", "malformed_chunked, h2c",
        "stall,             h2", "stall,             h2c"})
    void resetsOnlyTheFaultedStream(String fault, String transport) throws Exception {
        String options = fault.equals("stall") ? "{\"probability\": 1, \"max_ms\": 100}" : "{\"probability\": 1}";
        engine.addStubJson("victim", "{\"request\": {\"path\": \"/fault\"}, \"action\": {\"response\":"
                + " {\"status_code\": 200, \"headers\": {}, \"body\": \"never\"}}, \"chaos\": {\"faults\": {\""
                + fault + "\": " + options + "}}}");
        boolean tls = transport.equals("h2");
        HttpClient shared = client(HttpClient.Version.HTTP_2, tls ? engine.clientSslContext() : null);
        URI base = tls ? engine.httpsBaseUrl() : engine.baseUrl();
        HttpResponse<String> first = get(shared, base.resolve("/hello"));   // h2 (ALPN) or h2c (upgrade) from here on
        CompletableFuture<HttpResponse<String>> neighbour = shared.sendAsync(HttpRequest.newBuilder(
                base.resolve("/slow")).header("neighbour", "1").timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString());
        awaitRecorded("neighbour");

        assertThatThrownBy(() -> get(shared, base.resolve("/fault"), "victim", "1"))
                .isInstanceOf(IOException.class).hasMessage("Received RST_STREAM: Stream cancelled");
        assertThat(neighbour).as("the neighbour's request, still in flight on the connection").isNotDone();

        HttpResponse<String> answered = neighbour.get(10, TimeUnit.SECONDS);
        HttpResponse<String> after = get(shared, base.resolve("/hello"));
        assertThat(first.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(answered.body()).isEqualTo("still here");
        assertThat(after.body()).isEqualTo("hi");
        assertThat(after.version()).isEqualTo(HttpClient.Version.HTTP_2);
    }

    /** Waits until the neighbour's request is recorded (its scope also sees the global {@code /hello}). */
    private static void awaitRecorded(String scope) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (slowRequests(scope) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(slowRequests(scope)).as("the neighbour's requests that reached the engine").isEqualTo(1);
    }

    private static long slowRequests(String scope) {
        return engine.requests(scope).stream().filter(request -> request.path().equals("/slow")).count();
    }
}
