package dev.scopemock.engine;

import static dev.scopemock.engine.support.TestEngine.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scopemock.engine.support.RawHttp;
import dev.scopemock.engine.support.TestEngine;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The examples of /work/shared/seeds (000 advanced scopes, 001 end-to-end, 002 matching scenarios) and the control
 * examples of PROTOCOL.md, sent as the wire payloads the Python client produces for them (PROTOCOL.md §14).
 */
class SeedExamplesTest {

    private static final String STUBS = "/__mock__/stubs";
    private static final String ASSERT = "/__mock__/assert";

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
    void advancedScopesMinimalPattern() {
        HttpResponse<String> scope = mock.postJson("/__mock__/scopes", """
                {"name": "checkout-flow"}""");
        HttpResponse<String> stub = mock.postJson(STUBS, """
                {"request": {"path": "/payment"},
                 "action": {"response": {"status_code": 200, "headers": {}, "body": "ok"}}}""",
                "checkout-flow", "1");

        HttpResponse<String> response = mock.send("POST", "/payment", null, "checkout-flow", "trace-123");

        assertThat(scope.statusCode()).isEqualTo(201);
        assertThat(stub.statusCode()).isEqualTo(200);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("ok");
        assertThat(mock.postJson(ASSERT, """
                {"path": "/payment", "times": {"$gte": {"value": 1}}}""", "checkout-flow", "1").body())
                .isEqualTo("{\"result\":true}");
        assertThat(mock.send("DELETE", "/__mock__/scopes/checkout-flow", null).statusCode()).isEqualTo(200);
    }

    @Test
    void advancedScopesFailureModeScopedStubNotMatchedWithoutHeader() {
        mock.createScope("checkout-flow");
        mock.addStub("checkout-flow", """
                {"request": {"path": "/payment"},
                 "action": {"response": {"status_code": 200, "headers": {}, "body": "ok"}}}""");

        HttpResponse<String> response = mock.send("POST", "/payment", null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("NO_STUB_MATCH_FOUND");
    }

    @Test
    void advancedScopesFailureModeAmbiguousScopeResolution() {
        mock.createScope("checkout-flow");
        mock.createScope("payment-suite");

        HttpResponse<String> traffic = mock.send("POST", "/payment", null, "checkout-flow", "1",
                "payment-suite", "1");
        HttpResponse<String> control = mock.get(STUBS, "checkout-flow", "1", "payment-suite", "1");

        assertThat(traffic.statusCode()).isEqualTo(400);
        assertThat(traffic.body()).isEqualTo("{\"detail\":\"Multiple scope headers matched this request\"}");
        assertThat(control.statusCode()).isEqualTo(400);
    }

    @Test
    void advancedScopesDebuggingChecklist() {
        mock.createScope("checkout-flow");
        String id = mock.addStub("checkout-flow", """
                {"request": {"path": "/payment"},
                 "action": {"response": {"status_code": 200, "headers": {}, "body": "ok"}}}""");
        mock.send("POST", "/payment", null, "checkout-flow", "trace-123");

        var requests = json(mock.get("/__mock__/requests", "checkout-flow", "1")).get("requests");
        var stubs = json(mock.get(STUBS, "checkout-flow", "1")).get("stubs");

        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).get("scope").asText()).isEqualTo("checkout-flow");
        assertThat(requests.get(0).get("headers").get("checkout-flow").asText()).isEqualTo("trace-123");
        assertThat(stubs).hasSize(1);
        assertThat(stubs.get(0).get("stub_id").asText()).isEqualTo(id);
        assertThat(stubs.get(0).get("scope").asText()).isEqualTo("checkout-flow");
    }

    @Test
    void endToEndSerializableCriteriaTimesBetween() {
        mock.get("/payment");
        mock.get("/payment");

        HttpResponse<String> response = mock.postJson(ASSERT, """
                {"path": "/payment", "times": {"$between": {"lower": 1, "upper": 3, "is_inclusive": true}}}""");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"result\":true}");
    }

    @Test
    void endToEndUnscopedFlow() {
        HttpResponse<String> stub = mock.postJson(STUBS, """
                {"request": {"path": "/payment", "method": "POST"},
                 "action": {"response": {"status_code": 200, "headers": {"Content-Type": "application/json"},
                                         "body": "{\\"status\\": \\"accepted\\"}"}}}""");

        HttpResponse<String> response = mock.send("POST", "/payment", "{\"amount\":42}",
                "Content-Type", "application/json");

        assertThat(stub.statusCode()).isEqualTo(200);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(json(response).get("status").asText()).isEqualTo("accepted");
        assertThat(mock.postJson(ASSERT, """
                {"path": "/payment", "method": "POST", "times": {"$gte": {"value": 1}}}""").body())
                .isEqualTo("{\"result\":true}");
    }

    @Test
    void endToEndScopedFlow() {
        HttpResponse<String> scope = mock.postJson("/__mock__/scopes", """
                {"name": "payment-suite"}""");
        mock.addStub("payment-suite", """
                {"request": {"path": "/payment", "method": "POST"},
                 "action": {"response": {"status_code": 200, "headers": {"Content-Type": "application/json"},
                                         "body": "{\\"status\\": \\"accepted\\"}"}}}""");

        HttpResponse<String> response = mock.send("POST", "/payment", "{\"amount\":42}",
                "payment-suite", "1", "Content-Type", "application/json");

        assertThat(scope.statusCode()).isEqualTo(201);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("status").asText()).isEqualTo("accepted");
        assertThat(mock.postJson(ASSERT, """
                {"path": "/payment", "method": "POST", "times": {"$gte": {"value": 1}}}""", "payment-suite", "1")
                .body()).isEqualTo("{\"result\":true}");
        assertThat(mock.send("DELETE", "/__mock__/scopes/payment-suite", null).body())
                .isEqualTo("{\"success\":true,\"name\":\"payment-suite\"}");
        assertThat(mock.send("POST", "/payment", null, "payment-suite", "1").statusCode()).isEqualTo(404);
    }

    @Test
    void endToEndChaosLatencyExample() {
        HttpResponse<String> stub = mock.postJson(STUBS, """
                {"request": {"path": "/slow", "method": "GET"},
                 "action": {"response": {"status_code": 200, "headers": {"Content-Type": "application/json"},
                                         "body": {"ok": true}}},
                 "chaos": {"latency": {"base_ms": 100, "jitter_ms": 50}}}""");
        long start = System.nanoTime();

        HttpResponse<String> response = mock.get("/slow");

        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(stub.statusCode()).isEqualTo(200);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"ok\":true}");
        assertThat(elapsedMillis).isBetween(100L, 1_000L);
        assertThat(json(mock.get(STUBS)).get("stubs").get(0).get("chaos").toString())
                .isEqualTo("{\"latency\":{\"base_ms\":100,\"jitter_ms\":50},\"faults\":{\"connection_drop\":null}}");
    }

    @Test
    void endToEndChaosConnectionDropExample() {
        HttpResponse<String> stub = mock.postJson(STUBS, """
                {"request": {"path": "/unstable", "method": "GET"},
                 "action": {"response": {"status_code": 200, "headers": {"Content-Type": "text/plain"},
                                         "body": "possibly dropped"}},
                 "chaos": {"faults": {"connection_drop": {"probability": 1.0}}}}""");

        assertThat(stub.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> mock.get("/unstable")).isInstanceOf(UncheckedIOException.class);
        String raw = RawHttp.exchange(mock.port(), "GET /unstable HTTP/1.1\r\nHost: localhost\r\n\r\n");
        assertThat(raw).startsWith("HTTP/1.1 200 OK\r\n").contains("Transfer-Encoding: chunked\r\n")
                .endsWith("\r\n\r\n8\r\npossibly");
    }

    @Test
    void endToEndChaosConnectionDropClientFluentExample() {
        HttpResponse<String> stub = mock.postJson(STUBS, """
                {"request": {"path": "/unstable-client", "method": "GET"},
                 "action": {"response": {"status_code": 200, "headers": {"Content-Type": "text/plain"},
                                         "body": "possibly dropped"}},
                 "chaos": {"faults": {"connection_drop": {"probability": 1.0}}}}""");

        assertThat(stub.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> mock.get("/unstable-client")).isInstanceOf(UncheckedIOException.class);
        assertThat(json(mock.get(STUBS)).get("stubs").get(0).get("chaos").get("faults").toString())
                .isEqualTo("{\"connection_drop\":{\"probability\":1.0}}");
        assertThat(mock.confirm(null, """
                {"path": "/unstable-client", "times": 1}""")).isTrue();
    }

    @Test
    void scenario1ExactPathPlusMethod() {
        mock.addStub(null, """
                {"request": {"path": "/health", "method": "GET"},
                 "action": {"response": {"status_code": 200, "headers": {}, "body": "ok"}}}""");

        HttpResponse<String> get = mock.get("/health");
        HttpResponse<String> post = mock.send("POST", "/health", null);

        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.body()).isEqualTo("ok");
        assertThat(post.statusCode()).isEqualTo(404);
    }

    @Test
    void scenario1bPathParameters() {
        mock.addStub(null, """
                {"request": {"path": "/users/{id}", "method": "GET"},
                 "action": {"response": {"status_code": 200, "headers": {},
                                         "template_body": "id={{ request.path_params.id }}"}}}""");

        HttpResponse<String> numeric = mock.get("/users/42");
        HttpResponse<String> word = mock.get("/users/u_7");
        HttpResponse<String> deeper = mock.get("/users/42/posts");

        assertThat(numeric.body()).isEqualTo("id=42");
        assertThat(word.body()).isEqualTo("id=u_7");
        assertThat(deeper.statusCode()).isEqualTo(404);
    }

    @Test
    void scenario2HeaderSubsetMatch() {
        mock.addStub(null, """
                {"request": {"path": "/orders", "headers": {"x-tenant": "acme"}},
                 "action": {"response": {"status_code": 200, "headers": {}, "body": "tenant matched"}}}""");

        HttpResponse<String> withExtra = mock.get("/orders", "X-Tenant", "acme", "X-Extra", "1");
        HttpResponse<String> otherTenant = mock.get("/orders", "x-tenant", "globex");
        HttpResponse<String> without = mock.get("/orders");

        assertThat(withExtra.statusCode()).isEqualTo(200);
        assertThat(withExtra.body()).isEqualTo("tenant matched");
        assertThat(otherTenant.statusCode()).isEqualTo(404);
        assertThat(without.statusCode()).isEqualTo(404);
    }

    @Test
    void scenario3QueryMatch() {
        mock.addStub(null, """
                {"request": {"path": "/search", "query": {"q": "book", "limit": "10"}},
                 "action": {"response": {"status_code": 200, "headers": {"Content-Type": "application/json"},
                                         "body": "{\\"results\\": []}"}}}""");

        HttpResponse<String> matching = mock.get("/search?limit=10&q=book&page=2");
        HttpResponse<String> partial = mock.get("/search?q=book");

        assertThat(matching.statusCode()).isEqualTo(200);
        assertThat(matching.body()).isEqualTo("{\"results\": []}");
        assertThat(partial.statusCode()).isEqualTo(404);
    }

    @Test
    void scenario4JsonBodyMatch() {
        mock.addStub(null, """
                {"request": {"path": "/checkout",
                             "body": {"$json": {"inner_criteria": {"$eq": {"value": {"cart_id": "c-1", "currency": "USD"}}}}}},
                 "action": {"response": {"status_code": 200, "headers": {"Content-Type": "application/json"},
                                         "body": "{\\"accepted\\": true}"}}}""");

        HttpResponse<String> reordered = mock.send("POST", "/checkout", "{ \"currency\" : \"USD\", \"cart_id\": \"c-1\" }",
                "Content-Type", "application/json");
        HttpResponse<String> extraKey = mock.send("POST", "/checkout",
                "{\"cart_id\": \"c-1\", \"currency\": \"USD\", \"coupon\": \"x\"}", "Content-Type", "application/json");
        HttpResponse<String> notJson = mock.send("POST", "/checkout", "cart_id=c-1");

        assertThat(reordered.statusCode()).isEqualTo(200);
        assertThat(reordered.body()).isEqualTo("{\"accepted\": true}");
        assertThat(extraKey.statusCode()).isEqualTo(404);
        assertThat(notJson.statusCode()).isEqualTo(404);
    }

    @Test
    void scenario5HostMatch() {
        mock.addStub(null, """
                {"request": {"host": "payments.internal", "path": "/charge"},
                 "action": {"response": {"status_code": 200, "headers": {}, "body": "routed"}}}""");

        String routed = RawHttp.exchange(mock.port(), "GET /charge HTTP/1.1\r\nHost: payments.internal:8080\r\n"
                + "Connection: close\r\n\r\n");
        String other = RawHttp.exchange(mock.port(), "GET /charge HTTP/1.1\r\nHost: billing.internal\r\n"
                + "Connection: close\r\n\r\n");

        assertThat(routed).startsWith("HTTP/1.1 200 OK\r\n").endsWith("\r\n\r\nrouted");
        assertThat(other).startsWith("HTTP/1.1 404 Not Found\r\n").endsWith("\r\n\r\nNO_STUB_MATCH_FOUND");
    }

    @Test
    void scenario6BroadFallbackStub() {
        mock.addStub(null, """
                {"request": {"path": "/users"},
                 "action": {"response": {"status_code": 200, "headers": {}, "body": "fallback"}}}""");
        mock.addStub(null, """
                {"request": {"path": "/users", "method": "GET"},
                 "action": {"response": {"status_code": 200, "headers": {}, "body": "specific"}}}""");

        HttpResponse<String> get = mock.get("/users");
        HttpResponse<String> post = mock.send("POST", "/users", null);

        assertThat(get.body()).isEqualTo("specific");
        assertThat(post.body()).isEqualTo("fallback");
    }

    @Test
    void scenario7MaxCalls() {
        mock.addStub(null, """
                {"request": {"path": "/one-time"},
                 "action": {"response": {"status_code": 200, "headers": {}, "body": "once"}},
                 "max_calls": 1}""");

        HttpResponse<String> first = mock.get("/one-time");
        HttpResponse<String> second = mock.get("/one-time");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).isEqualTo("once");
        assertThat(second.statusCode()).isEqualTo(404);
    }

    @Test
    void scenario8ScopedPlusGlobalMatching() {
        mock.createScope("suite-a");
        mock.addStub("suite-a", """
                {"request": {"path": "/profile"},
                 "action": {"response": {"status_code": 200, "headers": {}, "body": "suite-a"}}}""");
        mock.addStub(null, """
                {"request": {"path": "/profile"},
                 "action": {"response": {"status_code": 200, "headers": {}, "body": "global"}}}""");

        HttpResponse<String> scoped = mock.get("/profile", "suite-a", "1");
        HttpResponse<String> unscoped = mock.get("/profile");

        assertThat(scoped.body()).isEqualTo("suite-a");
        assertThat(unscoped.body()).isEqualTo("global");
    }

    @Test
    void scenario9RequestAssertionsUseLiteralPaths() {
        mock.get("/users/42");

        HttpResponse<String> pattern = mock.postJson(ASSERT, """
                {"path": "/users/{id}"}""");
        HttpResponse<String> literal = mock.postJson(ASSERT, """
                {"path": "/users/42"}""");

        assertThat(pattern.body()).isEqualTo("{\"result\":false}");
        assertThat(literal.body()).isEqualTo("{\"result\":true}");
    }

    @Test
    void scenario10TimesAssertions() {
        String between = """
                {"path": "/poll", "times": {"$between": {"lower": 1, "upper": 3, "is_inclusive": true}}}""";
        boolean none = mock.confirm(null, between);
        mock.get("/poll");
        mock.get("/poll");
        boolean two = mock.confirm(null, between);
        mock.get("/poll");
        mock.get("/poll");

        boolean four = mock.confirm(null, between);

        assertThat(none).isFalse();
        assertThat(two).isTrue();
        assertThat(four).isFalse();
    }

    @Test
    void protocolCreateScopeExample() {
        HttpResponse<String> created = mock.postJson("/__mock__/scopes", """
                {"name": "Team_A"}""");
        HttpResponse<String> again = mock.postJson("/__mock__/scopes", """
                {"name": "team_a"}""");

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).isEqualTo("{\"success\":true,\"name\":\"team_a\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).isEqualTo("{\"detail\":\"Scope 'team_a' already exists\"}");
    }

    @Test
    void protocolAssertionExample() {
        mock.createScope("checkout-flow");
        mock.send("POST", "/payment", "{\"amount\":42}", "checkout-flow", "1", "Content-Type", "application/json");

        HttpResponse<String> response = mock.postJson(ASSERT, """
                {"path": "/payment", "method": "POST",
                 "body": {"$json": {"inner_criteria": {"$key_values": {"key_values": {"amount": 42}}}}},
                 "times": {"$eq": {"value": 1}}}""", "checkout-flow", "1");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"result\":true}");
    }

    @Test
    void protocolClientCheckoutExample() {
        mock.postJson(STUBS, """
                {"request": {"path": "/checkout", "method": "POST",
                             "body": {"$json": {"inner_criteria": {"$eq": {"value": {"cart": "c-1"}}}}}},
                 "action": {"response": {"status_code": 201,
                                         "headers": {"Content-Type": "application/json"},
                                         "body": "{\\"ok\\": true}"}},
                 "chaos": {"latency": {"base_ms": 50, "jitter_ms": 0}}}""");
        long start = System.nanoTime();

        HttpResponse<String> response = mock.send("POST", "/checkout", "{\"cart\":\"c-1\"}",
                "Content-Type", "application/json");

        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(50);
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).isEqualTo("{\"ok\": true}");
    }
}
