package dev.scopemock.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopemock.engine.support.TestEngine;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code sequence} action: i-th call, i-th response, then the exhaustion policy. */
class SequencesTest {

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

    private static String sequenceStub(String path, String policy, int count) {
        StringBuilder responses = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            responses.append(i == 1 ? "" : ", ").append("{\"status_code\": ").append(400 + i)
                    .append(", \"headers\": {}, \"body\": \"r").append(i).append("\"}");
        }
        String policyField = policy == null ? "" : ", \"on_exhausted\": \"" + policy + "\"";
        return mock.addStub(null, "{\"request\": {\"path\": \"" + path + "\"}, \"action\": {\"sequence\":"
                + " {\"responses\": [" + responses + "]" + policyField + "}}}");
    }

    private static String call(String path) {
        HttpResponse<String> response = mock.get(path);
        return response.statusCode() + " " + response.body();
    }

    @Test
    void repeatLastIsTheDefault() {
        sequenceStub("/s", null, 3);

        assertThat(List.of(call("/s"), call("/s"), call("/s"), call("/s"), call("/s")))
                .containsExactly("401 r1", "402 r2", "403 r3", "403 r3", "403 r3");
    }

    @Test
    void cycleStartsOver() {
        sequenceStub("/s", "cycle", 2);

        assertThat(List.of(call("/s"), call("/s"), call("/s"), call("/s"), call("/s")))
                .containsExactly("401 r1", "402 r2", "401 r1", "402 r2", "401 r1");
    }

    @Test
    void failAnswersSequenceExhausted() {
        String id = sequenceStub("/s", "fail", 2);

        assertThat(call("/s")).isEqualTo("401 r1");
        assertThat(call("/s")).isEqualTo("402 r2");
        HttpResponse<String> third = mock.get("/s");

        assertThat(third.statusCode()).isEqualTo(500);
        assertThat(third.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(third.body()).isEqualTo("{\"error\":\"SEQUENCE_EXHAUSTED\",\"detail\":\"stub " + id
                + " answered all 2 responses of its sequence; call 3 has none\"}");
    }

    @Test
    void sixteenConcurrentClientsGetEachAnswerOnce() throws Exception {
        sequenceStub("/s", "fail", 16);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<CompletableFuture<String>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                calls.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return call("/s");
                }, pool));
            }
            start.countDown();
            List<String> answers = new ArrayList<>();
            for (CompletableFuture<String> future : calls) {
                answers.add(future.get(30, TimeUnit.SECONDS));
            }
            List<String> expected = new ArrayList<>();
            for (int i = 1; i <= 16; i++) {
                expected.add((400 + i) + " r" + i);
            }
            assertThat(answers).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(call("/s")).startsWith("500 {\"error\":\"SEQUENCE_EXHAUSTED\"");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void listedWithItsResponsesAndPolicy() {
        sequenceStub("/s", "cycle", 1);

        HttpResponse<String> list = mock.get("/__mock__/stubs");

        assertThat(TestEngine.json(list).get("stubs").get(0).get("action").get("sequence").toString()).isEqualTo(
                "{\"responses\":[{\"status_code\":401,\"headers\":{},\"body\":\"r1\",\"template_body\":null}],"
                        + "\"on_exhausted\":\"cycle\"}");
    }

    @Test
    void rejectsBadSequences() {
        HttpResponse<String> both = mock.postJson("/__mock__/stubs", "{\"request\": {}, \"action\": {\"sequence\":"
                + " {\"responses\": []}, \"response\": {\"status_code\": 200, \"headers\": {}, \"body\": \"\"}}}");
        HttpResponse<String> empty = mock.postJson("/__mock__/stubs", "{\"request\": {}, \"action\": {\"sequence\":"
                + " {\"responses\": [], \"on_exhausted\": \"never\"}}}");

        assertThat(both.statusCode()).isEqualTo(422);
        assertThat(both.body()).contains("Exactly one of response, proxy, sse, or sequence must be provided.");
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).contains("Input should be 'repeat_last', 'cycle' or 'fail', found 'never'")
                .contains("responses must be a non-empty array of response objects");
    }
}
