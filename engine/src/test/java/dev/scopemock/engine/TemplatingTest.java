package dev.scopemock.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scopemock.engine.support.RawHttp;
import dev.scopemock.engine.support.TestEngine;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code template_body} rendering: the §9.2 context, Jinja constructs, JSON-style values and errors (§9.3, §17). */
class TemplatingTest {

    private static final String JSON_BODY = "{\"user\": {\"name\": \"ann\", \"tags\": [\"a\", 1]}, \"active\": true,"
            + " \"nick\": null, \"ratio\": 1.5, \"items\": [{\"sku\": \"s-1\"}, {\"sku\": \"s-2\"}]}";

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

    private static String templateStub(String scope, String path, String template) {
        ObjectNode stub = TestEngine.JSON.createObjectNode();
        stub.putObject("request").put("path", path);
        ObjectNode response = stub.putObject("action").putObject("response");
        response.put("status_code", 200).putObject("headers");
        response.put("template_body", template);
        return mock.addStub(scope, stub.toString());
    }

    private static String templateStub(String path, String template) {
        return templateStub(null, path, template);
    }

    private static HttpResponse<String> postJsonBody(String path, String contentType, String body) {
        return mock.send("POST", path, body, "Content-Type", contentType);
    }

    private static void assertRenderError(HttpResponse<String> response, String detail) {
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().allValues("content-type")).containsExactly("application/json");
        assertThat(response.body()).isEqualTo("{\"error\":\"TEMPLATE_RENDER_ERROR\",\"detail\":"
                + TestEngine.JSON.valueToTree(detail) + "}");
    }

    @Test
    void rendersDecodedPath() {
        templateStub("/files/{name}/raw", "path={{ request.path }}");

        HttpResponse<String> response = mock.get("/files/a%20b/raw");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("path=/files/a b/raw");
        assertThat(response.headers().allValues("content-type")).containsExactly("text/plain; charset=utf-8");
        assertThat(response.headers().allValues("content-length")).containsExactly("19");
    }

    @Test
    void rendersPathParamsByDotAndSubscript() {
        templateStub("/users/{id}/orders/{order}", "{{ request.path_params.id }}:{{ request.path_params['order'] }}");

        HttpResponse<String> response = mock.get("/users/u-7/orders/o-9");

        assertThat(response.body()).isEqualTo("u-7:o-9");
    }

    @Test
    void rendersEmptyPathParamsAsJsonStyleMap() {
        templateStub("/plain", "{{ request.path_params }}|{{ request.path_params | length }}");

        HttpResponse<String> response = mock.get("/plain");

        assertThat(response.body()).isEqualTo("{}|0");
    }

    @Test
    void rendersMethod() {
        templateStub("/method", "{{ request.method }}");

        HttpResponse<String> put = mock.send("PUT", "/method", "x");
        HttpResponse<String> delete = mock.send("DELETE", "/method", null);

        assertThat(put.body()).isEqualTo("PUT");
        assertThat(delete.body()).isEqualTo("DELETE");
    }

    @Test
    void rendersHostLowerCasedWithoutPort() {
        templateStub("/host", "{{ request.host }}");

        String raw = RawHttp.exchange(mock.port(),
                "GET /host HTTP/1.1\r\nHost: API.Example.com:8443\r\nConnection: close\r\n\r\n");

        assertThat(raw).startsWith("HTTP/1.1 200 OK\r\n").endsWith("\r\n\r\napi.example.com");
    }

    @Test
    void rendersScopeOfScopedRequest() {
        mock.createScope("Team_A");
        templateStub("team_a", "/scope", "scope={{ request.scope }}");

        HttpResponse<String> response = mock.get("/scope", "team_a", "1");

        assertThat(response.body()).isEqualTo("scope=team_a");
    }

    @Test
    void rendersScopeOfGlobalRequestAsEmptyText() {
        mock.createScope("other");
        templateStub("/scope", "scope=[{{ request.scope }}]{% if request.scope is none %} global{% endif %}");

        HttpResponse<String> response = mock.get("/scope");

        assertThat(response.body()).isEqualTo("scope=[] global");
    }

    @Test
    void rendersGlobalStubWithScopeOfScopedRequest() {
        mock.createScope("checkout");
        templateStub("/scope", "{{ request.scope }}");

        HttpResponse<String> response = mock.get("/scope", "checkout", "");

        assertThat(response.body()).isEqualTo("checkout");
    }

    @Test
    void rendersDecodedQueryWithLastValueOfRepeatedName() {
        templateStub("/query", "{{ request.query.name }}|{{ request.query.x }}|{{ request.query['empty'] }}|");

        HttpResponse<String> response = mock.get("/query?name=ann+lee%21&x=1&x=2&empty=");

        assertThat(response.body()).isEqualTo("ann lee!|2||");
    }

    @Test
    void rendersHeadersWithLowerCaseNamesAndSubscriptForDashes() {
        templateStub("/headers", "{{ request.headers['x-request-id'] }}|{{ request.headers.accept }}");

        HttpResponse<String> response = mock.get("/headers", "X-Request-Id", "r-42", "Accept", "text/csv");

        assertThat(response.body()).isEqualTo("r-42|text/csv");
    }

    @Test
    void rendersFirstValueOfRepeatedHeader() {
        templateStub("/headers", "{{ request.headers['x-tag'] }}");

        String raw = RawHttp.exchange(mock.port(), "GET /headers HTTP/1.1\r\nHost: localhost\r\nX-Tag: first\r\n"
                + "X-Tag: second\r\nConnection: close\r\n\r\n");

        assertThat(raw).endsWith("\r\n\r\nfirst");
    }

    @Test
    void rendersNonJsonBodyAsText() {
        templateStub("/echo", "<{{ request.body }}>");

        HttpResponse<String> text = postJsonBody("/echo", "text/plain", "hello {world}");
        HttpResponse<String> noType = mock.send("POST", "/echo", "{\"a\": 1}");

        assertThat(text.body()).isEqualTo("<hello {world}>");
        assertThat(noType.body()).isEqualTo("<{\"a\": 1}>");
    }

    @Test
    void rendersEmptyBodyAsEmptyText() {
        templateStub("/echo", "<{{ request.body }}>");

        HttpResponse<String> response = mock.get("/echo");

        assertThat(response.body()).isEqualTo("<>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/json; charset=utf-8", "APPLICATION/JSON",
            "application/vnd.api+json", "application/problem+json;charset=UTF-8"})
    void parsesJsonBodyForJsonContentTypes(String contentType) {
        templateStub("/json", "{{ request.body.user.name }}/{{ request.body['items'][1].sku }}");

        HttpResponse<String> response = postJsonBody("/json", contentType, JSON_BODY);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("ann/s-2");
    }

    @Test
    void rendersJsonValuesJsonStyle() {
        templateStub("/json", "{{ request.body.user }}|{{ request.body.active }}|{{ request.body.user.tags }}"
                + "|{{ request.body.ratio }}|[{{ request.body.nick }}]");

        HttpResponse<String> response = postJsonBody("/json", "application/json", JSON_BODY);

        assertThat(response.body()).isEqualTo("{\"name\": \"ann\", \"tags\": [\"a\", 1]}|true|[\"a\", 1]|1.5|[]");
    }

    @Test
    void rendersContextMapsJsonStyle() {
        templateStub("/maps/{id}", "{{ request.query }}|{{ request.path_params }}");

        HttpResponse<String> response = mock.get("/maps/7?a=1&b=x");

        assertThat(response.body()).isEqualTo("{\"a\": \"1\", \"b\": \"x\"}|{\"id\": \"7\"}");
    }

    @Test
    void rendersWholeRequestWithItsBody() {
        templateStub("/whole", "{{ request }}");

        String raw = RawHttp.exchange(mock.port(), "POST /whole?q=1 HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nContent-Length: 8\r\nConnection: close\r\n\r\n{\"a\": 1}");

        assertThat(raw).endsWith("\r\n\r\n{\"path\": \"/whole\", \"path_params\": {}, \"method\": \"POST\","
                + " \"host\": \"localhost\", \"scope\": null, \"query\": {\"q\": \"1\"}, \"headers\": {\"host\":"
                + " \"localhost\", \"content-type\": \"application/json\", \"content-length\": \"8\", \"connection\":"
                + " \"close\"}, \"body\": {\"a\": 1}}");
    }

    @Test
    void rendersToJsonFilterAsCompactJson() {
        templateStub("/json", "{{ request.body.user | tojson }}|{{ request.body.active | tojson }}"
                + "|{{ request.body.user.name | tojson }}");

        HttpResponse<String> response = postJsonBody("/json", "application/json", JSON_BODY);

        assertThat(response.body()).isEqualTo("{\"name\":\"ann\",\"tags\":[\"a\",1]}|true|\"ann\"");
    }

    @Test
    void evaluatesIfElse() {
        templateStub("/if", "{% if request.query.mode == 'fast' %}F{% elif request.method == 'POST' %}P"
                + "{% else %}S{% endif %}");

        HttpResponse<String> fast = mock.get("/if?mode=fast");
        HttpResponse<String> post = mock.send("POST", "/if?mode=slow", "");
        HttpResponse<String> slow = mock.get("/if?mode=slow");

        assertThat(fast.body()).isEqualTo("F");
        assertThat(post.body()).isEqualTo("P");
        assertThat(slow.body()).isEqualTo("S");
    }

    @Test
    void evaluatesForLoopOverJsonArray() {
        templateStub("/for", "{% for item in request.body['items'] %}{{ loop.index }}={{ item.sku }}"
                + "{% if not loop.last %},{% endif %}{% endfor %}");

        HttpResponse<String> response = postJsonBody("/for", "application/json", JSON_BODY);

        assertThat(response.body()).isEqualTo("1=s-1,2=s-2");
    }

    @Test
    void appliesFilters() {
        templateStub("/filters", "{{ request.body.user.name | upper }}|{{ request.body['items'] | length }}"
                + "|{{ request.body.nick | default('anon') }}|{{ request.body.user.tags | join('+') }}");

        HttpResponse<String> response = postJsonBody("/filters", "application/json", JSON_BODY);

        assertThat(response.body()).isEqualTo("ANN|2|anon|a+1");
    }

    @Test
    void testsKeyPresenceWithInOperator() {
        templateStub("/in", "{% if 'q' in request.query %}q={{ request.query.q }}{% else %}no q{% endif %}");

        HttpResponse<String> with = mock.get("/in?q=7");
        HttpResponse<String> without = mock.get("/in");

        assertThat(with.body()).isEqualTo("q=7");
        assertThat(without.body()).isEqualTo("no q");
    }

    @Test
    void doesNotEscapeHtml() {
        templateStub("/raw", "{{ request.query.v }}");

        HttpResponse<String> response = mock.get("/raw?v=%3Cb%3E%26%27%22");

        assertThat(response.body()).isEqualTo("<b>&'\"");
    }

    @Test
    void dropsExactlyOneTrailingNewline() {
        templateStub("/one", "a\n");
        templateStub("/two", "a\n\n");
        templateStub("/crlf", "a\r\n");
        templateStub("/inner", "a\nb");

        assertThat(mock.get("/one").body()).isEqualTo("a");
        assertThat(mock.get("/two").body()).isEqualTo("a\n");
        assertThat(mock.get("/crlf").body()).isEqualTo("a");
        assertThat(mock.get("/inner").body()).isEqualTo("a\nb");
    }

    @Test
    void sendsRenderedNonAsciiTextWithByteLength() {
        templateStub("/greet/{name}", "h\u00e9llo {{ request.path_params.name }} \u20ac");

        HttpResponse<String> response = mock.get("/greet/Zo%C3%AB");

        assertThat(response.body()).isEqualTo("h\u00e9llo Zo\u00eb \u20ac");
        int bytes = "h\u00e9llo Zo\u00eb \u20ac".getBytes(StandardCharsets.UTF_8).length;
        assertThat(response.headers().allValues("content-length")).containsExactly(String.valueOf(bytes));
    }

    @Test
    void keepsStubStatusAndContentType() {
        ObjectNode stub = TestEngine.JSON.createObjectNode();
        stub.putObject("request").put("path", "/created/{id}");
        ObjectNode response = stub.putObject("action").putObject("response");
        response.put("status_code", 201).putObject("headers").put("Content-Type", "application/json")
                .put("Location", "/things/1");
        response.put("template_body", "{\"id\": \"{{ request.path_params.id }}\"}");
        mock.addStub(null, stub.toString());

        HttpResponse<String> created = mock.get("/created/9");

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).isEqualTo("{\"id\": \"9\"}");
        assertThat(created.headers().allValues("content-type")).containsExactly("application/json");
        assertThat(created.headers().allValues("location")).containsExactly("/things/1");
    }

    @Test
    void rendersUnknownTopLevelVariableAsEmptyText() {
        templateStub("/unknown", "[{{ foo }}][{{ foo.bar }}]");

        HttpResponse<String> response = mock.get("/unknown");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("[][]");
    }

    @Test
    void rejectsTemplateSyntaxErrorAtCreation() {
        ObjectNode stub = TestEngine.JSON.createObjectNode();
        stub.putObject("request").put("path", "/broken");
        ObjectNode response = stub.putObject("action").putObject("response");
        response.put("status_code", 200).putObject("headers");
        response.put("template_body", "{% if request.path %}never closed");

        HttpResponse<String> created = mock.postJson("/__mock__/stubs", stub.toString());

        assertThat(created.statusCode()).isEqualTo(422);
        JsonNode error = TestEngine.json(created).get("detail").get(0);
        assertThat(error.get("loc").toString()).isEqualTo("[\"body\",\"action\",\"response\",\"template_body\"]");
        assertThat(error.get("msg").asText()).startsWith("invalid template: ");
        assertThat(mock.get("/broken").statusCode()).isEqualTo(404);
        assertThat(TestEngine.json(mock.get("/__mock__/stubs")).get("stubs")).isEmpty();
    }

    @Test
    void rejectsUnclosedExpressionAtCreation() {
        ObjectNode stub = TestEngine.JSON.createObjectNode();
        stub.putObject("request").put("path", "/broken");
        ObjectNode response = stub.putObject("action").putObject("response");
        response.put("status_code", 200).putObject("headers");
        response.put("template_body", "{{ request.path ");

        HttpResponse<String> created = mock.postJson("/__mock__/stubs", stub.toString());

        assertThat(created.statusCode()).isEqualTo(422);
        assertThat(TestEngine.json(created).get("detail").get(0).get("loc").toString())
                .isEqualTo("[\"body\",\"action\",\"response\",\"template_body\"]");
    }

    private static HttpResponse<String> createTemplateStub(String template) {
        ObjectNode stub = TestEngine.JSON.createObjectNode();
        stub.putObject("request").put("path", "/t");
        ObjectNode response = stub.putObject("action").putObject("response");
        response.put("status_code", 200).putObject("headers");
        response.put("template_body", template);
        return mock.postJson("/__mock__/stubs", stub.toString());
    }

    @Test
    void rejectsUnknownFilterAtCreation() {
        HttpResponse<String> created = createTemplateStub("{{ request.path | shout }}");

        assertThat(created.statusCode()).isEqualTo(422);
        JsonNode error = TestEngine.json(created).get("detail").get(0);
        assertThat(error.get("loc").toString()).isEqualTo("[\"body\",\"action\",\"response\",\"template_body\"]");
        assertThat(error.get("msg").asText()).isEqualTo("invalid template: No filter named 'shout'");
    }

    @Test
    void rejectsUnknownFilterInsideTags() {
        HttpResponse<String> inIf = createTemplateStub("{% if request.path | shout %}x{% endif %}");
        HttpResponse<String> inSet = createTemplateStub("{% set p = request.path | upper | whisper %}{{ p }}");

        assertThat(inIf.statusCode()).isEqualTo(422);
        assertThat(TestEngine.json(inIf).get("detail").get(0).get("msg").asText())
                .isEqualTo("invalid template: No filter named 'shout'");
        assertThat(TestEngine.json(inSet).get("detail").get(0).get("msg").asText())
                .isEqualTo("invalid template: No filter named 'whisper'");
    }

    @Test
    void rejectsUnknownTestAtCreation() {
        HttpResponse<String> created = createTemplateStub("{% if request.path is not shiny %}x{% endif %}");

        assertThat(created.statusCode()).isEqualTo(422);
        assertThat(TestEngine.json(created).get("detail").get(0).get("msg").asText())
                .isEqualTo("invalid template: No test named 'shiny'");
    }

    @Test
    void ignoresFilterLookalikesInStringsRawBlocksAndComments() {
        templateStub("/lookalike", "{{ 'a | shout' }}{# x | whisper #}{% raw %}{{ y | shout }}{% endraw %}"
                + "{% if request.path is defined and request.path is string %}|{{ request.path | lower }}{% endif %}");

        HttpResponse<String> response = mock.get("/lookalike");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("a | shout{{ y | shout }}|/lookalike");
    }

    @Test
    void acceptsLongStringLiteralsWithEscapes() {
        String literal = "ab\\'c".repeat(20_000);
        templateStub("/long", "{{ '" + literal + "' | length }}");

        HttpResponse<String> response = mock.get("/long");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("80000");
    }

    @Test
    void failsRenderOnMissingQueryKey() {
        templateStub("/missing", "{{ request.query.q }}");

        HttpResponse<String> response = mock.get("/missing?other=1");

        assertRenderError(response, "'request.query' has no attribute 'q'");
    }

    @Test
    void failsRenderOnMissingRequestAttribute() {
        templateStub("/missing", "{{ request.cookies }}");

        assertRenderError(mock.get("/missing"), "'request' has no attribute 'cookies'");
    }

    @Test
    void failsRenderOnMissingHeaderAndPathParam() {
        templateStub("/h", "{{ request.headers['x-absent'] }}");
        templateStub("/p/{id}", "{{ request.path_params.other }}");

        assertRenderError(mock.get("/h"), "'request.headers' has no attribute 'x-absent'");
        assertRenderError(mock.get("/p/1"), "'request.path_params' has no attribute 'other'");
    }

    @Test
    void defaultFilterReplacesMissingKeyLikeJinja2() {
        templateStub("/default", "{{ request.query.q | default('none') }}|{{ request.headers['x-id'] | default('-') }}");

        HttpResponse<String> missing = mock.get("/default");
        HttpResponse<String> present = mock.get("/default?q=book", "x-id", "7");

        assertThat(missing.statusCode()).isEqualTo(200);
        assertThat(missing.body()).isEqualTo("none|-");
        assertThat(present.body()).isEqualTo("book|7");
    }

    @Test
    void definedTestsSeeMissingKeysWithoutFailing() {
        templateStub("/defined", "{% if request.query.q is defined %}q={{ request.query.q }}{% else %}no q{% endif %}"
                + "|{{ request.query.z is undefined }}");

        assertThat(mock.get("/defined").body()).isEqualTo("no q|true");
        assertThat(mock.get("/defined?q=1").body()).isEqualTo("q=1|true");
    }

    @Test
    void failsRenderWhenMissingKeyIsUsedOutsideDefaultOrDefined() {
        templateStub("/truthy", "{% if request.query.q %}yes{% else %}no{% endif %}");
        templateStub("/mixed", "{{ request.query.a | default('x') }}{{ request.query.b }}");

        assertRenderError(mock.get("/truthy"), "'request.query' has no attribute 'q'");
        assertRenderError(mock.get("/mixed"), "'request.query' has no attribute 'b'");
    }

    @Test
    void rendersMissingKeyOfJsonBodyAsEmptyText() {
        templateStub("/lenient", "[{{ request.body.user.age }}][{{ request.body.absent | default('d') }}]"
                + "[{{ request.body['items'][5] }}]");

        HttpResponse<String> response = postJsonBody("/lenient", "application/json", JSON_BODY);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("[][d][]");
    }

    @Test
    void ignoresInvalidJsonBodyWhenTemplateDoesNotReadIt() {
        templateStub("/lazy", "{{ request.method }} {{ request.path }}");

        HttpResponse<String> invalid = postJsonBody("/lazy", "application/json", "{not json");
        HttpResponse<String> empty = postJsonBody("/lazy", "application/json", "");

        assertThat(invalid.statusCode()).isEqualTo(200);
        assertThat(invalid.body()).isEqualTo("POST /lazy");
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body()).isEqualTo("POST /lazy");
    }

    @Test
    void failsRenderOnInvalidJsonBodyWhenTemplateReadsIt() {
        templateStub("/eager", "{{ request.body }}");
        templateStub("/eager-field", "{% if request.method == 'POST' %}{{ request.body.a }}{% endif %}");

        HttpResponse<String> invalid = postJsonBody("/eager", "application/json", "{not json");
        HttpResponse<String> empty = postJsonBody("/eager", "application/json; charset=utf-8", "");
        HttpResponse<String> field = postJsonBody("/eager-field", "application/merge-patch+json", "[1,");

        assertRenderError(invalid, "Invalid JSON request body for JSON content-type");
        assertRenderError(empty, "Invalid JSON request body for JSON content-type");
        assertRenderError(field, "Invalid JSON request body for JSON content-type");
    }

    @Test
    void recordsRequestAndCountsCallWhenRenderFails() {
        String id = templateStub("/fails", "{{ request.query.q }}");

        HttpResponse<String> response = mock.send("POST", "/fails?x=1", "payload", "Content-Type", "text/plain");

        assertThat(response.statusCode()).isEqualTo(500);
        JsonNode recorded = TestEngine.json(mock.get("/__mock__/requests")).get("requests");
        assertThat(recorded).hasSize(1);
        assertThat(recorded.get(0).get("path").asText()).isEqualTo("/fails");
        assertThat(recorded.get(0).get("body").asText()).isEqualTo("payload");
        assertThat(recorded.get(0).get("matched_stub_id").asText()).isEqualTo(id);
        assertThat(mock.engine().callCount(id)).isEqualTo(1);
    }

    @Test
    void servesMaxCallsThenFallsBackEvenWhenRenderFails() {
        ObjectNode stub = TestEngine.JSON.createObjectNode();
        stub.putObject("request").put("path", "/limited");
        ObjectNode response = stub.putObject("action").putObject("response");
        response.put("status_code", 200).putObject("headers");
        response.put("template_body", "{{ request.query.q }}");
        stub.put("max_calls", 1);
        mock.addStub(null, stub.toString());

        HttpResponse<String> first = mock.get("/limited");
        HttpResponse<String> second = mock.get("/limited?q=1");

        assertThat(first.statusCode()).isEqualTo(500);
        assertThat(second.statusCode()).isEqualTo(404);
        assertThat(second.body()).isEqualTo("NO_STUB_MATCH_FOUND");
    }
}
