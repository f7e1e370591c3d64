package dev.scopemock.engine;

import static dev.scopemock.engine.support.ControlCalls.requests;
import static dev.scopemock.engine.support.ControlCalls.stubs;
import static dev.scopemock.engine.support.ControlCalls.textStub;
import static dev.scopemock.engine.support.ControlCalls.wire;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopemock.engine.support.ControlCalls;
import dev.scopemock.engine.support.TestEngine;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * {@code max_calls} (PROTOCOL.md §4.5, §17 rows 1 and 30): a stub serves exactly N requests even under concurrent
 * clients, a limit of zero or less never matches, and the stub view shows {@code max_calls} and
 * {@code call_count}.
 */
class MaxCallsTest {

    private static final int CLIENTS = 16;
    private static final int REQUESTS = 200;

    private static TestEngine engine;

    @BeforeAll
    static void startEngine() {
        engine = TestEngine.start();
    }

    @AfterAll
    static void stopEngine() {
        engine.close();
    }

    @BeforeEach
    void resetEngine() {
        ControlCalls.reset(engine);
    }

    @RepeatedTest(3)
    void servesExactlyMaxCallsUnderConcurrentClientsThenTheFallback() throws Exception {
        String fallback = engine.addStub(null, textStub(wire("{'path': '/limited'}"), "fallback"));
        String limited = engine.addStub(null, textStub(wire("{'path': '/limited', 'method': 'GET'}"), "limited", 5));

        List<HttpResponse<String>> responses = getConcurrently("/limited");

        assertThat(bodyCounts(responses)).isEqualTo(Map.of("200 limited", 5, "200 fallback", REQUESTS - 5));
        assertThat(servedByCounts()).isEqualTo(Map.of(limited, 5, fallback, REQUESTS - 5));
        assertThat(callCountsAndLimits()).containsExactly(fallback + " 195/null", limited + " 5/5");
    }

    @RepeatedTest(3)
    void servesExactlyMaxCallsUnderConcurrentClientsThenNoMatch() throws Exception {
        String limited = engine.addStub(null, textStub(wire("{'path': '/limited'}"), "limited", 7));

        List<HttpResponse<String>> responses = getConcurrently("/limited");

        assertThat(bodyCounts(responses)).isEqualTo(Map.of("200 limited", 7, "404 NO_STUB_MATCH_FOUND",
                REQUESTS - 7));
        assertThat(servedByCounts()).isEqualTo(Map.of(limited, 7, "null", REQUESTS - 7));
        assertThat(callCountsAndLimits()).containsExactly(limited + " 7/7");
    }

    @Test
    void servesSequentialRequestsUpToTheLimit() {
        String limited = engine.addStub(null, textStub(wire("{'path': '/two'}"), "two", 2));

        HttpResponse<String> first = engine.get("/two");
        HttpResponse<String> second = engine.get("/two");
        HttpResponse<String> third = engine.get("/two");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(third.statusCode()).isEqualTo(404);
        assertThat(callCountsAndLimits()).containsExactly(limited + " 2/2");
    }

    @Test
    void zeroOrNegativeLimitNeverMatches() {
        String zero = engine.addStub(null, textStub(wire("{'path': '/zero'}"), "zero", 0));
        String negative = engine.addStub(null, textStub(wire("{'path': '/negative'}"), "negative", -1));

        HttpResponse<String> zeroResponse = engine.get("/zero");
        HttpResponse<String> negativeResponse = engine.get("/negative");

        assertThat(zeroResponse.statusCode()).isEqualTo(404);
        assertThat(zeroResponse.body()).isEqualTo("NO_STUB_MATCH_FOUND");
        assertThat(negativeResponse.statusCode()).isEqualTo(404);
        assertThat(negativeResponse.body()).isEqualTo("NO_STUB_MATCH_FOUND");
        assertThat(callCountsAndLimits()).containsExactly(zero + " 0/0", negative + " 0/-1");
    }

    @Test
    void exhaustedStubLetsTheNextBestServe() {
        String fallback = engine.addStub(null, textStub(wire("{'path': '/next'}"), "fallback"));
        engine.addStub(null, textStub(wire("{'path': '/next', 'method': 'GET'}"), "once", 1));

        HttpResponse<String> first = engine.get("/next");
        HttpResponse<String> second = engine.get("/next");

        assertThat(first.body()).isEqualTo("once");
        assertThat(second.body()).isEqualTo("fallback");
        assertThat(requests(engine, null).get(1).get("matched_stub_id").asText()).isEqualTo(fallback);
    }

    private static List<HttpResponse<String>> getConcurrently(String path) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> futures = new ArrayList<>(REQUESTS);
            for (int i = 0; i < REQUESTS; i++) {
                futures.add(clients.submit(() -> {
                    start.await();
                    return engine.get(path);
                }));
            }
            start.countDown();
            List<HttpResponse<String>> responses = new ArrayList<>(REQUESTS);
            for (Future<HttpResponse<String>> future : futures) {
                responses.add(future.get(20, TimeUnit.SECONDS));
            }
            return responses;
        } finally {
            clients.shutdownNow();
        }
    }

    private static Map<String, Integer> bodyCounts(List<HttpResponse<String>> responses) {
        Map<String, Integer> counts = new TreeMap<>();
        for (HttpResponse<String> response : responses) {
            counts.merge(response.statusCode() + " " + response.body(), 1, Integer::sum);
        }
        return counts;
    }

    /** Recorded requests per serving stub id ("null" for none). */
    private static Map<String, Integer> servedByCounts() {
        Map<String, Integer> counts = new TreeMap<>();
        for (JsonNode request : requests(engine, null)) {
            counts.merge(request.get("matched_stub_id").asText("null"), 1, Integer::sum);
        }
        return counts;
    }

    /** "id call_count/max_calls" per stub, in listing order. */
    private static List<String> callCountsAndLimits() {
        List<String> views = new ArrayList<>();
        for (JsonNode stub : stubs(engine, null)) {
            views.add(stub.get("stub_id").asText() + " " + stub.get("call_count").asInt() + "/"
                    + stub.get("max_calls").asText("null"));
        }
        return views;
    }
}
