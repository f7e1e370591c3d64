package dev.scopemock.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopemock.engine.support.TestEngine;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ResetTest {

    private static final String STUB = "{\"request\": {\"path\": \"/payment\"},"
            + " \"action\": {\"response\": {\"status_code\": 200, \"headers\": {}, \"body\": \"ok\"}}}";

    private TestEngine mock;

    @BeforeEach
    void startEngine() {
        mock = TestEngine.start(EngineOptions.defaults().withJournalCapacity(2));
    }

    @AfterEach
    void stopEngine() {
        mock.close();
    }

    @Test
    void clearsStubsScopesAndJournal() {
        mock.createScope("suite-a");
        mock.addStub("suite-a", STUB);
        mock.addStub(null, STUB);
        mock.get("/payment", "suite-a", "1");
        mock.get("/payment");
        mock.get("/payment");
        mock.get("/payment");

        HttpResponse<String> response = mock.send("POST", "/__mock__/reset", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(response.body()).isEqualTo("{\"success\":true}");
        assertThat(mock.get("/__mock__/scopes").body()).isEqualTo("{\"scopes\":[],\"details\":[]}");
        assertThat(mock.get("/__mock__/stubs?all=true").body()).isEqualTo("{\"stubs\":[]}");
        assertThat(mock.get("/__mock__/requests?all=true").body()).isEqualTo("{\"requests\":[],\"evicted\":0}");
    }

    @Test
    void leavesAnEngineThatBehavesLikeAFreshOne() {
        mock.createScope("suite-a");
        mock.addStub(null, "{\"id\": \"fixed\", \"request\": {\"path\": \"/payment\"},"
                + " \"action\": {\"response\": {\"status_code\": 200, \"headers\": {}, \"body\": \"ok\"}}}");
        mock.send("POST", "/__mock__/reset", null);

        HttpResponse<String> traffic = mock.get("/payment", "suite-a", "1");
        HttpResponse<String> recreate = mock.postJson("/__mock__/scopes", "{\"name\": \"suite-a\"}");
        HttpResponse<String> sameId = mock.postJson("/__mock__/stubs", "{\"id\": \"fixed\", \"request\": {},"
                + " \"action\": {\"response\": {\"status_code\": 200, \"headers\": {}, \"body\": \"ok\"}}}");

        assertThat(traffic.statusCode()).isEqualTo(404);
        assertThat(recreate.statusCode()).isEqualTo(201);
        assertThat(sameId.statusCode()).isEqualTo(200);
        assertThat(mock.confirm(null, "{\"path\": \"/payment\", \"times\": 1}")).isTrue();
    }

    @Test
    void ignoresScopeHeadersEvenAmbiguousOnes() {
        mock.createScope("suite-a");
        mock.createScope("suite-b");
        mock.addStub("suite-a", STUB);

        HttpResponse<String> response = mock.send("POST", "/__mock__/reset", null, "suite-a", "1", "suite-b", "1");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"success\":true}");
        assertThat(mock.get("/__mock__/scopes").body()).isEqualTo("{\"scopes\":[],\"details\":[]}");
    }

    @Test
    void ignoresAnyBodyAndContentType() {
        mock.addStub(null, STUB);

        HttpResponse<String> response = mock.send("POST", "/__mock__/reset", "not json at all",
                "Content-Type", "text/plain");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"success\":true}");
        assertThat(mock.get("/__mock__/stubs").body()).isEqualTo("{\"stubs\":[]}");
    }

    @Test
    void answersPendingDelayedResponsesWhenReset() throws Exception {
        mock.addStub(null, "{\"request\": {\"path\": \"/slow\"}, \"action\": {\"response\": {\"status_code\": 200,"
                + " \"headers\": {}, \"body\": \"late\"}}, \"chaos\": {\"latency\": {\"base_ms\": 30000}}}");
        CompletableFuture<HttpResponse<String>> pending = mock.client().sendAsync(
                HttpRequest.newBuilder(mock.url("/slow")).build(), HttpResponse.BodyHandlers.ofString());
        awaitRecordedRequests(1);

        mock.send("POST", "/__mock__/reset", null);

        HttpResponse<String> cancelled = pending.get(5, TimeUnit.SECONDS);
        assertThat(cancelled.statusCode()).isEqualTo(503);
        assertThat(cancelled.body()).isEqualTo("{\"error\":\"RESPONSE_CANCELLED\",\"detail\":\"the delayed response"
                + " was cancelled because its scope was deleted or the engine reset\"}");
    }

    @Test
    void isMockTrafficForOtherMethods() {
        mock.addStub(null, STUB);

        HttpResponse<String> response = mock.send("DELETE", "/__mock__/reset", null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("NO_STUB_MATCH_FOUND");
        assertThat(mock.get("/__mock__/stubs").body()).contains("\"stub_id\"");
    }

    private void awaitRecordedRequests(int count) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (TestEngine.json(mock.get("/__mock__/requests")).get("requests").size() < count) {
            assertThat(System.nanoTime()).as("requests recorded within 5 s").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }
}
