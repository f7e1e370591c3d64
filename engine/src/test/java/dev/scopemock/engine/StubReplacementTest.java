package dev.scopemock.engine;

import static dev.scopemock.engine.support.TestEngine.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scopemock.engine.support.TestEngine;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code PUT /__mock__/stubs/{id}}: an atomic replacement that keeps the id and scope (a Scopemock addition). */
class StubReplacementTest {

    private static final String STUB = "{\"request\": {\"path\": \"/pay\"}, \"max_calls\": %d,"
            + " \"action\": {\"response\": {\"status_code\": %d, \"headers\": {}, \"body\": \"%s\"}}}";

    private TestEngine mock;

    @BeforeEach
    void startEngine() {
        mock = TestEngine.start();
    }

    @AfterEach
    void stopEngine() {
        mock.close();
    }

    @Test
    void replacesTheAnswerKeepingIdAndScopeAndRestartingTheCallCount() {
        mock.createScope("suite-a");
        String id = mock.addStub("suite-a", STUB.formatted(5, 503, "down"));
        mock.get("/pay", "suite-a", "1");

        HttpResponse<String> replaced = mock.send("PUT", "/__mock__/stubs/" + id, STUB.formatted(5, 200, "paid"),
                "Content-Type", "application/json");

        assertThat(replaced.statusCode()).isEqualTo(200);
        assertThat(replaced.body()).isEqualTo("{\"success\":true,\"stub_id\":\"" + id + "\"}");
        assertThat(mock.get("/pay", "suite-a", "1").body()).isEqualTo("paid");
        var stubs = json(mock.get("/__mock__/stubs", "suite-a", "1")).get("stubs");
        assertThat(stubs).hasSize(1);
        assertThat(stubs.get(0).get("stub_id").asText()).isEqualTo(id);
        assertThat(stubs.get(0).get("scope").asText()).isEqualTo("suite-a");
        assertThat(stubs.get(0).get("call_count").asInt()).isEqualTo(1);
        assertThat(mock.get("/pay").statusCode()).isEqualTo(404);
    }

    @Test
    void keepsTheOldStubWhenTheReplacementIsInvalid() {
        String id = mock.addStub(null, STUB.formatted(5, 200, "old"));

        HttpResponse<String> rejected = mock.send("PUT", "/__mock__/stubs/" + id,
                "{\"request\": {}, \"action\": {}}", "Content-Type", "application/json");

        assertThat(rejected.statusCode()).isEqualTo(422);
        assertThat(rejected.body()).contains("Exactly one of response, proxy, or sse must be provided.");
        assertThat(mock.get("/pay").body()).isEqualTo("old");
    }

    @Test
    void answersNotFoundForAnUnknownId() {
        HttpResponse<String> missing = mock.send("PUT", "/__mock__/stubs/nope", STUB.formatted(1, 200, "x"),
                "Content-Type", "application/json");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).isEqualTo("{\"detail\":\"Stub 'nope' was not found\"}");
    }

    @Test
    void requestsNeverFindTheStubMissingWhileItIsReplaced() throws Exception {
        String id = mock.addStub(null, STUB.formatted(1_000_000, 200, "v0"));
        AtomicBoolean replacing = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<Integer>> notFound = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            notFound.add(clients.submit(() -> {
                int misses = 0;
                while (replacing.get()) {
                    if (mock.get("/pay").statusCode() != 200) {
                        misses++;
                    }
                }
                return misses;
            }));
        }

        for (int i = 1; i <= 200; i++) {
            mock.engine().replaceStubJson(id, STUB.formatted(1_000_000, 200, "v" + i));
        }
        replacing.set(false);

        int misses = 0;
        for (Future<Integer> result : notFound) {
            misses += result.get(30, TimeUnit.SECONDS);
        }
        clients.shutdown();
        assertThat(misses).isZero();
        assertThat(mock.get("/pay").body()).isEqualTo("v200");
    }
}
