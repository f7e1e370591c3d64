package dev.scopemock.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopemock.engine.support.Await;
import dev.scopemock.engine.support.TestEngine;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Latency chaos (§12.1, §17 row 28): delays observed within bounds, scheduled without threads, cancellable. */
class LatencyTest {

    private static final String CANCELLED = "{\"error\":\"RESPONSE_CANCELLED\",\"detail\":\"the delayed response was"
            + " cancelled because its scope was deleted or the engine reset\"}";
    private static final long SLACK_MS = 400;

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

    private static String delayedStub(String scope, String path, String chaosJson) {
        return mock.addStub(scope, "{\"request\": {\"path\": \"" + path + "\"}, \"action\": {\"response\":"
                + " {\"status_code\": 200, \"headers\": {}, \"body\": \"late\"}}, \"chaos\": " + chaosJson + "}");
    }

    private static long timedGetMillis(String path, String... headers) {
        long start = System.nanoTime();
        HttpResponse<String> response = mock.get(path, headers);
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        assertThat(response.statusCode()).isEqualTo(200);
        return elapsed;
    }

    private static CompletableFuture<HttpResponse<String>> getAsync(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(mock.url(path)).timeout(Duration.ofSeconds(20));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return mock.client().sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void delaysResponseByBase() {
        delayedStub(null, "/slow", "{\"latency\": {\"base_ms\": 200}}");

        long elapsed = timedGetMillis("/slow");

        assertThat(elapsed).isBetween(200L, 200L + SLACK_MS);
    }

    @Test
    void delaysWithinBasePlusJitterAndVaries() throws Exception {
        delayedStub(null, "/jitter", "{\"latency\": {\"base_ms\": 100, \"jitter_ms\": 200}}");

        long start = System.nanoTime();
        List<CompletableFuture<Long>> arrivals = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            arrivals.add(getAsync("/jitter").thenApply(r -> {
                assertThat(r.body()).isEqualTo("late");
                return (System.nanoTime() - start) / 1_000_000;
            }));
        }
        List<Long> elapsed = new ArrayList<>();
        for (CompletableFuture<Long> arrival : arrivals) {
            elapsed.add(arrival.get(10, TimeUnit.SECONDS));
        }

        assertThat(elapsed).allSatisfy(ms -> assertThat(ms).isBetween(100L, 300L + SLACK_MS));
        long spread = elapsed.stream().mapToLong(Long::longValue).max().orElseThrow()
                - elapsed.stream().mapToLong(Long::longValue).min().orElseThrow();
        assertThat(spread).isGreaterThanOrEqualTo(40L);
    }

    @Test
    void zeroLatencyAnswersImmediately() {
        delayedStub(null, "/zero", "{\"latency\": {\"base_ms\": 0, \"jitter_ms\": 0}}");

        long elapsed = timedGetMillis("/zero");

        assertThat(elapsed).isLessThan(150L);
    }

    @Test
    void concurrentDelayedRequestsDoNotQueueBehindEachOther() throws Exception {
        delayedStub(null, "/many", "{\"latency\": {\"base_ms\": 300}}");

        long start = System.nanoTime();
        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            responses.add(getAsync("/many"));
        }
        for (CompletableFuture<HttpResponse<String>> response : responses) {
            assertThat(response.get(20, TimeUnit.SECONDS).body()).isEqualTo("late");
        }
        long elapsed = (System.nanoTime() - start) / 1_000_000;

        assertThat(elapsed).isBetween(300L, 2_500L);
    }

    @Test
    void pendingDelayedRequestsHoldNoServerThreads() throws Exception {
        delayedStub(null, "/parked", "{\"latency\": {\"base_ms\": 1500}}");
        long before = serverThreads();

        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            responses.add(getAsync("/parked"));
        }
        Await.until("100 recorded requests", Duration.ofSeconds(10), () -> mock.engine().requests(null).size() == 100);
        long during = serverThreads();

        assertThat(during - before).isLessThan(30L);
        for (CompletableFuture<HttpResponse<String>> response : responses) {
            assertThat(response.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
    }

    private static long serverThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("scopemock-") && !t.getName().startsWith("scopemock-scheduler"))
                .count();
    }

    @Test
    void recordsDelayedRequestBeforeAnswering() throws Exception {
        String id = delayedStub(null, "/slow", "{\"latency\": {\"base_ms\": 600}}");

        CompletableFuture<HttpResponse<String>> response = getAsync("/slow");
        Await.until("the request to be recorded", Duration.ofSeconds(5), () -> !mock.engine().requests(null).isEmpty());

        assertThat(response).isNotDone();
        assertThat(mock.engine().requests(null).get(0).matchedStubId()).isEqualTo(id);
        assertThat(mock.engine().callCount(id)).isEqualTo(1);
        assertThat(response.get(5, TimeUnit.SECONDS).body()).isEqualTo("late");
    }

    @Test
    void scopeDeletionCancelsPendingDelayedResponses() throws Exception {
        mock.createScope("slow-scope");
        delayedStub("slow-scope", "/slow", "{\"latency\": {\"base_ms\": 5000}}");
        List<CompletableFuture<HttpResponse<String>>> pending = List.of(getAsync("/slow", "slow-scope", "1"),
                getAsync("/slow", "slow-scope", "1"));
        Await.until("two recorded requests", Duration.ofSeconds(5),
                () -> mock.engine().requests("slow-scope").size() == 2);

        long start = System.nanoTime();
        HttpResponse<String> deleted = mock.send("DELETE", "/__mock__/scopes/slow-scope", null);
        for (CompletableFuture<HttpResponse<String>> response : pending) {
            HttpResponse<String> cancelled = response.get(3, TimeUnit.SECONDS);
            assertThat(cancelled.statusCode()).isEqualTo(503);
            assertThat(cancelled.headers().allValues("content-type")).containsExactly("application/json");
            assertThat(cancelled.body()).isEqualTo(CANCELLED);
        }
        long elapsed = (System.nanoTime() - start) / 1_000_000;

        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(elapsed).isLessThan(1_000L);
    }

    @Test
    void scopeDeletionLeavesOtherScopesPendingResponsesAlone() throws Exception {
        mock.createScope("doomed");
        mock.createScope("kept");
        delayedStub("doomed", "/slow", "{\"latency\": {\"base_ms\": 5000}}");
        delayedStub("kept", "/slow", "{\"latency\": {\"base_ms\": 700}}");
        CompletableFuture<HttpResponse<String>> doomed = getAsync("/slow", "doomed", "1");
        CompletableFuture<HttpResponse<String>> kept = getAsync("/slow", "kept", "1");
        Await.until("both requests recorded", Duration.ofSeconds(5),
                () -> mock.engine().requests("doomed").size() == 1 && mock.engine().requests("kept").size() == 1);

        mock.send("DELETE", "/__mock__/scopes/doomed", null);

        assertThat(doomed.get(3, TimeUnit.SECONDS).statusCode()).isEqualTo(503);
        assertThat(kept).isNotDone();
        HttpResponse<String> served = kept.get(5, TimeUnit.SECONDS);
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).isEqualTo("late");
    }

    @Test
    void resetCancelsPendingDelayedResponsesOfEveryScope() throws Exception {
        mock.createScope("team");
        delayedStub(null, "/global-slow", "{\"latency\": {\"base_ms\": 5000}}");
        delayedStub("team", "/team-slow", "{\"latency\": {\"base_ms\": 5000}}");
        CompletableFuture<HttpResponse<String>> global = getAsync("/global-slow");
        CompletableFuture<HttpResponse<String>> scoped = getAsync("/team-slow", "team", "1");
        Await.until("both requests recorded", Duration.ofSeconds(5),
                () -> mock.engine().requests("team").size() == 2);

        long start = System.nanoTime();
        HttpResponse<String> reset = mock.postJson("/__mock__/reset", "");
        HttpResponse<String> globalCancelled = global.get(3, TimeUnit.SECONDS);
        HttpResponse<String> scopedCancelled = scoped.get(3, TimeUnit.SECONDS);
        long elapsed = (System.nanoTime() - start) / 1_000_000;

        assertThat(reset.statusCode()).isEqualTo(200);
        assertThat(globalCancelled.statusCode()).isEqualTo(503);
        assertThat(globalCancelled.body()).isEqualTo(CANCELLED);
        assertThat(scopedCancelled.statusCode()).isEqualTo(503);
        assertThat(scopedCancelled.body()).isEqualTo(CANCELLED);
        assertThat(elapsed).isLessThan(1_000L);
    }

    @Test
    void hugeLatencyWaitsUntilCancelled() throws Exception {
        delayedStub(null, "/forever", "{\"latency\": {\"base_ms\": 9223372036854775807,"
                + " \"jitter_ms\": 9223372036854775807}}");
        CompletableFuture<HttpResponse<String>> pending = getAsync("/forever");
        Await.until("the request to be recorded", Duration.ofSeconds(5), () -> !mock.engine().requests(null).isEmpty());

        assertThat(pending).isNotDone();
        mock.postJson("/__mock__/reset", "");
        HttpResponse<String> cancelled = pending.get(3, TimeUnit.SECONDS);

        assertThat(cancelled.statusCode()).isEqualTo(503);
        assertThat(cancelled.body()).isEqualTo(CANCELLED);
    }

    @Test
    void scopeDeletionCancelsSseStreamWaitingForItsFirstEvent() throws Exception {
        mock.createScope("stream");
        mock.addStub("stream", "{\"request\": {\"path\": \"/sse\"}, \"action\": {\"sse\": {\"default_delay_ms\": 5000,"
                + " \"events\": [{\"data\": \"never\"}]}}}");
        CompletableFuture<HttpResponse<String>> pending = getAsync("/sse", "stream", "1");
        Await.until("the request to be recorded", Duration.ofSeconds(5),
                () -> mock.engine().requests("stream").size() == 1);

        mock.send("DELETE", "/__mock__/scopes/stream", null);
        HttpResponse<String> cancelled = pending.get(3, TimeUnit.SECONDS);

        assertThat(cancelled.statusCode()).isEqualTo(503);
        assertThat(cancelled.body()).isEqualTo(CANCELLED);
    }

    @Test
    void scopeDeletionAbortsSseStreamBetweenEvents() throws Exception {
        mock.createScope("stream");
        mock.addStub("stream", "{\"request\": {\"path\": \"/sse\"}, \"action\": {\"sse\": {\"events\": ["
                + "{\"data\": \"first\"}, {\"data\": \"never\", \"delay_ms\": 5000}]}}}");
        HttpResponse<Stream<String>> response = mock.client().send(HttpRequest.newBuilder(mock.url("/sse"))
                .header("stream", "1").build(), HttpResponse.BodyHandlers.ofLines());
        Iterator<String> lines = response.body().iterator();
        assertThat(lines.next()).isEqualTo("data: first");

        long start = System.nanoTime();
        mock.send("DELETE", "/__mock__/scopes/stream", null);

        assertThatThrownBy(() -> {
            while (lines.hasNext()) {
                assertThat(lines.next()).isEmpty();
            }
        }).hasRootCauseInstanceOf(IOException.class);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1_000L);
    }

    @Test
    void delaysSseStreamBeforeHeaders() {
        mock.addStub(null, "{\"request\": {\"path\": \"/sse\"}, \"action\": {\"sse\": {\"events\": [{\"data\": \"x\"}]}},"
                + " \"chaos\": {\"latency\": {\"base_ms\": 200}}}");

        long elapsed = timedGetMillis("/sse");

        assertThat(elapsed).isBetween(200L, 200L + SLACK_MS);
    }

    @Test
    void delaysTemplateResponses() {
        mock.addStub(null, "{\"request\": {\"path\": \"/tpl\"}, \"action\": {\"response\": {\"status_code\": 200,"
                + " \"headers\": {}, \"template_body\": \"{{ request.path }}\"}}, \"chaos\": {\"latency\": {\"base_ms\": 150}}}");

        long start = System.nanoTime();
        HttpResponse<String> response = mock.get("/tpl");
        long elapsed = (System.nanoTime() - start) / 1_000_000;

        assertThat(response.body()).isEqualTo("/tpl");
        assertThat(elapsed).isBetween(150L, 150L + SLACK_MS);
    }

    @Test
    void acceptsLegacyDelayObject() {
        String id = delayedStub(null, "/legacy", "{\"delay\": {\"base_ms\": 150, \"jitter_ms\": 0}}");

        long elapsed = timedGetMillis("/legacy");

        assertThat(elapsed).isBetween(150L, 150L + SLACK_MS);
        assertThat(chaosView(id).toString()).isEqualTo("{\"latency\":{\"base_ms\":150,\"jitter_ms\":0},"
                + "\"faults\":{\"connection_drop\":null}}");
    }

    @Test
    void acceptsLegacyTopLevelDelayAndJitter() {
        String id = delayedStub(null, "/legacy", "{\"delay_ms\": 100, \"jitter_ms\": 50}");

        long elapsed = timedGetMillis("/legacy");

        assertThat(elapsed).isBetween(100L, 150L + SLACK_MS);
        assertThat(chaosView(id).get("latency").toString()).isEqualTo("{\"base_ms\":100,\"jitter_ms\":50}");
    }

    @Test
    void acceptsLegacyJitterAlone() {
        String id = delayedStub(null, "/legacy", "{\"jitter_ms\": 5}");

        long elapsed = timedGetMillis("/legacy");

        assertThat(elapsed).isLessThan(5L + SLACK_MS);
        assertThat(chaosView(id).get("latency").toString()).isEqualTo("{\"base_ms\":0,\"jitter_ms\":5}");
    }

    @Test
    void prefersLatencyOverLegacyKeys() {
        String id = delayedStub(null, "/both", "{\"latency\": {\"base_ms\": 10}, \"delay\": {\"base_ms\": 5000},"
                + " \"delay_ms\": 5000}");

        long elapsed = timedGetMillis("/both");

        assertThat(elapsed).isBetween(10L, 10L + SLACK_MS);
        assertThat(chaosView(id).get("latency").toString()).isEqualTo("{\"base_ms\":10,\"jitter_ms\":0}");
    }

    private static JsonNode chaosView(String id) {
        for (JsonNode stub : TestEngine.json(mock.get("/__mock__/stubs")).get("stubs")) {
            if (stub.get("stub_id").asText().equals(id)) {
                return stub.get("chaos");
            }
        }
        throw new AssertionError("no stub " + id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"latency\": {\"base_ms\": -1}}", "{\"latency\": {\"jitter_ms\": -5}}",
            "{\"delay\": {\"base_ms\": -1}}", "{\"delay_ms\": -1}", "{\"jitter_ms\": -1}"})
    void rejectsNegativeLatency(String chaos) {
        HttpResponse<String> response = mock.postJson("/__mock__/stubs", "{\"request\": {\"path\": \"/neg\"},"
                + " \"action\": {\"response\": {\"status_code\": 200, \"headers\": {}, \"body\": \"x\"}},"
                + " \"chaos\": " + chaos + "}");

        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode loc = TestEngine.json(response).get("detail").get(0).get("loc");
        assertThat(loc.get(0).asText()).isEqualTo("body");
        assertThat(loc.get(1).asText()).isEqualTo("chaos");
        assertThat(mock.get("/neg").statusCode()).isEqualTo(404);
    }
}
