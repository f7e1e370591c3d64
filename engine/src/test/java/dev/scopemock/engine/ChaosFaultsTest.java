package dev.scopemock.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scopemock.engine.support.TestEngine;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each chaos fault as a real {@link HttpClient} sees it, and the seeded generator's reproducibility. */
class ChaosFaultsTest {

    private static final String BODY = "0123456789".repeat(10);

    private static TestEngine mock;
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

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

    private static void faultStub(String path, String faults) {
        mock.addStub(null, "{\"request\": {\"path\": \"" + path + "\"}, \"action\": {\"response\": {\"status_code\":"
                + " 200, \"headers\": {}, \"body\": \"" + BODY + "\"}}, \"chaos\": {\"faults\": " + faults + "}}");
    }

    private static HttpResponse<String> send(String path, Duration timeout, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(mock.engine().baseUrl() + path))
                .timeout(timeout);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> send(String path) throws Exception {
        return send(path, Duration.ofSeconds(10));
    }

    @Test
    void errorStatusIsInjected() throws Exception {
        faultStub("/f", "{\"error_status\": {\"status\": 503, \"probability\": 1}}");
        long seed = mock.engine().chaosSeed(null);

        HttpResponse<String> response = send("/f");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).isEqualTo("{\"error\":\"CHAOS_ERROR_STATUS\",\"detail\":\"status 503 injected by"
                + " chaos.faults.error_status (probability 1.0, global scope, seed " + seed + ")\"}");
    }

    @Test
    void connectionResetIsAnIoExceptionConnectionReset() {
        faultStub("/f", "{\"connection_reset\": {}}");

        assertThatThrownBy(() -> send("/f")).isExactlyInstanceOf(IOException.class)
                .hasMessage("HTTP/1.1 header parser received no bytes")
                .hasRootCauseExactlyInstanceOf(java.net.SocketException.class)
                .hasRootCauseMessage("Connection reset");
    }

    @Test
    void emptyResponseIsAnIoExceptionWithNoBytes() {
        faultStub("/f", "{\"empty_response\": {\"probability\": 1.0}}");

        assertThatThrownBy(() -> send("/f")).isExactlyInstanceOf(IOException.class)
                .hasMessage("HTTP/1.1 header parser received no bytes");
    }

    @Test
    void stallTimesTheClientOut() {
        faultStub("/f", "{\"stall\": {\"max_ms\": 5000}}");

        assertThatThrownBy(() -> send("/f", Duration.ofMillis(300))).isExactlyInstanceOf(HttpTimeoutException.class)
                .hasMessage("request timed out");
    }

    @Test
    void stallEndsWithACloseAtItsMaximum() {
        faultStub("/f", "{\"stall\": {\"max_ms\": 200}}");
        long start = System.nanoTime();

        assertThatThrownBy(() -> send("/f")).isExactlyInstanceOf(IOException.class)
                .hasMessage("HTTP/1.1 header parser received no bytes");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }

    @Test
    void randomBytesAreAProtocolError() {
        faultStub("/f", "{\"random_bytes\": {}}");

        for (int i = 0; i < 20; i++) {
            assertThatThrownBy(() -> send("/f")).isExactlyInstanceOf(java.net.ProtocolException.class)
                    .hasMessageStartingWith("Invalid status line: \"");
        }
    }

    @Test
    void malformedChunkedBodyIsAnIoException() {
        faultStub("/f", "{\"malformed_chunked\": {}}");

        assertThatThrownBy(() -> send("/f")).isExactlyInstanceOf(IOException.class)
                .hasMessage("Illegal character in chunk size: 122");
    }

    @Test
    void throttlingSendsTheWholeBodySlowly() throws Exception {
        faultStub("/f", "{\"throttle\": {\"bytes\": 10, \"interval_ms\": 50}}");
        long start = System.nanoTime();

        HttpResponse<String> response = send("/f");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(BODY);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(450));
    }

    @Test
    void scopeDeletionAbortsAThrottledBodyBetweenSlices() throws Exception {
        mock.createScope("throttled");
        mock.addStub("throttled", "{\"request\": {\"path\": \"/slow\"}, \"action\": {\"response\":"
                + " {\"status_code\": 200, \"headers\": {}, \"body\": \"" + BODY + "\"}}, \"chaos\": {\"faults\":"
                + " {\"throttle\": {\"bytes\": 10, \"interval_ms\": 60000}}}}");
        HttpURLConnection connection = (HttpURLConnection) URI.create(mock.engine().baseUrl() + "/slow").toURL()
                .openConnection();
        connection.setRequestProperty("throttled", "1");
        connection.setReadTimeout(20_000);
        assertThat(connection.getResponseCode()).isEqualTo(200);
        InputStream body = connection.getInputStream();
        byte[] first = body.readNBytes(10);
        assertThat(new String(first, StandardCharsets.US_ASCII)).isEqualTo("0123456789");

        mock.send("DELETE", "/__mock__/scopes/throttled", null);

        // the next slice is a minute away: only the cancellation can end the read before the 20 s read timeout
        try {
            byte[] rest = body.readAllBytes();
            assertThat(rest.length).as("bytes read after the scope was deleted").isLessThan(BODY.length() - 10);
        } catch (SocketTimeoutException stillWaiting) {
            throw new AssertionError("the throttled body was not cancelled with its scope", stillWaiting);
        } catch (IOException aborted) {
            assertThat(aborted).isNotNull(); // the connection was aborted: what a cancelled stream does
        }
    }

    @Test
    void rejectsProbabilitiesAddingUpToMoreThanOne() {
        HttpResponse<String> rejected = mock.postJson("/__mock__/stubs", "{\"request\": {}, \"action\": {\"response\":"
                + " {\"status_code\": 200, \"headers\": {}, \"body\": \"\"}}, \"chaos\": {\"faults\": {\"empty_response\":"
                + " {\"probability\": 0.6}, \"connection_drop\": {\"probability\": 0.6}}}}");

        assertThat(rejected.statusCode()).isEqualTo(422);
        assertThat(rejected.body()).contains("the fault probabilities add up to 1.2; at most one fault happens per"
                + " request, so they must add up to at most 1");
    }

    @Test
    void scopeChaosIsSetOverHttpAndKeepsTheSeedUnlessGivenOne() throws Exception {
        HttpResponse<String> created = mock.postJson("/__mock__/scopes", "{\"name\": \"sc\", \"chaos\": {\"seed\": 9}}");
        mock.addStub("sc", "{\"request\": {\"path\": \"/s\"}, \"action\": {\"response\": {\"status_code\": 200,"
                + " \"headers\": {}, \"body\": \"ok\"}}}");
        HttpResponse<String> put = mock.send("PUT", "/__mock__/scopes/sc/chaos", "{\"faults\": {\"error_status\":"
                + " {\"status\": 502}}}", "Content-Type", "application/json");
        HttpResponse<String> missing = mock.send("PUT", "/__mock__/scopes/nope/chaos", "{}", "Content-Type",
                "application/json");

        assertThat(created.body()).isEqualTo("{\"success\":true,\"name\":\"sc\",\"chaos_seed\":9}");
        assertThat(put.body()).isEqualTo("{\"success\":true,\"name\":\"sc\",\"chaos_seed\":9}");
        assertThat(send("/s", Duration.ofSeconds(10), "sc", "1").statusCode()).isEqualTo(502);
        assertThat(missing.statusCode()).isEqualTo(404);
    }

    @Test
    void oneSeedReplaysTheSameFaultsOverAThousandCalls() throws Exception {
        List<String> first = run("replay", 42);
        List<String> second = run("replay", 42);
        List<String> other = run("replay", 43);

        assertThat(first).hasSize(1000).isEqualTo(second).isNotEqualTo(other);
        assertThat(first).contains("200", "503", "IOException");
    }

    /** 1,000 calls in a fresh scope seeded with {@code seed}; each call's symptom. */
    private List<String> run(String scope, long seed) throws Exception {
        mock.postJson("/__mock__/scopes", "{\"name\": \"" + scope + "\", \"chaos\": {\"seed\": " + seed + ","
                + " \"faults\": {\"error_status\": {\"status\": 503, \"probability\": 0.3}, \"empty_response\":"
                + " {\"probability\": 0.2}}}}");
        mock.addStub(scope, "{\"request\": {\"path\": \"/r\"}, \"action\": {\"response\": {\"status_code\": 200,"
                + " \"headers\": {}, \"body\": \"ok\"}}}");
        List<String> symptoms = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            try {
                symptoms.add(String.valueOf(send("/r", Duration.ofSeconds(10), scope, "1").statusCode()));
            } catch (IOException e) {
                symptoms.add("IOException");
            }
        }
        assertThat(mock.engine().chaosSeed(scope)).isEqualTo(seed);
        mock.engine().deleteScope(scope);
        return symptoms;
    }
}
