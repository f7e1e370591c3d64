package dev.scopemock.junit;

import static dev.scopemock.junit.testkit.TestKit.describe;
import static dev.scopemock.junit.testkit.TestKit.reported;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.scopemock.annotations.Chaos;
import dev.scopemock.annotations.Stub;
import dev.scopemock.junit.testkit.Fixture;
import dev.scopemock.junit.testkit.Http;
import dev.scopemock.junit.testkit.TestKit;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** {@code @Stub} on classes, methods and enclosing classes of {@code @Nested} tests; {@code @Chaos} beside them. */
class DeclaredStubsTest {

    @Test
    void registersClassAndMethodStubsAndInheritsOuterStubsInNestedClasses() {
        EngineExecutionResults results = TestKit.fixtures().run(LevelsTestCase.class);

        assertThat(describe(results)).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(3));
    }

    @Test
    void translatesEveryAttributeOfTheAnnotation() {
        EngineExecutionResults results = TestKit.fixtures().run(AttributesTestCase.class);

        assertThat(describe(results)).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
    }

    @Test
    void appliesChaosToTheStubsDeclaredBesideIt() {
        EngineExecutionResults results = TestKit.fixtures().run(ChaosTestCase.class);

        assertThat(describe(results)).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(3));
        assertThat(reported(results, "class-stub-ms")).hasSize(3).allSatisfy(ms -> assertThat(Long.parseLong(ms))
                .isGreaterThanOrEqualTo(400));
        assertThat(Long.parseLong(reported(results, "method-stub-without-chaos-ms").get(0))).isLessThan(300);
        assertThat(Long.parseLong(reported(results, "method-stub-with-method-chaos-ms").get(0)))
                .isGreaterThanOrEqualTo(400);
        assertThat(Long.parseLong(reported(results, "own-chaos-ms").get(0))).isGreaterThanOrEqualTo(400);
        assertThat(Long.parseLong(reported(results, "sibling-without-chaos-ms").get(0))).isLessThan(300);
    }

    @MockServer(strict = false)
    @Stub(path = "/outer", body = "outer")
    @Stub(path = "/shadowed", body = "outer")
    @Fixture
    static class LevelsTestCase {

        @Test
        @Stub(path = "/method", body = "method")
        void seesClassAndMethodStubs(ScopedMock mock) {
            assertEquals("outer", Http.get(mock, "/outer"));
            assertEquals("method", Http.get(mock, "/method"));
        }

        @Test
        void doesNotSeeAnotherMethodsStubs(ScopedMock mock) {
            assertEquals("outer", Http.get(mock, "/outer"));
            assertEquals(404, Http.send(mock, "GET", "/method", null).statusCode());
        }

        @Nested
        @Stub(path = "/nested", body = "nested")
        @Stub(path = "/shadowed", body = "nested")
        class Inner {

            @Test
            @Stub(path = "/nested-method", body = "nested method")
            void inheritsTheOuterClassesStubs(ScopedMock mock) {
                assertEquals("outer", Http.get(mock, "/outer"));
                assertEquals("nested", Http.get(mock, "/nested"));
                assertEquals("nested method", Http.get(mock, "/nested-method"));
                assertEquals("nested", Http.get(mock, "/shadowed"), "the inner declaration is newer and wins");
                assertEquals(404, Http.send(mock, "GET", "/method", null).statusCode());
            }
        }
    }

    @MockServer(strict = false)
    @Fixture
    static class AttributesTestCase {

        @Test
        @Stub(name = "order", path = "/orders/{id}", method = "post", headers = "X-Tenant: acme",
                query = "expand=items", json = "{\"sku\": \"a-1\", \"qty\": 2}", host = "127.0.0.1", status = 201,
                responseHeaders = {"Location: /orders/7", "Content-Type: application/json"},
                template = "{\"id\": \"{{ request.path_params.id }}\","
                        + " \"tenant\": \"{{ request.headers['x-tenant'] }}\"}")
        @Stub(path = "/orders/{id}", method = "POST", body = "fallback for other requests")
        void matchesOnEveryRequestAttributeAndRendersTheTemplate(ScopedMock mock) {
            HttpResponse<String> created = Http.send(mock, "POST", "/orders/7?expand=items",
                    "{\"qty\":2,\"sku\":\"a-1\"}", "X-Tenant", "acme");
            HttpResponse<String> otherTenant = Http.send(mock, "POST", "/orders/7?expand=items",
                    "{\"qty\":2,\"sku\":\"a-1\"}", "X-Tenant", "globex");
            HttpResponse<String> otherQuery = Http.send(mock, "POST", "/orders/7", "{\"qty\":2,\"sku\":\"a-1\"}",
                    "X-Tenant", "acme");
            HttpResponse<String> otherBody = Http.send(mock, "POST", "/orders/7?expand=items", "{\"sku\":\"a-1\"}",
                    "X-Tenant", "acme");

            assertEquals(201, created.statusCode());
            assertEquals("{\"id\": \"7\", \"tenant\": \"acme\"}", created.body());
            assertEquals("/orders/7", created.headers().firstValue("Location").orElseThrow());
            assertEquals("application/json", created.headers().firstValue("Content-Type").orElseThrow());
            assertEquals("fallback for other requests", otherTenant.body());
            assertEquals("fallback for other requests", otherQuery.body());
            assertEquals("fallback for other requests", otherBody.body());
            mock.received("order", Times.once());
        }

        @Test
        @Stub(path = "/file", bodyFile = "stubs/order.json")
        @Stub(path = "/json", responseJson = "{\"status\": \"accepted\"}")
        @Stub(path = "/text", method = "PUT", requestBody = "exact text", body = "plain", status = 202)
        @Stub(path = "/host", host = "other.example", body = "wrong host")
        @Stub(path = "/host", host = "127.0.0.1", body = "right host")
        @Stub(path = "/limited", maxCalls = 1, body = "once")
        void servesFilesJsonTextAndLimits(ScopedMock mock) {
            HttpResponse<String> file = Http.send(mock, "GET", "/file", null);
            HttpResponse<String> json = Http.send(mock, "GET", "/json", null);
            HttpResponse<String> text = Http.send(mock, "PUT", "/text", "exact text");

            assertEquals("{\"id\": 7, \"items\": [\"a-1\"]}\n", file.body());
            assertEquals("application/json", file.headers().firstValue("Content-Type").orElseThrow());
            assertEquals("{\"status\":\"accepted\"}", json.body());
            assertEquals("application/json", json.headers().firstValue("Content-Type").orElseThrow());
            assertEquals(202, text.statusCode());
            assertEquals("plain", text.body());
            assertEquals(404, Http.send(mock, "PUT", "/text", "other text").statusCode());
            assertEquals("right host", Http.get(mock, "/host"));
            assertEquals("once", Http.get(mock, "/limited"));
            assertEquals(404, Http.send(mock, "GET", "/limited", null).statusCode());
        }
    }

    @MockServer
    @Stub(path = "/class", body = "class")
    @Chaos(latencyMs = 400)
    @Fixture
    static class ChaosTestCase {

        @Test
        @Stub(path = "/method", body = "method")
        void classChaosSlowsOnlyClassStubs(ScopedMock mock, TestReporter reporter) {
            reporter.publishEntry("class-stub-ms", String.valueOf(millis(mock, "/class")));
            reporter.publishEntry("method-stub-without-chaos-ms", String.valueOf(millis(mock, "/method")));
        }

        @Test
        @Stub(path = "/method", body = "method")
        @Chaos(latencyMs = 400, jitterMs = 50)
        void methodChaosSlowsTheMethodsStubs(ScopedMock mock, TestReporter reporter) {
            reporter.publishEntry("class-stub-ms", String.valueOf(millis(mock, "/class")));
            reporter.publishEntry("method-stub-with-method-chaos-ms", String.valueOf(millis(mock, "/method")));
        }

        @Test
        @Stub(path = "/own", body = "own", chaos = @Chaos(latencyMs = 400))
        @Stub(path = "/sibling", body = "sibling")
        @Stub(path = "/dropped", body = "0123456789", chaos = @Chaos(connectionDropProbability = 1.0))
        void nestedChaosAppliesToItsStubOnly(ScopedMock mock, TestReporter reporter) {
            reporter.publishEntry("class-stub-ms", String.valueOf(millis(mock, "/class")));
            reporter.publishEntry("own-chaos-ms", String.valueOf(millis(mock, "/own")));
            reporter.publishEntry("sibling-without-chaos-ms", String.valueOf(millis(mock, "/sibling")));
            assertThrows(UncheckedIOException.class, () -> Http.get(mock, "/dropped"));
        }

        private static long millis(ScopedMock mock, String path) {
            long started = System.nanoTime();
            Http.get(mock, path);
            return (System.nanoTime() - started) / 1_000_000;
        }
    }
}
