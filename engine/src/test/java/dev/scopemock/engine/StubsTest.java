package dev.scopemock.engine;

import static dev.scopemock.engine.support.TestEngine.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopemock.engine.support.RawHttp;
import dev.scopemock.engine.support.TestEngine;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StubsTest {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";
    private static final String PATH_STUB = "{\"request\": {\"path\": \"%s\"},"
            + " \"action\": {\"response\": {\"status_code\": 200, \"headers\": {}, \"body\": \"%s\"}}}";
    private static final String NO_MATCH = "NO_STUB_MATCH_FOUND";

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
    void createsStubWithStatus200AndRandomUuid() {
        HttpResponse<String> first = mock.postJson("/__mock__/stubs", PATH_STUB.formatted("/a", "a"));
        HttpResponse<String> second = mock.postJson("/__mock__/stubs", PATH_STUB.formatted("/a", "a"));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(first.body()).matches("\\{\"success\":true,\"stub_id\":\"" + UUID + "\"}");
        assertThat(json(second).get("stub_id").asText()).isNotEqualTo(json(first).get("stub_id").asText());
    }

    @Test
    void listsScopedStubsBeforeGlobalOnesEachInCreationOrder() {
        mock.createScope("suite-a");
        mock.createScope("suite-b");
        String global1 = mock.addStub(null, PATH_STUB.formatted("/g1", "g1"));
        String scoped1 = mock.addStub("suite-a", PATH_STUB.formatted("/a1", "a1"));
        String other = mock.addStub("suite-b", PATH_STUB.formatted("/b1", "b1"));
        String global2 = mock.addStub(null, PATH_STUB.formatted("/g2", "g2"));
        String scoped2 = mock.addStub("suite-a", PATH_STUB.formatted("/a2", "a2"));

        List<String> scoped = ids(mock.get("/__mock__/stubs", "suite-a", "1"));
        List<String> unscoped = ids(mock.get("/__mock__/stubs"));
        List<String> all = ids(mock.get("/__mock__/stubs?all=true"));

        assertThat(scoped).containsExactly(scoped1, scoped2, global1, global2);
        assertThat(unscoped).containsExactly(global1, global2);
        assertThat(all).containsExactly(scoped1, scoped2, other, global1, global2);
    }

    @Test
    void showsEveryKeyOfTheStubViewInCanonicalForm() {
        mock.createScope("team_a");
        String id = mock.addStub("team_a", "{\"request\": {\"method\": \"GET\", \"path\": \"/orders/{orderId}\","
                + " \"headers\": {\"x-tenant\": \"acme\"}, \"query\": {\"q\": {\"$regex\": {\"pattern\": \"^a\"}}},"
                + " \"host\": \"api.example.com\", \"body\": {\"$json\": {\"inner_criteria\": {\"a\": 1}}}},"
                + " \"action\": {\"response\": {\"status_code\": \"201\", \"headers\": {\"Content-Type\":"
                + " \"text/plain\"}, \"body\": \"ok\"}}, \"max_calls\": 3.0, \"chaos\": {\"jitter_ms\": 5}}");

        HttpResponse<String> response = mock.get("/__mock__/stubs", "team_a", "1");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"stubs\":[{\"stub_id\":\"" + id + "\",\"request\":{"
                + "\"method\":\"GET\",\"path\":\"/orders/{orderId}\","
                + "\"body\":{\"$json\":{\"inner_criteria\":{\"$eq\":{\"value\":{\"a\":1}}}}},"
                + "\"headers\":{\"$key_values\":{\"key_values\":{\"x-tenant\":{\"$eq\":{\"value\":\"acme\"}}}}},"
                + "\"host\":\"api.example.com\","
                + "\"query\":{\"$key_values\":{\"key_values\":{\"q\":{\"$regex\":{\"pattern\":\"^a\"}}}}}},"
                + "\"action\":{\"response\":{\"status_code\":201,\"headers\":{\"Content-Type\":\"text/plain\"},"
                + "\"body\":\"ok\",\"template_body\":null},\"proxy\":null,\"sse\":null},"
                + "\"scope\":\"team_a\","
                + "\"chaos\":{\"latency\":{\"base_ms\":0,\"jitter_ms\":5},\"faults\":{\"connection_drop\":null}},"
                + "\"max_calls\":3,\"call_count\":0}]}");
    }

    @Test
    void showsNullsForUnsetKeysAndDefaultsOfProxyAndSse() {
        String sse = mock.addStub(null, "{\"request\": {}, \"action\": {\"sse\": {\"events\": [{\"data\": \"x\"}]}}}");
        String proxy = mock.addStub(null, "{\"request\": {\"body\": {\"a\": [1, 2]}}, \"action\": {\"proxy\":"
                + " {\"url\": \"http://127.0.0.1:1/up\"}}, \"chaos\": {}}");

        HttpResponse<String> response = mock.get("/__mock__/stubs");

        String noRequest = "\"method\":null,\"path\":null,\"body\":null,\"headers\":null,\"host\":null,"
                + "\"query\":null";
        assertThat(response.body()).isEqualTo("{\"stubs\":[{\"stub_id\":\"" + sse + "\",\"request\":{" + noRequest
                + "},\"action\":{\"response\":null,\"proxy\":null,\"sse\":{\"events\":[{\"data\":\"x\",\"event\":null,"
                + "\"id\":null,\"retry\":null,\"delay_ms\":null}],\"default_delay_ms\":0}},\"scope\":null,"
                + "\"chaos\":null,\"max_calls\":null,\"call_count\":0},"
                + "{\"stub_id\":\"" + proxy + "\",\"request\":{\"method\":null,\"path\":null,\"body\":{\"a\":[1,2]},"
                + "\"headers\":null,\"host\":null,\"query\":null},\"action\":{\"response\":null,\"proxy\":{"
                + "\"url\":\"http://127.0.0.1:1/up\",\"headers\":{},\"timeout\":5},\"sse\":null},\"scope\":null,"
                + "\"chaos\":{\"latency\":{\"base_ms\":0,\"jitter_ms\":0},\"faults\":{\"connection_drop\":null}},"
                + "\"max_calls\":null,\"call_count\":0}]}");
    }

    @Test
    void countsServedCallsInTheView() {
        String id = mock.addStub(null, "{\"request\": {\"path\": \"/once\"}, \"action\": {\"response\":"
                + " {\"status_code\": 200, \"headers\": {}, \"body\": \"once\"}}, \"max_calls\": 1}");

        HttpResponse<String> first = mock.get("/once");
        HttpResponse<String> second = mock.get("/once");

        assertThat(first.body()).isEqualTo("once");
        assertThat(second.statusCode()).isEqualTo(404);
        JsonNode view = json(mock.get("/__mock__/stubs")).get("stubs").get(0);
        assertThat(view.get("stub_id").asText()).isEqualTo(id);
        assertThat(view.get("max_calls").asInt()).isEqualTo(1);
        assertThat(view.get("call_count").asInt()).isEqualTo(1);
    }

    @Test
    void deletesGlobalStub() {
        String id = mock.addStub(null, PATH_STUB.formatted("/a", "a"));

        HttpResponse<String> response = mock.send("DELETE", "/__mock__/stubs/" + id, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"success\":true,\"stub_id\":\"" + id + "\"}");
        assertThat(mock.get("/__mock__/stubs").body()).isEqualTo("{\"stubs\":[]}");
        assertThat(mock.get("/a").statusCode()).isEqualTo(404);
    }

    @Test
    void deletesScopedStubWithItsScopeHeader() {
        mock.createScope("suite-a");
        String id = mock.addStub("suite-a", PATH_STUB.formatted("/a", "a"));

        HttpResponse<String> response = mock.send("DELETE", "/__mock__/stubs/" + id, null, "suite-a", "1");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(mock.get("/__mock__/stubs?all=true").body()).isEqualTo("{\"stubs\":[]}");
    }

    @Test
    void deletesScopedStubWithoutItsScopeHeader() {
        mock.createScope("suite-a");
        String id = mock.addStub("suite-a", PATH_STUB.formatted("/a", "a"));

        HttpResponse<String> response = mock.send("DELETE", "/__mock__/stubs/" + id, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"success\":true,\"stub_id\":\"" + id + "\"}");
        assertThat(mock.get("/__mock__/stubs?all=true").body()).isEqualTo("{\"stubs\":[]}");
        assertThat(mock.get("/a", "suite-a", "1").statusCode()).isEqualTo(404);
    }

    @Test
    void answersNotFoundForUnknownStubId() {
        HttpResponse<String> response = mock.send("DELETE", "/__mock__/stubs/nope", null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"detail\":\"Stub 'nope' was not found\"}");
    }

    @Test
    void answersNotFoundWhenDeletingTheSameStubTwice() {
        String id = mock.addStub(null, PATH_STUB.formatted("/a", "a"));
        mock.send("DELETE", "/__mock__/stubs/" + id, null);

        HttpResponse<String> again = mock.send("DELETE", "/__mock__/stubs/" + id, null);

        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(again.body()).isEqualTo("{\"detail\":\"Stub '" + id + "' was not found\"}");
    }

    @Test
    void takesExplicitIdFromIdOrStubId() {
        HttpResponse<String> byId = mock.postJson("/__mock__/stubs", "{\"id\": \"health\", \"request\": {},"
                + " \"action\": {\"response\": {\"status_code\": 200, \"headers\": {}, \"body\": \"ok\"}}}");
        HttpResponse<String> byStubId = mock.postJson("/__mock__/stubs", "{\"stub_id\": \" orders \","
                + " \"request\": {}, \"action\": {\"response\": {\"status_code\": 200, \"headers\": {}, \"body\": \"ok\"}}}");
        HttpResponse<String> both = mock.postJson("/__mock__/stubs", "{\"id\": \"loser\", \"stub_id\": \"winner\","
                + " \"request\": {}, \"action\": {\"response\": {\"status_code\": 200, \"headers\": {}, \"body\": \"ok\"}}}");
        HttpResponse<String> number = mock.postJson("/__mock__/stubs", "{\"id\": 5, \"request\": {},"
                + " \"action\": {\"response\": {\"status_code\": 200, \"headers\": {}, \"body\": \"ok\"}}}");

        assertThat(byId.body()).isEqualTo("{\"success\":true,\"stub_id\":\"health\"}");
        assertThat(byStubId.body()).isEqualTo("{\"success\":true,\"stub_id\":\"orders\"}");
        assertThat(both.body()).isEqualTo("{\"success\":true,\"stub_id\":\"winner\"}");
        assertThat(number.body()).isEqualTo("{\"success\":true,\"stub_id\":\"5\"}");
        assertThat(ids(mock.get("/__mock__/stubs"))).containsExactly("health", "orders", "winner", "5");
    }

    @Test
    void deletesStubWhoseExplicitIdHoldsSlashAndSpace() {
        mock.addStub(null, "{\"id\": \"team/health check\", \"request\": {}, \"action\": {\"response\":"
                + " {\"status_code\": 200, \"headers\": {}, \"body\": \"ok\"}}}");

        HttpResponse<String> response = mock.send("DELETE", "/__mock__/stubs/team%2Fhealth%20check", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"success\":true,\"stub_id\":\"team/health check\"}");
        assertThat(mock.get("/__mock__/stubs").body()).isEqualTo("{\"stubs\":[]}");
    }

    @Test
    void rejectsDuplicateExplicitIdAcrossScopes() {
        mock.createScope("suite-a");
        mock.addStub("suite-a", "{\"id\": \"health\", \"request\": {}, \"action\": {\"response\":"
                + " {\"status_code\": 200, \"headers\": {}, \"body\": \"ok\"}}}");

        HttpResponse<String> response = mock.postJson("/__mock__/stubs", "{\"stub_id\": \"health\", \"request\": {},"
                + " \"action\": {\"response\": {\"status_code\": 200, \"headers\": {}, \"body\": \"again\"}}}");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).isEqualTo("{\"detail\":[{\"type\":\"duplicate_id\",\"loc\":[\"body\",\"stub_id\"],"
                + "\"msg\":\"a stub with id 'health' already exists; stub ids are unique across scopes\"}]}");
        assertThat(ids(mock.get("/__mock__/stubs?all=true"))).containsExactly("health");
    }

    @Test
    void rejectsEmptyExplicitId() {
        HttpResponse<String> response = mock.postJson("/__mock__/stubs", "{\"id\": \"  \", \"request\": {},"
                + " \"action\": {\"response\": {\"status_code\": 200, \"headers\": {}, \"body\": \"ok\"}}}");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).isEqualTo("{\"detail\":[{\"type\":\"string_too_short\",\"loc\":[\"body\",\"id\"],"
                + "\"msg\":\"a stub id must not be empty\"}]}");
    }

    @Test
    void treatsControlPathsWithUnroutedMethodsAsRecordedMockTraffic() {
        HttpResponse<String> putStubs = mock.send("PUT", "/__mock__/stubs", "{}");
        HttpResponse<String> getScope = mock.get("/__mock__/scopes/x");
        HttpResponse<String> unknown = mock.get("/__mock__/unknown");
        HttpResponse<String> trailingSlash = mock.get("/__mock__/stubs/");
        HttpResponse<String> deleteTrailingSlash = mock.send("DELETE", "/__mock__/stubs/", null);
        HttpResponse<String> getReset = mock.get("/__mock__/reset");
        HttpResponse<String> postRequests = mock.send("POST", "/__mock__/requests", null);
        HttpResponse<String> deeper = mock.send("DELETE", "/__mock__/stubs/a/b", null);

        assertThat(List.of(putStubs, getScope, unknown, trailingSlash, deleteTrailingSlash, getReset, postRequests,
                deeper))
                .allSatisfy(r -> {
                    assertThat(r.statusCode()).isEqualTo(404);
                    assertThat(r.body()).isEqualTo(NO_MATCH);
                });
        JsonNode requests = json(mock.get("/__mock__/requests")).get("requests");
        assertThat(requests).extracting(r -> r.get("method").asText() + " " + r.get("path").asText())
                .containsExactly("PUT /__mock__/stubs", "GET /__mock__/scopes/x", "GET /__mock__/unknown",
                        "GET /__mock__/stubs/", "DELETE /__mock__/stubs/", "GET /__mock__/reset",
                        "POST /__mock__/requests", "DELETE /__mock__/stubs/a/b");
    }

    @Test
    void servesFallThroughControlPathsFromStubs() {
        mock.addStub(null, PATH_STUB.formatted("/__mock__/scopes/{name}", "stubbed scope page"));

        HttpResponse<String> response = mock.get("/__mock__/scopes/x");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("stubbed scope page");
    }

    @Test
    void answersWelcomeDocumentOnEveryRoutedMethod() {
        HttpResponse<String> get = mock.get("/__mock__");
        HttpResponse<String> delete = mock.send("DELETE", "/__mock__", null);
        HttpResponse<String> patch = mock.send("PATCH", "/__mock__", "not json");

        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.body()).isEqualTo("{\"message\":\"Welcome to the Assertive Mock API Server!\","
                + "\"available_endpoints\":[\"/__mock__/scopes\",\"/__mock__/scopes (GET list)\",\"/__mock__/stubs\","
                + "\"/__mock__/stubs/{stub_id}\",\"/__mock__/assert\",\"/__mock__/requests\",\"/__mock__/reset\"]}");
        assertThat(delete.statusCode()).isEqualTo(200);
        assertThat(patch.statusCode()).isEqualTo(200);
        assertThat(mock.get("/__mock__/requests").body()).isEqualTo("{\"requests\":[],\"evicted\":0}");
    }

    @Test
    void answersMethodNotAllowedForTraceAndCustomMethods() {
        String trace = RawHttp.exchange(mock.port(), "TRACE /anything HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n");
        String custom = RawHttp.exchange(mock.port(), "PURGE /__mock__/stubs HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n");

        for (String response : List.of(trace, custom)) {
            assertThat(response).startsWith("HTTP/1.1 405 Method Not Allowed\r\n");
            assertThat(response).contains("\r\nAllow: GET, POST, PUT, DELETE, PATCH, OPTIONS, HEAD\r\n");
            assertThat(response).contains("\r\nContent-Type: application/json\r\n");
            assertThat(response).endsWith("\r\n\r\n{\"detail\":\"Method Not Allowed\"}");
        }
        assertThat(mock.get("/__mock__/requests").body()).isEqualTo("{\"requests\":[],\"evicted\":0}");
    }

    private static List<String> ids(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> ids = new java.util.ArrayList<>();
        json(response).get("stubs").forEach(s -> ids.add(s.get("stub_id").asText()));
        return ids;
    }
}
