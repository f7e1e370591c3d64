package dev.scopemock.engine;

import static dev.scopemock.engine.support.TestEngine.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopemock.engine.support.TestEngine;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /__mock__/requests?after=N&wait_ms=M}: the long-poll remote clients wait on instead of polling. */
class RequestsLongPollTest {

    private static final String ALL = "{\"request\": {}, \"action\": {\"response\": {\"status_code\": 200,"
            + " \"headers\": {}, \"body\": \"ok\"}}}";

    private TestEngine mock;
    private ScheduledExecutorService later;

    @BeforeEach
    void start() {
        mock = TestEngine.start();
        later = Executors.newSingleThreadScheduledExecutor();
    }

    @AfterEach
    void stop() {
        later.shutdownNow();
        mock.close();
    }

    @Test
    void afterListsOnlyRequestsWithAHigherSequence() {
        mock.createScope("poll");
        mock.get("/one", "poll", "1");
        mock.get("/two", "poll", "1");
        mock.get("/three", "poll", "1");

        JsonNode answer = json(mock.get("/__mock__/requests?after=1", "poll", "1"));

        assertThat(paths(answer)).containsExactly("/two", "/three");
        assertThat(answer.get("evicted").asLong()).isZero();
    }

    @Test
    void answersAtOnceWhenANewerRequestIsAlreadyVisible() {
        mock.createScope("poll");
        mock.get("/early", "poll", "1");
        long started = System.nanoTime();

        JsonNode answer = json(mock.get("/__mock__/requests?after=0&wait_ms=20000", "poll", "1"));

        assertThat(paths(answer)).containsExactly("/early");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void answersAsSoonAsAMatchingRequestArrives() {
        mock.createScope("poll");
        mock.addStub("poll", ALL);
        mock.get("/before", "poll", "1");
        long after = lastSequence("poll");
        long started = System.nanoTime();
        later.schedule(() -> mock.get("/late", "poll", "1"), 300, TimeUnit.MILLISECONDS);

        JsonNode answer = json(mock.get("/__mock__/requests?after=" + after + "&wait_ms=20000", "poll", "1"));

        Duration waited = Duration.ofNanos(System.nanoTime() - started);
        assertThat(paths(answer)).containsExactly("/late");
        assertThat(answer.get("requests").get(0).get("scope").asText()).isEqualTo("poll");
        assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(250)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void answersWithAnEmptyListingWhenTheWaitEnds() {
        mock.createScope("poll");
        mock.get("/before", "poll", "1");
        long after = lastSequence("poll");
        long started = System.nanoTime();

        HttpResponse<String> response = mock.get("/__mock__/requests?after=" + after + "&wait_ms=300", "poll", "1");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"requests\":[],\"evicted\":0}");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void requestsOfAnotherScopeDoNotWakeTheWaitButGlobalOnesDo() {
        mock.createScope("poll");
        mock.createScope("neighbour");
        later.schedule(() -> mock.get("/neighbour", "neighbour", "1"), 50, TimeUnit.MILLISECONDS);
        later.schedule(() -> mock.get("/global"), 400, TimeUnit.MILLISECONDS);
        long started = System.nanoTime();

        JsonNode answer = json(mock.get("/__mock__/requests?after=0&wait_ms=20000", "poll", "1"));

        assertThat(paths(answer)).containsExactly("/global");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(350));
    }

    @Test
    void allTrueWakesOnTrafficOfAnyScope() {
        mock.createScope("elsewhere");
        later.schedule(() -> mock.get("/scoped", "elsewhere", "1"), 100, TimeUnit.MILLISECONDS);

        JsonNode answer = json(mock.get("/__mock__/requests?all=true&after=0&wait_ms=20000"));

        assertThat(paths(answer)).containsExactly("/scoped");
    }

    @Test
    void rejectsAfterAndWaitThatAreNotWholeNumbersInRange() {
        HttpResponse<String> negative = mock.get("/__mock__/requests?after=-1");
        HttpResponse<String> text = mock.get("/__mock__/requests?wait_ms=soon");
        HttpResponse<String> tooLong = mock.get("/__mock__/requests?wait_ms=20001");

        assertThat(negative.statusCode()).isEqualTo(422);
        assertThat(negative.body()).isEqualTo("{\"detail\":[{\"type\":\"int_parsing\",\"loc\":[\"query\",\"after\"],"
                + "\"msg\":\"Input should be a whole number from 0 to 9223372036854775807, found '-1'\"}]}");
        assertThat(text.statusCode()).isEqualTo(422);
        assertThat(text.body()).isEqualTo("{\"detail\":[{\"type\":\"int_parsing\",\"loc\":[\"query\",\"wait_ms\"],"
                + "\"msg\":\"Input should be a whole number from 0 to 20000, found 'soon'\"}]}");
        assertThat(tooLong.statusCode()).isEqualTo(422);
        assertThat(tooLong.body()).isEqualTo("{\"detail\":[{\"type\":\"int_parsing\",\"loc\":[\"query\",\"wait_ms\"],"
                + "\"msg\":\"Input should be a whole number from 0 to 20000, found '20001'\"}]}");
    }

    @Test
    void waitingPollsHoldNoRequestThreads() throws Exception {
        // more waiting polls than the engine has threads (200): if a wait held a thread, traffic would stall
        mock.createScope("busy");
        mock.addStub(null, ALL);
        List<CompletableFuture<HttpResponse<String>>> polls = new ArrayList<>();
        for (int i = 0; i < 210; i++) {
            polls.add(mock.client().sendAsync(HttpRequest.newBuilder(mock.url("/__mock__/requests?after=0&wait_ms"
                    + "=20000")).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString()));
        }

        // scoped traffic is invisible to the global polls, so it does not wake them
        HttpResponse<String> probe = later.schedule(() -> mock.get("/probe", "busy", "1"), 1, TimeUnit.SECONDS)
                .get(10, TimeUnit.SECONDS);
        HttpResponse<String> wake = mock.get("/wake");

        assertThat(probe.body()).isEqualTo("ok");
        assertThat(polls).noneMatch(poll -> poll.isDone() && paths(json(poll.join())).contains("/probe"));
        assertThat(wake.body()).isEqualTo("ok");
        for (CompletableFuture<HttpResponse<String>> poll : polls) {
            assertThat(paths(json(poll.get(10, TimeUnit.SECONDS)))).containsExactly("/wake");
        }
    }

    private long lastSequence(String scope) {
        JsonNode requests = json(mock.get("/__mock__/requests", scope, "1")).get("requests");
        return requests.get(requests.size() - 1).get("sequence").asLong();
    }

    private static List<String> paths(JsonNode answer) {
        List<String> paths = new ArrayList<>();
        answer.get("requests").forEach(r -> paths.add(r.get("path").asText()));
        return paths;
    }
}
