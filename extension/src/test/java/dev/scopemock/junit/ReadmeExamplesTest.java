package dev.scopemock.junit;

import static dev.scopemock.junit.MockResponse.status;
import static dev.scopemock.junit.RequestMatcher.get;
import static dev.scopemock.junit.RequestMatcher.post;
import static dev.scopemock.junit.testkit.TestKit.describe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scopemock.annotations.Chaos;
import dev.scopemock.annotations.Stub;
import dev.scopemock.engine.model.RecordedRequest;
import dev.scopemock.junit.testkit.Fixture;
import dev.scopemock.junit.testkit.TestKit;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** The README's examples, verbatim apart from the fixture marker: they compile and pass. */
class ReadmeExamplesTest {

    @Test
    void annotationStyleExamplePasses() {
        EngineExecutionResults results = TestKit.fixtures().run(CheckoutTestCase.class);

        assertThat(describe(results)).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Test
    void fluentStyleExamplePasses() {
        EngineExecutionResults results = TestKit.fixtures().run(InventoryTestCase.class);

        assertThat(describe(results)).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @MockServer
    @Stub(path = "/health", body = "ok")                    // class level: in every test's scope
    @Fixture
    static class CheckoutTestCase {

        private final HttpClient http = HttpClient.newHttpClient();

        @Test
        @Stub(name = "pay", path = "/payment", method = "POST", json = "{\"amount\": 42}",
                status = 200, responseJson = "{\"status\": \"accepted\"}")
        @Chaos(latencyMs = 100, jitterMs = 50)              // slows the stubs declared beside it
        void paysOnce(ScopedMock mock) throws IOException, InterruptedException {
            HttpRequest request = HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/payment"))
                    .header(mock.scopeHeader().name(), mock.scopeHeader().value())  // lands in this test's scope
                    .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":42}"))
                    .build();

            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

            assertThat(response.body()).isEqualTo("{\"status\":\"accepted\"}");
            assertThat(mock.confirmRequest(post("/payment").withJson("{\"amount\": 42}"), Times.once())).isTrue();
            mock.received("pay", Times.once());
        }
    }

    @MockServer
    @Fixture
    static class InventoryTestCase {

        private final HttpClient http = HttpClient.newHttpClient();
        private ScopedMock mock;                            // fields are injected too

        @Test
        void reservesStock() throws IOException, InterruptedException {
            mock.whenRequestedWith(post("/reservations").withHeader("X-Tenant", "acme"))
                    .named("reserve")
                    .maxCalls(1)
                    .respondWith(status(201).withJson("{\"id\": 7}").withHeader("Location", "/reservations/7"));
            mock.whenRequestedWith(get("/stock/{sku}"))
                    .withLatency(Duration.ofMillis(20))
                    .respondWithTemplate(200, "{\"sku\": \"{{ request.path_params.sku }}\", \"left\": 3}");

            String stock = send("GET", "/stock/a-1", null);
            String reservation = send("POST", "/reservations", "{\"sku\": \"a-1\"}");

            assertThat(stock).isEqualTo("{\"sku\": \"a-1\", \"left\": 3}");
            assertThat(reservation).isEqualTo("{\"id\":7}");
            RecordedRequest reserved = mock.lastCallTo("reserve");
            assertThat(reserved.bodyText()).isEqualTo("{\"sku\": \"a-1\"}");
            assertThat(mock.requests()).hasSize(2);
        }

        private String send(String method, String path, String body) throws IOException, InterruptedException {
            HttpRequest request = HttpRequest.newBuilder(URI.create(mock.baseUrl() + path))
                    .header(mock.scopeHeader().name(), mock.scopeHeader().value())
                    .header("X-Tenant", "acme")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body))
                    .build();
            return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
        }
    }
}
