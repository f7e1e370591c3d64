package dev.scopemock.engine;

import static dev.scopemock.engine.support.TestEngine.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopemock.engine.support.RawHttp;
import dev.scopemock.engine.support.TestEngine;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RequestsJournalTest {

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
    void recordsEveryFieldOfAServedRequest() {
        mock.createScope("checkout-flow");
        String id = mock.addStub("checkout-flow", "{\"request\": {\"path\": \"/users/{id}/orders\"},"
                + " \"action\": {\"response\": {\"status_code\": 201, \"headers\": {}, \"body\": \"ok\"}}}");
        Instant before = Instant.now();

        String response = RawHttp.exchange(mock.port(), "POST /users/42/orders?retry=1&a=x+y HTTP/1.1\r\n"
                + "Host: Shop.Example:8910\r\nContent-Type: application/json\r\nContent-Length: 13\r\n"
                + "checkout-flow: 1\r\nConnection: close\r\n\r\n{\"amount\":42}");

        Instant after = Instant.now();
        assertThat(response).startsWith("HTTP/1.1 201 ");
        JsonNode recorded = single(json(mock.get("/__mock__/requests", "checkout-flow", "1")));
        String timestamp = recorded.get("timestamp").asText();
        assertThat(Instant.parse(timestamp)).isBetween(before, after);
        assertThat(recorded.toString()).isEqualTo("{\"method\":\"POST\",\"path\":\"/users/42/orders\","
                + "\"query\":{\"retry\":\"1\",\"a\":\"x y\"},"
                + "\"headers\":{\"host\":\"Shop.Example:8910\",\"content-type\":\"application/json\","
                + "\"content-length\":\"13\",\"checkout-flow\":\"1\",\"connection\":\"close\"},"
                + "\"body\":\"{\\\"amount\\\":42}\",\"host\":\"shop.example\",\"scope\":\"checkout-flow\","
                + "\"matched_stub_id\":\"" + id + "\",\"body_encoding\":\"utf-8\",\"sequence\":1,"
                + "\"timestamp\":\"" + timestamp + "\",\"raw_query\":\"retry=1&a=x+y\","
                + "\"query_all\":{\"retry\":[\"1\"],\"a\":[\"x y\"]},"
                + "\"headers_all\":{\"host\":[\"Shop.Example:8910\"],\"content-type\":[\"application/json\"],"
                + "\"content-length\":[\"13\"],\"checkout-flow\":[\"1\"],\"connection\":[\"close\"]},"
                + "\"path_params\":{\"id\":\"42\"},\"protocol\":\"HTTP/1.1\"}");
    }

    @Test
    void recordsUnmatchedRequestWithNullStubAndEmptyBody() {
        mock.get("/nothing");

        JsonNode recorded = single(json(mock.get("/__mock__/requests")));

        assertThat(recorded.get("matched_stub_id").isNull()).isTrue();
        assertThat(recorded.get("scope").isNull()).isTrue();
        assertThat(recorded.get("body").asText()).isEqualTo("");
        assertThat(recorded.get("body_encoding").asText()).isEqualTo("utf-8");
        assertThat(recorded.get("query").toString()).isEqualTo("{}");
        assertThat(recorded.get("path_params").toString()).isEqualTo("{}");
        assertThat(recorded.get("host").asText()).isEqualTo("127.0.0.1");
    }

    @Test
    void listsScopedAndGlobalRequestsInterleavedByArrival() {
        mock.createScope("suite-a");
        mock.createScope("suite-b");
        mock.get("/a1", "suite-a", "1");
        mock.get("/g1");
        mock.get("/b1", "suite-b", "1");
        mock.get("/a2", "suite-a", "1");
        mock.get("/g2");

        List<String> scoped = paths(json(mock.get("/__mock__/requests", "suite-a", "1")));
        List<String> global = paths(json(mock.get("/__mock__/requests")));
        List<String> all = paths(json(mock.get("/__mock__/requests?all=true")));

        assertThat(scoped).containsExactly("/a1", "/g1", "/a2", "/g2");
        assertThat(global).containsExactly("/g1", "/g2");
        assertThat(all).containsExactly("/a1", "/g1", "/b1", "/a2", "/g2");
        assertThat(sequences(json(mock.get("/__mock__/requests?all=true")))).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void listsEveryScopeWithAllTrueIgnoringScopeHeaders() {
        mock.createScope("suite-a");
        mock.createScope("suite-b");
        mock.get("/a1", "suite-a", "1");
        mock.get("/b1", "suite-b", "1");

        JsonNode all = json(mock.get("/__mock__/requests?all=true", "suite-a", "1", "suite-b", "1"));

        assertThat(paths(all)).containsExactly("/a1", "/b1");
        assertThat(all.get("evicted").asLong()).isZero();
    }

    @Test
    void keepsABoundedJournalPerScopeAndReportsEvictions() {
        mock.close();
        mock = TestEngine.start(EngineOptions.defaults().withJournalCapacity(5));
        mock.createScope("suite-a");
        for (int i = 1; i <= 7; i++) {
            mock.get("/g" + i);
        }
        for (int i = 1; i <= 6; i++) {
            mock.get("/a" + i, "suite-a", "1");
        }

        JsonNode global = json(mock.get("/__mock__/requests"));
        JsonNode scoped = json(mock.get("/__mock__/requests", "suite-a", "1"));
        JsonNode all = json(mock.get("/__mock__/requests?all=true"));

        assertThat(paths(global)).containsExactly("/g3", "/g4", "/g5", "/g6", "/g7");
        assertThat(global.get("evicted").asLong()).isEqualTo(2);
        assertThat(paths(scoped)).containsExactly("/g3", "/g4", "/g5", "/g6", "/g7", "/a2", "/a3", "/a4", "/a5",
                "/a6");
        assertThat(scoped.get("evicted").asLong()).isEqualTo(3);
        assertThat(sequences(scoped)).containsExactly(3L, 4L, 5L, 6L, 7L, 9L, 10L, 11L, 12L, 13L);
        assertThat(all.get("evicted").asLong()).isEqualTo(3);
        assertThat(mock.confirm("suite-a", "{\"path\": \"/a1\", \"times\": 0}")).isTrue();
    }

    @Test
    void showsNonUtf8BodyAsBase64AndKeepsListing() {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        byte[] head = ("POST /binary HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/octet-stream\r\n"
                + "Content-Length: 4\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        raw.write(head, 0, head.length);
        raw.write(0xff);
        raw.write(0xfe);
        raw.write(0x00);
        raw.write(0x41);
        RawHttp.exchange(mock.port(), raw.toByteArray(), 5_000);
        mock.send("POST", "/text", "h\u00e9llo");

        var response = mock.get("/__mock__/requests");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode requests = json(response).get("requests");
        assertThat(requests.get(0).get("body").asText()).isEqualTo("//4AQQ==");
        assertThat(requests.get(0).get("body_encoding").asText()).isEqualTo("base64");
        assertThat(requests.get(1).get("body").asText()).isEqualTo("h\u00e9llo");
        assertThat(requests.get(1).get("body_encoding").asText()).isEqualTo("utf-8");
    }

    @Test
    void keepsEveryValueOfRepeatedQueryParametersAndHeaders() {
        String response = RawHttp.exchange(mock.port(), "GET /multi?a=1&b=&a=2&c&a=3 HTTP/1.1\r\nHost: localhost\r\n"
                + "X-Multi: one\r\nX-Multi: two\r\nx-multi: three\r\nConnection: close\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 404 ");
        JsonNode recorded = single(json(mock.get("/__mock__/requests")));
        assertThat(recorded.get("query").toString()).isEqualTo("{\"a\":\"3\",\"b\":\"\",\"c\":\"\"}");
        assertThat(recorded.get("query_all").toString())
                .isEqualTo("{\"a\":[\"1\",\"2\",\"3\"],\"b\":[\"\"],\"c\":[\"\"]}");
        assertThat(recorded.get("headers").get("x-multi").asText()).isEqualTo("one");
        assertThat(recorded.get("headers_all").get("x-multi").toString()).isEqualTo("[\"one\",\"two\",\"three\"]");
    }

    @Test
    void recordsDecodedPathWithoutQuery() {
        mock.get("/caf%C3%A9/a%20b?x=%26");

        JsonNode recorded = single(json(mock.get("/__mock__/requests")));

        assertThat(recorded.get("path").asText()).isEqualTo("/caf\u00e9/a b");
        assertThat(recorded.get("query").toString()).isEqualTo("{\"x\":\"&\"}");
    }

    @Test
    void keepsSequenceOrderUnderConcurrentRequests() throws Exception {
        mock.createScope("suite-a");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> sent = new ArrayList<>();

        try {
            for (int i = 0; i < 200; i++) {
                String path = "/c" + i;
                boolean scoped = i % 2 == 0;
                sent.add(pool.submit(() -> scoped ? mock.get(path, "suite-a", "1") : mock.get(path)));
            }
            for (Future<?> future : sent) {
                future.get(20, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        List<Long> scoped = sequences(json(mock.get("/__mock__/requests", "suite-a", "1")));
        List<Long> global = sequences(json(mock.get("/__mock__/requests")));
        assertThat(scoped).hasSize(200).isSorted().doesNotHaveDuplicates();
        assertThat(global).hasSize(100).isSorted().doesNotHaveDuplicates();
        assertThat(scoped.get(199)).isEqualTo(200L);
    }

    @Test
    void doesNotRecordControlCalls() {
        mock.createScope("suite-a");
        mock.get("/__mock__/stubs");
        mock.postJson("/__mock__/assert", "{}");
        mock.get("/__mock__");

        var response = mock.get("/__mock__/requests?all=true");

        assertThat(response.body()).isEqualTo("{\"requests\":[],\"evicted\":0}");
    }

    private static JsonNode single(JsonNode listing) {
        JsonNode requests = listing.get("requests");
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    private static List<String> paths(JsonNode listing) {
        List<String> paths = new ArrayList<>();
        listing.get("requests").forEach(r -> paths.add(r.get("path").asText()));
        return paths;
    }

    private static List<Long> sequences(JsonNode listing) {
        List<Long> sequences = new ArrayList<>();
        listing.get("requests").forEach(r -> sequences.add(r.get("sequence").asLong()));
        return sequences;
    }
}
