package dev.scopemock.engine;

import static dev.scopemock.engine.support.TestEngine.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopemock.engine.support.RawHttp;
import dev.scopemock.engine.support.TestEngine;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ScopesTest {

    private static final String OK_STUB = "{\"request\": {\"path\": \"/payment\"},"
            + " \"action\": {\"response\": {\"status_code\": 200, \"headers\": {}, \"body\": \"%s\"}}}";
    private static final String AMBIGUOUS = "{\"detail\":\"Multiple scope headers matched this request\"}";

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
    void createsScopeAndEchoesLowerCasedName() {
        HttpResponse<String> response = mock.postJson("/__mock__/scopes", "{\"name\": \"Team_A\"}");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(response.body()).isEqualTo("{\"success\":true,\"name\":\"team_a\"}");
    }

    @Test
    void rejectsDuplicateScopeCaseInsensitivelyWithConflict() {
        mock.createScope("Team_A");

        HttpResponse<String> same = mock.postJson("/__mock__/scopes", "{\"name\": \"team_a\"}");
        HttpResponse<String> otherCase = mock.postJson("/__mock__/scopes", "{\"name\": \"TEAM_A\"}");

        assertThat(same.statusCode()).isEqualTo(409);
        assertThat(same.body()).isEqualTo("{\"detail\":\"Scope 'team_a' already exists\"}");
        assertThat(otherCase.statusCode()).isEqualTo(409);
        assertThat(otherCase.body()).isEqualTo("{\"detail\":\"Scope 'TEAM_A' already exists\"}");
    }

    @Test
    void listsScopesInCreationOrder() {
        mock.createScope("zeta");
        mock.createScope("Alpha");
        mock.createScope("checkout-flow");

        HttpResponse<String> response = mock.get("/__mock__/scopes");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"scopes\":[\"zeta\",\"alpha\",\"checkout-flow\"],\"details\":["
                + "{\"name\":\"zeta\",\"port\":null},{\"name\":\"alpha\",\"port\":null},"
                + "{\"name\":\"checkout-flow\",\"port\":null}]}");
    }

    @Test
    void listsNoScopesOnFreshEngine() {
        HttpResponse<String> response = mock.get("/__mock__/scopes");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"scopes\":[],\"details\":[]}");
    }

    @Test
    void deletesScopeByAnyCaseOfItsName() {
        mock.createScope("team_a");
        mock.createScope("team_b");

        HttpResponse<String> response = mock.send("DELETE", "/__mock__/scopes/TEAM_A", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"success\":true,\"name\":\"team_a\"}");
        assertThat(mock.get("/__mock__/scopes").body()).isEqualTo("{\"scopes\":[\"team_b\"],"
                + "\"details\":[{\"name\":\"team_b\",\"port\":null}]}");
    }

    @Test
    void deletingScopeRemovesItsStubsAndRequestsAndRecreatedScopeStartsEmpty() {
        mock.createScope("suite-a");
        mock.addStub("suite-a", OK_STUB.formatted("scoped"));
        String globalId = mock.addStub(null, OK_STUB.formatted("global"));
        mock.get("/payment", "suite-a", "1");
        mock.get("/global-call");

        mock.send("DELETE", "/__mock__/scopes/suite-a", null);
        mock.createScope("suite-a");

        JsonNode stubs = json(mock.get("/__mock__/stubs", "suite-a", "1")).get("stubs");
        assertThat(stubs).hasSize(1);
        assertThat(stubs.get(0).get("stub_id").asText()).isEqualTo(globalId);
        JsonNode requests = json(mock.get("/__mock__/requests", "suite-a", "1")).get("requests");
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).get("path").asText()).isEqualTo("/global-call");
        assertThat(mock.get("/payment", "suite-a", "1").body()).isEqualTo("global");
        assertThat(json(mock.get("/__mock__/stubs?all=true")).get("stubs")).hasSize(1);
    }

    @Test
    void answersNotFoundForUnknownScopeWithNameAsInUrl() {
        HttpResponse<String> response = mock.send("DELETE", "/__mock__/scopes/No_Such", null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"detail\":\"Scope 'No_Such' was not found\"}");
    }

    @Test
    void answersNotFoundNeverServerErrorForInvalidScopeNameInPath() {
        List<Integer> statuses = new ArrayList<>();

        for (String name : List.of("bad.name", "a%20b", "%C3%A9t%C3%A9", "accept", "%7B%7D", "a;b", "-")) {
            statuses.add(mock.send("DELETE", "/__mock__/scopes/" + name, null).statusCode());
        }

        assertThat(statuses).containsOnly(404);
        assertThat(mock.send("DELETE", "/__mock__/scopes/bad.name", null).body())
                .isEqualTo("{\"detail\":\"Scope 'bad.name' was not found\"}");
    }

    @Test
    void rejectsNameWithBadCharactersAsPatternMismatch() {
        HttpResponse<String> response = mock.postJson("/__mock__/scopes", "{\"name\": \"bad.name\"}");

        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode error = json(response).get("detail").get(0);
        assertThat(error.get("type").asText()).isEqualTo("string_pattern_mismatch");
        assertThat(error.get("loc").toString()).isEqualTo("[\"body\",\"name\"]");
        assertThat(error.get("msg").asText()).isEqualTo("String should match pattern '^[A-Za-z0-9_-]+$' (a scope"
                + " name may hold ASCII letters, digits, '-' and '_'), found 'bad.name'");
    }

    @Test
    void rejectsEmptyMissingAndNonStringNames() {
        HttpResponse<String> empty = mock.postJson("/__mock__/scopes", "{\"name\": \"\"}");
        HttpResponse<String> missing = mock.postJson("/__mock__/scopes", "{}");
        HttpResponse<String> number = mock.postJson("/__mock__/scopes", "{\"name\": 7}");

        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(json(empty).get("detail").get(0).get("msg").asText())
                .isEqualTo("a scope name must have at least 1 character");
        assertThat(missing.statusCode()).isEqualTo(422);
        assertThat(json(missing).get("detail").get(0).get("type").asText()).isEqualTo("missing");
        assertThat(number.statusCode()).isEqualTo(422);
        assertThat(json(number).get("detail").get(0).get("type").asText()).isEqualTo("string_type");
        assertThat(mock.get("/__mock__/scopes").body()).isEqualTo("{\"scopes\":[],\"details\":[]}");
    }

    @Test
    void rejectsScopeNamesThatAreCommonHeaderNames() {
        List<Integer> statuses = new ArrayList<>();

        for (String name : List.of("accept", "Host", "content-type", "user-agent", "authorization", "cookie",
                "connection", "content-length")) {
            statuses.add(mock.postJson("/__mock__/scopes", "{\"name\": \"" + name + "\"}").statusCode());
        }

        assertThat(statuses).containsOnly(422);
        HttpResponse<String> host = mock.postJson("/__mock__/scopes", "{\"name\": \"Host\"}");
        JsonNode error = json(host).get("detail").get(0);
        assertThat(error.get("loc").toString()).isEqualTo("[\"body\",\"name\"]");
        assertThat(error.get("msg").asText()).isEqualTo("the scope name 'Host' is reserved: it is a common HTTP"
                + " header name and would capture unrelated traffic; choose another name");
        assertThat(mock.get("/__mock__/scopes").body()).isEqualTo("{\"scopes\":[],\"details\":[]}");
    }

    @Test
    void resolvesScopeFromHeaderNameWhateverItsValue() {
        mock.createScope("Suite-A");
        mock.addStub("suite-a", OK_STUB.formatted("scoped"));

        HttpResponse<String> upperCaseName = mock.get("/payment", "SUITE-A", "trace-123");
        String emptyValue = RawHttp.exchange(mock.port(), "GET /payment HTTP/1.1\r\nHost: localhost\r\n"
                + "suite-a:\r\nConnection: close\r\n\r\n");
        HttpResponse<String> unscoped = mock.get("/payment");

        assertThat(upperCaseName.statusCode()).isEqualTo(200);
        assertThat(upperCaseName.body()).isEqualTo("scoped");
        assertThat(emptyValue).startsWith("HTTP/1.1 200 ").endsWith("\r\n\r\nscoped");
        assertThat(unscoped.statusCode()).isEqualTo(404);
        JsonNode requests = json(mock.get("/__mock__/requests?all=true")).get("requests");
        assertThat(requests).extracting(r -> r.get("scope").isNull() ? null : r.get("scope").asText())
                .containsExactly("suite-a", "suite-a", null);
    }

    @Test
    void rejectsAmbiguousScopeHeadersOnTrafficWithoutRecording() {
        mock.createScope("suite-a");
        mock.createScope("suite-b");

        HttpResponse<String> response = mock.get("/payment", "suite-a", "1", "suite-b", "1");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo(AMBIGUOUS);
        assertThat(mock.get("/__mock__/requests?all=true").body()).isEqualTo("{\"requests\":[],\"evicted\":0}");
    }

    @Test
    void treatsTheSameScopeHeaderTwiceAsOneScope() {
        mock.createScope("suite-a");
        mock.addStub("suite-a", OK_STUB.formatted("scoped"));

        String response = RawHttp.exchange(mock.port(), "GET /payment HTTP/1.1\r\nHost: localhost\r\n"
                + "suite-a: 1\r\nSUITE-A: 2\r\nConnection: close\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 200 ").endsWith("\r\n\r\nscoped");
    }

    @Test
    void rejectsAmbiguousScopeHeadersOnStubsRequestsAndAssert() {
        mock.createScope("suite-a");
        mock.createScope("suite-b");
        String id = mock.addStub("suite-a", OK_STUB.formatted("a"));

        HttpResponse<String> create = mock.postJson("/__mock__/stubs", OK_STUB.formatted("x"), "suite-a", "1",
                "suite-b", "1");
        HttpResponse<String> list = mock.get("/__mock__/stubs", "suite-a", "1", "suite-b", "1");
        HttpResponse<String> delete = mock.send("DELETE", "/__mock__/stubs/" + id, null, "suite-a", "1",
                "suite-b", "1");
        HttpResponse<String> requests = mock.get("/__mock__/requests", "suite-a", "1", "suite-b", "1");
        HttpResponse<String> verify = mock.postJson("/__mock__/assert", "{}", "suite-a", "1", "suite-b", "1");

        assertThat(List.of(create, list, delete, requests, verify)).allSatisfy(r -> {
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body()).isEqualTo(AMBIGUOUS);
        });
        assertThat(json(mock.get("/__mock__/stubs?all=true")).get("stubs")).hasSize(1);
    }

    @Test
    void validatesBodyBeforeResolvingAmbiguousScope() {
        mock.createScope("suite-a");
        mock.createScope("suite-b");

        HttpResponse<String> response = mock.postJson("/__mock__/stubs", "{\"request\": {}}", "suite-a", "1",
                "suite-b", "1");

        assertThat(response.statusCode()).isEqualTo(422);
    }

    @Test
    void scopeEndpointsIgnoreScopeHeaders() {
        mock.createScope("suite-a");
        mock.createScope("suite-b");

        HttpResponse<String> create = mock.postJson("/__mock__/scopes", "{\"name\": \"suite-c\"}", "suite-a", "1",
                "suite-b", "1");
        HttpResponse<String> list = mock.get("/__mock__/scopes", "suite-a", "1", "suite-b", "1");
        HttpResponse<String> delete = mock.send("DELETE", "/__mock__/scopes/suite-c", null, "suite-a", "1",
                "suite-b", "1");
        HttpResponse<String> welcome = mock.get("/__mock__", "suite-a", "1", "suite-b", "1");

        assertThat(create.statusCode()).isEqualTo(201);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(delete.statusCode()).isEqualTo(200);
        assertThat(welcome.statusCode()).isEqualTo(200);
    }

    @Test
    void treatsHeaderOfNonExistentOrDeletedScopeAsGlobal() {
        mock.addStub(null, OK_STUB.formatted("global"));
        mock.createScope("gone");
        mock.addStub("gone", OK_STUB.formatted("gone"));
        mock.send("DELETE", "/__mock__/scopes/gone", null);

        HttpResponse<String> deleted = mock.get("/payment", "gone", "1");
        HttpResponse<String> never = mock.get("/payment", "never-created", "1");

        assertThat(deleted.body()).isEqualTo("global");
        assertThat(never.body()).isEqualTo("global");
        JsonNode requests = json(mock.get("/__mock__/requests")).get("requests");
        assertThat(requests).hasSize(2);
        assertThat(requests).allSatisfy(r -> assertThat(r.get("scope").isNull()).isTrue());
    }
}
