package dev.scopemock.engine;

import static dev.scopemock.engine.support.ControlCalls.requests;
import static dev.scopemock.engine.support.ControlCalls.textStub;
import static dev.scopemock.engine.support.TestEngine.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopemock.engine.model.RecordedRequest;
import dev.scopemock.engine.support.RawHttp;
import dev.scopemock.engine.support.RawResponse;
import dev.scopemock.engine.support.TestEngine;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The path prefix {@code /__scope__/{name}}: the request belongs to the named scope and is matched and recorded
 * with the rest of its path; a prefix naming no existing scope answers {@code 404 SCOPE_NOT_FOUND}.
 */
class PathPrefixScopesTest {

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
    void matchesAndRecordsTheRestOfThePathInTheNamedScope() {
        mock.createScope("checkout");
        mock.addStub("checkout", textStub("{\"path\": \"/orders/{id}\"}", "scoped"));
        mock.addStub(null, textStub("{\"path\": \"/orders/{id}\"}", "global"));

        HttpResponse<String> prefixed = mock.postJson("/__scope__/checkout/orders/7", "{\"amount\": 42}");
        HttpResponse<String> plain = mock.get("/orders/7");

        assertThat(prefixed.statusCode()).isEqualTo(200);
        assertThat(prefixed.body()).isEqualTo("scoped");
        assertThat(plain.body()).isEqualTo("global");
        List<RecordedRequest> recorded = mock.engine().requests("checkout");
        assertThat(recorded).extracting(Object::toString).containsExactly("POST /orders/7", "GET /orders/7");
        assertThat(recorded.get(0).scope()).isEqualTo("checkout");
        assertThat(recorded.get(0).pathParams()).containsEntry("id", "7");
        assertThat(recorded.get(0).bodyText()).isEqualTo("{\"amount\": 42}");
        assertThat(recorded.get(1).scope()).isNull();
    }

    @Test
    void showsTheRecordedRequestWithTheRestOfThePathOnly() {
        mock.createScope("x");

        mock.get("/__scope__/x/files/report");

        JsonNode view = requests(mock, "x").get(0);
        assertThat(view.get("path").asText()).isEqualTo("/files/report");
        assertThat(view.get("scope").asText()).isEqualTo("x");
        assertThat(view.has("path_prefix")).isFalse();
    }

    @Test
    void treatsThePrefixAloneAsTheRootPath() {
        mock.createScope("x");
        mock.addStub("x", textStub("{\"path\": \"/\"}", "root"));

        HttpResponse<String> bare = mock.get("/__scope__/x");
        HttpResponse<String> slash = mock.get("/__scope__/x/");
        HttpResponse<String> withQuery = mock.get("/__scope__/x?a=1");

        assertThat(bare.body()).isEqualTo("root");
        assertThat(slash.body()).isEqualTo("root");
        assertThat(withQuery.body()).isEqualTo("root");
        assertThat(mock.engine().requests("x")).extracting(Object::toString)
                .containsExactly("GET /", "GET /", "GET /?a=1");
    }

    @Test
    void preservesTheQueryString() {
        mock.createScope("x");
        mock.addStub("x", textStub("{\"path\": \"/search\", \"query\": {\"q\": \"a b\"}}", "found"));

        HttpResponse<String> response = mock.get("/__scope__/x/search?q=a+b&tag=1&tag=2");

        assertThat(response.body()).isEqualTo("found");
        RecordedRequest recorded = mock.engine().requests("x").get(0);
        assertThat(recorded.rawQuery()).isEqualTo("q=a+b&tag=1&tag=2");
        assertThat(recorded.query()).containsEntry("q", List.of("a b")).containsEntry("tag", List.of("1", "2"));
    }

    @Test
    void decodesPercentEncodingInTheNameAndInTheRest() {
        mock.createScope("team_a");

        mock.get("/__scope__/te%61m%5Fa/files/a%20b%2Fc");

        RecordedRequest recorded = mock.engine().requests("team_a").get(0);
        assertThat(recorded.scope()).isEqualTo("team_a");
        assertThat(recorded.path()).isEqualTo("/files/a b/c");
    }

    @Test
    void comparesTheNameCaseInsensitively() {
        mock.createScope("team_a");
        mock.addStub("team_a", textStub("{\"path\": \"/p\"}", "team"));

        assertThat(mock.get("/__scope__/TEAM_A/p").body()).isEqualTo("team");
    }

    @Test
    void answersNotFoundForAnUnknownScopeWithoutRecording() {
        HttpResponse<String> response = mock.get("/__scope__/nope/orders?x=1");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(response.body()).isEqualTo("{\"error\":\"SCOPE_NOT_FOUND\",\"detail\":\"Scope 'nope' (from the path"
                + " prefix /__scope__/nope/) was not found; create it first with POST /__mock__/scopes\"}");
        assertThat(json(mock.get("/__mock__/requests?all=true")).get("requests")).isEmpty();
    }

    @Test
    void answersNotFoundForADeletedScope() {
        mock.createScope("gone");
        mock.send("DELETE", "/__mock__/scopes/gone", null);

        HttpResponse<String> response = mock.get("/__scope__/gone/p");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).get("error").asText()).isEqualTo("SCOPE_NOT_FOUND");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/__scope__|The path prefix /__scope__/ names no scope; send /__scope__/{name}/path, with {name} the name of"
                + " an existing scope",
        "/__scope__/|The path prefix /__scope__/ names no scope; send /__scope__/{name}/path, with {name} the name of"
                + " an existing scope",
        "/__scope__//p|The path prefix /__scope__/ names no scope; send /__scope__/{name}/path, with {name} the name"
                + " of an existing scope",
        "/__scope__/bad.name/p|The path prefix /__scope__/bad.name/ names no scope: String should match pattern"
                + " '^[A-Za-z0-9_-]+$' (a scope name may hold ASCII letters, digits, '-' and '_'), found 'bad.name'",
        "/__scope__/a%2Fb/p|The path prefix /__scope__/a/b/ names no scope: String should match pattern"
                + " '^[A-Za-z0-9_-]+$' (a scope name may hold ASCII letters, digits, '-' and '_'), found 'a/b'",
        "/__scope__/a%20b/p|The path prefix /__scope__/a b/ names no scope: String should match pattern"
                + " '^[A-Za-z0-9_-]+$' (a scope name may hold ASCII letters, digits, '-' and '_'), found 'a b'",
        "/__scope__/user-agent/p|The path prefix /__scope__/user-agent/ names no scope: the scope name 'user-agent' is"
                + " reserved: it is a common HTTP header name and would capture unrelated traffic; choose another name",
    })
    void answersNotFoundNeverServerErrorForInvalidNames(String path, String detail) {
        mock.createScope("a");

        RawResponse response = RawResponse.parse(RawHttp.exchange(mock.port(), "GET " + path
                + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"));

        assertThat(response.statusLine()).isEqualTo("HTTP/1.1 404 Not Found");
        assertThat(tree(response.body())).isEqualTo(tree("{\"error\":\"SCOPE_NOT_FOUND\",\"detail\":"
                + TestEngine.JSON.valueToTree(detail) + "}"));
        assertThat(json(mock.get("/__mock__/requests?all=true")).get("requests")).isEmpty();
    }

    @Test
    void answersNotFoundForANameLongerThanAllowed() {
        String name = "n".repeat(129);

        HttpResponse<String> response = mock.get("/__scope__/" + name + "/p");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).get("detail").asText()).isEqualTo("The path prefix /__scope__/" + name
                + "/ names no scope: a scope name must have at most 128 characters, found 129");
    }

    @Test
    void leavesLookAlikePathsAsOrdinaryTraffic() {
        mock.createScope("x");

        mock.get("/__scope__x/p");
        mock.get("/__scopes__/x/p");
        mock.get("/api/__scope__/x/p");

        assertThat(mock.engine().requests(null)).extracting(Object::toString)
                .containsExactly("GET /__scope__x/p", "GET /__scopes__/x/p", "GET /api/__scope__/x/p");
    }

    @Test
    void thePrefixWinsOverScopeHeadersEvenAmbiguousOnes() {
        mock.createScope("x");
        mock.createScope("y");
        mock.createScope("z");
        mock.addStub("x", textStub("{\"path\": \"/p\"}", "x"));
        mock.addStub("y", textStub("{\"path\": \"/p\"}", "y"));

        HttpResponse<String> otherHeader = mock.get("/__scope__/x/p", "y", "1");
        HttpResponse<String> ambiguous = mock.get("/__scope__/x/p", "y", "1", "z", "1");

        assertThat(otherHeader.body()).isEqualTo("x");
        assertThat(ambiguous.statusCode()).isEqualTo(200);
        assertThat(ambiguous.body()).isEqualTo("x");
        assertThat(mock.engine().requests("x")).hasSize(2);
        assertThat(mock.engine().requests("y")).isEmpty();
    }

    @Test
    void seesGlobalStubsLikeAHeaderScopedRequest() {
        mock.createScope("x");
        mock.addStub(null, textStub("{\"path\": \"/shared\"}", "global"));

        assertThat(mock.get("/__scope__/x/shared").body()).isEqualTo("global");
        assertThat(mock.engine().requests("x").get(0).scope()).isEqualTo("x");
    }

    @Test
    void controlCallsUnderThePrefixActForTheNamedScope() {
        mock.createScope("x");
        mock.createScope("y");

        HttpResponse<String> created = mock.postJson("/__scope__/x/__mock__/stubs",
                textStub("{\"path\": \"/p\"}", "x"), "y", "1");
        mock.get("/__scope__/x/p");
        HttpResponse<String> listed = mock.get("/__scope__/x/__mock__/requests");
        HttpResponse<String> verified = mock.postJson("/__scope__/x/__mock__/assert",
                "{\"path\": \"/p\", \"times\": 1}");
        HttpResponse<String> deleted = mock.send("DELETE", "/__scope__/x/__mock__/stubs/"
                + json(created).get("stub_id").asText(), null);

        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(json(listed).get("requests")).hasSize(1);
        assertThat(json(listed).get("requests").get(0).get("scope").asText()).isEqualTo("x");
        assertThat(verified.body()).isEqualTo("{\"result\":true}");
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(mock.engine().requests("y")).isEmpty();
    }

    @Test
    void rendersTemplatesWithTheRestOfThePath() {
        mock.createScope("x");
        mock.addStub("x", "{\"request\": {\"path\": \"/hello/{who}\"}, \"action\": {\"response\": {\"status_code\":"
                + " 200, \"headers\": {}, \"template_body\": \"{{ request.path }} {{ request.scope }}\"}}}");

        assertThat(mock.get("/__scope__/x/hello/ann").body()).isEqualTo("/hello/ann x");
    }

    @Test
    void reachesAScopeWithADedicatedPortThroughTheEnginePortToo() {
        mock.engine().createScope("ported", ScopeOptions.defaults().withDedicatedPort(true));
        mock.addStub("ported", textStub("{\"path\": \"/p\"}", "ported"));

        assertThat(mock.get("/__scope__/ported/p").body()).isEqualTo("ported");
    }

    private static JsonNode tree(String text) {
        try {
            return TestEngine.JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
