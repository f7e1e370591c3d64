package dev.scopemock.junit;

import static dev.scopemock.junit.MockResponse.ok;
import static dev.scopemock.junit.RequestMatcher.get;
import static dev.scopemock.junit.testkit.TestKit.failureOf;
import static dev.scopemock.junit.testkit.TestKit.reported;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scopemock.annotations.Chaos;
import dev.scopemock.annotations.Stub;
import dev.scopemock.junit.testkit.Fixture;
import dev.scopemock.junit.testkit.Http;
import dev.scopemock.junit.testkit.TestKit;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestReporter;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.opentest4j.AssertionFailedError;

/** {@code @Chaos} and the fluent faults through the extension; seeds fixed, replayed and printed. */
@MockServer
class ChaosExtensionTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static HttpResponse<String> call(ScopedMock mock, String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(mock.baseUrl() + path)).timeout(Duration.ofSeconds(10))
                .header(mock.scopeHeader().name(), mock.scopeHeader().value()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @Stub(path = "/pay", body = "paid")
    @Chaos(errorStatus = 503)
    void annotatedErrorStatus(ScopedMock mock) throws Exception {
        HttpResponse<String> response = call(mock, "/pay");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).startsWith("{\"error\":\"CHAOS_ERROR_STATUS\",\"detail\":\"status 503 injected");
    }

    @Test
    void fluentConnectionReset(ScopedMock mock) {
        mock.whenRequestedWith(get("/r")).withConnectionReset(1.0).respondWith(ok());

        assertThatThrownBy(() -> call(mock, "/r")).isExactlyInstanceOf(IOException.class)
                .hasRootCauseExactlyInstanceOf(SocketException.class).hasRootCauseMessage("Connection reset");
    }

    @Test
    void fluentEmptyResponseAndMalformedChunked(ScopedMock mock) {
        mock.whenRequestedWith(get("/e")).withEmptyResponse(1.0).respondWith(ok());
        mock.whenRequestedWith(get("/m")).withMalformedChunked(1.0).respondWith(ok());

        assertThatThrownBy(() -> call(mock, "/e")).isExactlyInstanceOf(IOException.class)
                .hasMessage("HTTP/1.1 header parser received no bytes");
        assertThatThrownBy(() -> call(mock, "/m")).isExactlyInstanceOf(IOException.class)
                .hasMessage("Illegal character in chunk size: 122");
    }

    @Test
    void fluentSseChaosAbortsAfterOneEvent(ScopedMock mock) throws Exception {
        mock.whenRequestedWith(get("/events")).withSseChaos(1, Duration.ZERO).respondWithSse(Duration.ZERO, "a", "b");

        // HttpURLConnection reads the socket in order, so the event arrives before the abort (java.net.http may
        // report the abort before handing out bytes it has already received).
        HttpURLConnection connection = (HttpURLConnection) URI.create(mock.baseUrl() + "/events").toURL()
                .openConnection();
        connection.setRequestProperty(mock.scopeHeader().name(), mock.scopeHeader().value());
        connection.setReadTimeout(10_000);
        List<String> lines = new ArrayList<>();

        try (BufferedReader reader = new BufferedReader(new InputStreamReader(connection.getInputStream(),
                StandardCharsets.UTF_8))) {
            assertThatThrownBy(() -> {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    lines.add(line);
                }
            }).isInstanceOf(IOException.class);
        }
        assertThat(lines).containsExactly("data: a", "");
    }

    @Test
    @Stub(path = "/slow", body = "0123456789")
    @Chaos(throttleBytes = 2, throttleIntervalMs = 40)
    void annotatedThrottle(ScopedMock mock) throws Exception {
        long start = System.nanoTime();

        HttpResponse<String> response = call(mock, "/slow");

        assertThat(response.body()).isEqualTo("0123456789");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(160));
    }

    @Test
    void scopeChaosAppliesToStubsWithoutTheirOwn(ScopedMock mock) throws Exception {
        mock.whenRequestedWith(get("/plain")).respondWith(ok().withBody("plain"));
        mock.whenRequestedWith(get("/own")).withLatency(Duration.ZERO).respondWith(ok().withBody("own"));
        mock.setScopeChaos("{\"faults\": {\"error_status\": {\"status\": 429}}}");

        assertThat(call(mock, "/plain").statusCode()).isEqualTo(429);
        assertThat(call(mock, "/own").body()).isEqualTo("own");
        assertThatThrownBy(() -> mock.setScopeChaos("{\"faults\": {\"stall\": {}}}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Field required: a stall is"
                        + " bounded by max_ms");
    }

    @Test
    void oneSeedReplaysTheSameFaultsAndAnotherDoesNot() {
        List<String> first = reported(TestKit.fixtures().run(Seed42TestCase.class), "faults");
        List<String> second = reported(TestKit.fixtures().run(Seed42TestCase.class), "faults");
        List<String> other = reported(TestKit.fixtures().run(Seed43TestCase.class), "faults");

        assertThat(first).hasSize(1);
        assertThat(first.get(0)).hasSize(1000).contains("E", "o");
        assertThat(second).isEqualTo(first);
        assertThat(other).hasSize(1).isNotEqualTo(first);
    }

    @Test
    void dynamicTestsReplayTheirFactorysSeed() {
        List<String> plain = reported(TestKit.fixtures().run(Seed42TestCase.class), "faults");
        List<String> dynamic = reported(TestKit.fixtures().run(Seed42FactoryTestCase.class), "faults");

        assertThat(dynamic).hasSize(2).containsOnly(plain.get(0));
    }

    @Test
    void theSystemPropertyFixesTheSeedOfTestsWithoutOne() {
        List<String> fromAnnotation = reported(TestKit.fixtures().run(Seed42TestCase.class), "faults");
        String previous = System.getProperty("scopemock.chaos.seed");
        List<String> fromProperty;
        try {
            System.setProperty("scopemock.chaos.seed", "42");
            fromProperty = reported(TestKit.fixtures().run(NoSeedTestCase.class), "faults");
        } finally {
            if (previous == null) {
                System.clearProperty("scopemock.chaos.seed");
            } else {
                System.setProperty("scopemock.chaos.seed", previous);
            }
        }

        assertThat(fromProperty).hasSize(1).isEqualTo(fromAnnotation);
    }

    @Test
    void failuresPrintTheSeed() {
        EngineExecutionResults results = TestKit.fixtures().run(FailingTestCase.class);

        String scope = reported(results, "failsOnItsOwn(ScopedMock, TestReporter)", "scope").get(0);
        Throwable own = failureOf(results, "failsOnItsOwn(ScopedMock, TestReporter)");
        assertThat(own).hasMessage("the test's own failure");
        assertThat(own.getSuppressed()).extracting(Throwable::getMessage).contains("Chaos seed of scope " + scope
                + ": 7 (replay the same faults with @Chaos(seed = 7L) or -Dscopemock.chaos.seed=7)");
        String unmatchedScope = reported(results, "sendsAnUnmatchedRequest(ScopedMock, TestReporter)", "scope")
                .get(0);
        assertThat(failureOf(results, "sendsAnUnmatchedRequest(ScopedMock, TestReporter)"))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageEndingWith("\nChaos seed of scope " + unmatchedScope + ": 7 (replay the same faults with"
                        + " @Chaos(seed = 7L) or -Dscopemock.chaos.seed=7)");
    }

    /** 1,000 calls, each answered 200 ("o") or 503 ("E"), in one string. */
    static String faults(ScopedMock mock) throws Exception {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            out.append(call(mock, "/x").statusCode() == 503 ? 'E' : 'o');
        }
        return out.toString();
    }

    @MockServer
    @Fixture
    @Chaos(seed = 42)
    static class Seed42TestCase {
        @Test
        void calls(ScopedMock mock, TestReporter reporter) throws Exception {
            mock.whenRequestedWith(get("/x")).withErrorStatus(503, 0.5).respondWith(ok());
            reporter.publishEntry("faults", faults(mock));
        }
    }

    @MockServer
    @Fixture
    @Chaos(seed = 42)
    static class Seed42FactoryTestCase {
        @TestFactory
        java.util.stream.Stream<DynamicTest> calls(ScopedMock mock, TestReporter reporter) {
            mock.whenRequestedWith(get("/x")).withErrorStatus(503, 0.5).respondWith(ok());
            return java.util.stream.Stream.of("first", "second").map(name -> DynamicTest.dynamicTest(name,
                    () -> reporter.publishEntry("faults", faults(mock))));
        }
    }

    @MockServer
    @Fixture
    static class NoSeedTestCase {
        @Test
        void calls(ScopedMock mock, TestReporter reporter) throws Exception {
            mock.whenRequestedWith(get("/x")).withErrorStatus(503, 0.5).respondWith(ok());
            reporter.publishEntry("faults", faults(mock));
        }
    }

    @MockServer
    @Fixture
    @Chaos(seed = 43)
    static class Seed43TestCase {
        @Test
        void calls(ScopedMock mock, TestReporter reporter) throws Exception {
            mock.whenRequestedWith(get("/x")).withErrorStatus(503, 0.5).respondWith(ok());
            reporter.publishEntry("faults", faults(mock));
        }
    }

    @MockServer
    @Fixture
    @Chaos(seed = 7)
    static class FailingTestCase {
        @Test
        void failsOnItsOwn(ScopedMock mock, TestReporter reporter) {
            reporter.publishEntry("scope", mock.scopeName());
            mock.whenRequestedWith(get("/slow")).withLatency(Duration.ofMillis(1)).respondWith(ok());
            Http.get(mock, "/slow");
            throw new AssertionFailedError("the test's own failure");
        }

        @Test
        void sendsAnUnmatchedRequest(ScopedMock mock, TestReporter reporter) {
            reporter.publishEntry("scope", mock.scopeName());
            mock.whenRequestedWith(get("/slow")).withLatency(Duration.ofMillis(1)).respondWith(ok());
            Http.get(mock, "/slow");
            Http.get(mock, "/unmatched");
        }
    }
}
