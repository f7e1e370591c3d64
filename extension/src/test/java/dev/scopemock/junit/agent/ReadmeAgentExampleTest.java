package dev.scopemock.junit.agent;

import static dev.scopemock.junit.MockResponse.ok;
import static dev.scopemock.junit.RequestMatcher.get;
import static dev.scopemock.junit.testkit.TestKit.describe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scopemock.junit.MockServer;
import dev.scopemock.junit.ScopedMock;
import dev.scopemock.junit.testkit.Fixture;
import dev.scopemock.junit.testkit.TestKit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** The README's scope-propagation example, verbatim apart from the fixture marker: it compiles and passes. */
class ReadmeAgentExampleTest {

    @Test
    void scopePropagationExamplePasses() {
        EngineExecutionResults results = TestKit.fixtures().run(QuoteServiceTestCase.class);

        assertThat(describe(results)).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @MockServer(propagateScope = true)
    @Fixture
    static class QuoteServiceTestCase {

        @Test
        void showsTheQuote(ScopedMock mock) {
            mock.whenRequestedWith(get("/quote")).respondWith(ok().withBody("42"));

            QuoteService service = new QuoteService(mock.baseUrl());    // sends plain requests, no scope header

            assertThat(service.quote()).isEqualTo("42");               // answered from this test's scope
        }
    }

    /** A system under test that knows nothing of scopes: a plain client, called on another thread. */
    static final class QuoteService {

        private final HttpClient http = HttpClient.newHttpClient();
        private final URI base;

        QuoteService(URI base) {
            this.base = base;
        }

        String quote() {
            return CompletableFuture.supplyAsync(this::fetch).join();
        }

        private String fetch() {
            try {
                return http.send(HttpRequest.newBuilder(URI.create(base + "/quote")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
