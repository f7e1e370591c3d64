package dev.scopemock.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scopemock.engine.support.TestEngine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SSE chaos: the stream aborted after N complete events; a seeded random delay before each event. */
class SseChaosTest {

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

    private static void sseStub(String scope, String sseFaults) {
        mock.addStub(scope, "{\"request\": {\"path\": \"/events\"}, \"action\": {\"sse\": {\"events\": [{\"data\":"
                + " \"one\"}, {\"data\": \"two\"}, {\"data\": \"three\"}, {\"data\": \"four\"}]}}, \"chaos\":"
                + " {\"faults\": {\"sse\": " + sseFaults + "}}}");
    }

    @Test
    void dropsTheStreamAfterTwoCompleteEvents() throws Exception {
        sseStub(null, "{\"drop_after_events\": 2}");
        // HttpURLConnection reads the socket in order: the two events arrive before the abort. (java.net.http's
        // InputStream may report the abort before handing out bytes it has already received.)
        HttpURLConnection connection = (HttpURLConnection) mock.url("/events").toURL().openConnection();
        connection.setReadTimeout(10_000);
        List<String> lines = new ArrayList<>();

        assertThat(connection.getResponseCode()).isEqualTo(200);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(connection.getInputStream(),
                StandardCharsets.UTF_8))) {
            assertThatThrownBy(() -> {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    lines.add(line);
                }
            }).isInstanceOf(IOException.class);
        }
        assertThat(lines).containsExactly("data: one", "", "data: two", "");
    }

    @Test
    void eachEventWaitsItsSeededJitter() throws Exception {
        mock.postJson("/__mock__/scopes", "{\"name\": \"jitter\", \"chaos\": {\"seed\": 5}}");
        sseStub("jitter", "{\"event_jitter_ms\": 150}");
        SplittableRandom replay = new SplittableRandom(5);
        long expected = 0;
        for (int i = 0; i < 4; i++) {
            expected += replay.nextLong(151);
        }
        long start = System.nanoTime();

        HttpResponse<String> response = mock.get("/events", "jitter", "1");

        long elapsed = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertThat(response.body()).isEqualTo("data: one\n\ndata: two\n\ndata: three\n\ndata: four\n\n");
        assertThat(expected).isGreaterThan(0);
        assertThat(elapsed).isBetween(expected, expected + 1_000);
    }

    @Test
    void rejectsANegativeEventCount() {
        HttpResponse<String> rejected = mock.postJson("/__mock__/stubs", "{\"request\": {}, \"action\": {\"sse\":"
                + " {\"events\": [{\"data\": \"x\"}]}}, \"chaos\": {\"faults\": {\"sse\": {\"drop_after_events\": -1,"
                + " \"jitter\": 1}}}}");

        assertThat(rejected.statusCode()).isEqualTo(422);
        assertThat(rejected.body()).contains("\"loc\":[\"body\",\"chaos\",\"faults\",\"sse\",\"jitter\"]")
                .contains("\"loc\":[\"body\",\"chaos\",\"faults\",\"sse\",\"drop_after_events\"]");
    }
}
