package dev.scopemock.junit;

import static dev.scopemock.junit.MockResponse.ok;
import static dev.scopemock.junit.MockResponse.status;
import static dev.scopemock.junit.RequestMatcher.get;
import static dev.scopemock.junit.RequestMatcher.post;
import static dev.scopemock.junit.testkit.TestKit.describe;
import static dev.scopemock.junit.testkit.TestKit.failureOf;
import static dev.scopemock.junit.testkit.TestKit.reported;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.sun.net.httpserver.HttpServer;
import dev.scopemock.engine.MockEngine;
import dev.scopemock.engine.model.RecordedRequest;
import dev.scopemock.junit.testkit.Fixture;
import dev.scopemock.junit.testkit.Http;
import dev.scopemock.junit.testkit.TestKit;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * {@code @MockServer(isolation = ...)}: in each mode, 16 tests running at the same time stub the same path with
 * different answers; with a dedicated port or a path prefix they send no scope header at all, and each still sees
 * only its own answers and its own requests, in process and against a remote engine.
 */
class IsolationModesTest {

    private static final int CONCURRENT_TESTS = 16;
    private static final int REQUESTS_PER_TEST = 5;

    /** Counted down by every fixture test once its stub is in place; each waits for all before sending. */
    private static volatile CountDownLatch allStubbed = new CountDownLatch(0);

    @Test
    void headerIsolationKeepsConcurrentTestsApartInProcess() {
        for (int round = 1; round <= 3; round++) {
            EngineExecutionResults results = runConcurrently(TestKit.fixtures(), HeaderTestCase.class);

            assertIsolated(results, round);
            assertThat(reported(results, "base-url")).hasSize(CONCURRENT_TESTS).allSatisfy(url ->
                    assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+")).containsOnly(
                    reported(results, "base-url").get(0));
        }
    }

    @Test
    void portIsolationGivesEachConcurrentTestItsOwnPortInProcess() {
        for (int round = 1; round <= 3; round++) {
            EngineExecutionResults results = runConcurrently(TestKit.fixtures(), PortTestCase.class);

            assertIsolated(results, round);
            assertOwnPorts(reported(results, "base-url"));
        }
    }

    @Test
    void pathPrefixIsolationKeepsConcurrentTestsApartInProcess() {
        for (int round = 1; round <= 3; round++) {
            EngineExecutionResults results = runConcurrently(TestKit.fixtures(), PathPrefixTestCase.class);

            assertIsolated(results, round);
            assertPrefixedUrls(results);
        }
    }

    @Test
    void portIsolationWorksAgainstARemoteEngineAndClosesEveryPort() {
        try (MockEngine engine = MockEngine.start()) {
            for (int round = 1; round <= 2; round++) {
                EngineExecutionResults results = runConcurrently(TestKit.remote(engine.baseUrl().toString()),
                        PortTestCase.class);

                assertIsolated(results, round);
                List<String> urls = reported(results, "base-url");
                assertOwnPorts(urls);
                assertThat(urls).noneMatch(url -> URI.create(url).getPort() == engine.port());
                for (String url : urls) {
                    assertThat(isRefused(URI.create(url).getPort())).as("%s refuses connections", url).isTrue();
                }
                assertThat(Http.exchange(URI.create(engine.baseUrl() + "/__mock__/scopes"), "GET", null).body())
                        .isEqualTo("{\"scopes\":[],\"details\":[]}");
            }
        }
    }

    @Test
    void pathPrefixIsolationWorksAgainstARemoteEngine() {
        try (MockEngine engine = MockEngine.start()) {
            for (int round = 1; round <= 2; round++) {
                EngineExecutionResults results = runConcurrently(TestKit.remote(engine.baseUrl().toString()),
                        PathPrefixTestCase.class);

                assertIsolated(results, round);
                assertPrefixedUrls(results);
                assertThat(reported(results, "base-url")).allSatisfy(url ->
                        assertThat(url).startsWith(engine.baseUrl() + "/__scope__/"));
                assertThat(engine.scopes()).isEmpty();
            }
        }
    }

    @Test
    void givesEachDynamicTestAndNestedTestItsOwnPort() {
        EngineExecutionResults results = TestKit.fixtures().run(PortExtrasTestCase.class);

        assertThat(describe(results)).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.started(5).succeeded(5));
        List<String> urls = reported(results, "base-url");
        assertThat(urls).hasSize(5).doesNotHaveDuplicates();
        assertThat(reported(results, "answer")).containsExactlyInAnyOrder("dynamic-0", "dynamic-1", "dynamic-2",
                "with-header", "nested");
    }

    @Test
    void failsClearlyWhenARemoteEngineOpensNoPort() throws IOException {
        HttpServer legacy = legacyEngine();
        try {
            String url = "http://127.0.0.1:" + legacy.getAddress().getPort();

            EngineExecutionResults results = TestKit.remote(url).run(SinglePortTestCase.class);

            results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
            assertThat(failureOf(results, "needsAPort(ScopedMock)")).isInstanceOf(IllegalStateException.class)
                    .message().matches("the engine at \\Q" + url + "\\E created scope singleporttestcase-needsaport-"
                            + "[0-9a-f]{6} but opened no dedicated port for it \\(its answer has no \"port\": "
                            + "\\{\"success\":true,\"name\":\"[a-z0-9-]+\"\\}\\)\\. Fix: use a Scopemock engine,"
                            + " or @MockServer\\(isolation = Isolation\\.HEADER\\)\\.");
        } finally {
            legacy.stop(0);
        }
    }

    @Test
    void readmeExamplePasses() {
        EngineExecutionResults results = TestKit.fixtures().run(PaymentGatewayTestCase.class);

        assertThat(describe(results)).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    private static EngineExecutionResults runConcurrently(TestKit kit, Class<?> fixture) {
        allStubbed = new CountDownLatch(CONCURRENT_TESTS);
        return kit.parallel(CONCURRENT_TESTS).run(fixture);
    }

    private static void assertIsolated(EngineExecutionResults results, int round) {
        assertThat(describe(results)).as("round %d", round).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.started(CONCURRENT_TESTS).succeeded(CONCURRENT_TESTS));
        assertThat(reported(results, "answer")).as("round %d", round).hasSize(CONCURRENT_TESTS)
                .doesNotHaveDuplicates();
        assertThat(reported(results, "all-stubbed-together")).as("round %d: every test's stub was in place before"
                + " any test sent a request", round).hasSize(CONCURRENT_TESTS).containsOnly("true");
    }

    private static void assertOwnPorts(List<String> urls) {
        assertThat(urls).hasSize(CONCURRENT_TESTS).doesNotHaveDuplicates()
                .allSatisfy(url -> assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+"));
    }

    private static void assertPrefixedUrls(EngineExecutionResults results) {
        List<String> urls = reported(results, "base-url");
        List<String> scopes = reported(results, "scope");
        assertThat(urls).hasSize(CONCURRENT_TESTS).doesNotHaveDuplicates();
        Set<String> engines = new HashSet<>();
        for (String url : urls) {
            assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+/__scope__/"
                    + "pathprefixtestcase-stubsendsandverifies-\\d+-[0-9a-f]{6}");
            assertThat(scopes).contains(url.substring(url.lastIndexOf('/') + 1));
            engines.add(url.substring(0, url.indexOf("/__scope__/")));
        }
        assertThat(engines).hasSize(1);
    }

    /**
     * One test's work: stub the shared path with its own answer, wait until every concurrent test has done the
     * same, call the path through {@code baseUrl()} (with the scope header only in header mode) and check that only
     * its own answer and requests come back.
     */
    static void stubSendAndVerify(ScopedMock mock, Isolation expected, String answer, TestReporter reporter)
            throws InterruptedException {
        assertEquals(expected, mock.isolation());
        mock.whenRequestedWith(get("/same")).respondWith(ok().withBody(answer));
        allStubbed.countDown();
        boolean together = allStubbed.await(30, TimeUnit.SECONDS);

        for (int i = 0; i < REQUESTS_PER_TEST; i++) {
            String query = "/same?from=" + answer + "&i=" + i;
            HttpResponse<String> response = expected == Isolation.HEADER ? Http.send(mock, "GET", query, null)
                    : Http.exchange(URI.create(mock.baseUrl() + query), "GET", null);
            assertEquals(200, response.statusCode(), response.body());
            assertEquals(answer, response.body());
        }

        List<RecordedRequest> requests = mock.requests();
        assertEquals(REQUESTS_PER_TEST, requests.size(), "requests in scope " + mock.scopeName());
        for (RecordedRequest request : requests) {
            assertEquals(mock.scopeName(), request.scope());
            assertEquals("/same", request.path());
            assertEquals(List.of(answer), request.query().get("from"));
            assertEquals(expected == Isolation.HEADER, request.headers().containsKey(mock.scopeName()),
                    "scope header sent: " + request.headers().keySet());
        }
        assertTrue(mock.confirmRequest(get("/same"), Times.exactly(REQUESTS_PER_TEST)));
        reporter.publishEntry("answer", answer);
        reporter.publishEntry("base-url", mock.baseUrl().toString());
        reporter.publishEntry("scope", mock.scopeName());
        reporter.publishEntry("all-stubbed-together", String.valueOf(together));
    }

    private static boolean isRefused(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
            return false;
        } catch (ConnectException refused) {
            return true;
        } catch (SocketException resetWhileClosing) {
            return false;
        } catch (IOException other) {
            throw new UncheckedIOException(other);
        }
    }

    /** An engine that speaks the control API but ignores {@code dedicated_port}, as the reference server does. */
    private static HttpServer legacyEngine() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = 404;
            String answer = "{\"detail\":\"Not Found\"}";
            if (path.equals("/__mock__")) {
                status = 200;
                answer = "{\"message\":\"Welcome to the Assertive Mock API Server!\"}";
            } else if (path.equals("/__mock__/scopes") && method.equals("POST")) {
                String name = body.replaceAll(".*\"name\":\"([^\"]+)\".*", "$1");
                status = 201;
                answer = "{\"success\":true,\"name\":\"" + name + "\"}";
            } else if (path.startsWith("/__mock__/scopes/") && method.equals("DELETE")) {
                status = 200;
                answer = "{\"success\":true}";
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        return server;
    }

    @MockServer
    @Fixture
    static class HeaderTestCase {

        @ParameterizedTest
        @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15})
        void stubSendsAndVerifies(int n, ScopedMock mock, TestReporter reporter) throws InterruptedException {
            stubSendAndVerify(mock, Isolation.HEADER, "header-" + n, reporter);
        }
    }

    @MockServer(isolation = Isolation.PORT)
    @Fixture
    static class PortTestCase {

        @ParameterizedTest
        @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15})
        void stubSendsAndVerifies(int n, ScopedMock mock, TestReporter reporter) throws InterruptedException {
            stubSendAndVerify(mock, Isolation.PORT, "port-" + n, reporter);
        }
    }

    @MockServer(isolation = Isolation.PATH_PREFIX)
    @Fixture
    static class PathPrefixTestCase {

        @ParameterizedTest
        @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15})
        void stubSendsAndVerifies(int n, ScopedMock mock, TestReporter reporter) throws InterruptedException {
            stubSendAndVerify(mock, Isolation.PATH_PREFIX, "prefix-" + n, reporter);
        }
    }

    @MockServer(isolation = Isolation.PORT)
    @Fixture
    static class PortExtrasTestCase {

        @TestFactory
        Stream<DynamicTest> dynamicTestsHaveTheirOwnPorts(ScopedMock mock, TestReporter reporter) {
            return IntStream.range(0, 3).mapToObj(n -> dynamicTest("dynamic " + n,
                    () -> callOwnPort(mock, "dynamic-" + n, reporter)));
        }

        @Test
        void aScopeHeaderOnTheOwnPortDoesNoHarm(ScopedMock mock, TestReporter reporter) {
            mock.whenRequestedWith(get("/same")).respondWith(ok().withBody("with-header"));

            HttpResponse<String> response = Http.send(mock, "GET", "/same", null);

            assertEquals("with-header", response.body());
            assertEquals(mock.scopeName(), mock.requests().get(0).scope());
            reporter.publishEntry("answer", "with-header");
            reporter.publishEntry("base-url", mock.baseUrl().toString());
        }

        @Nested
        class Inner {
            @Test
            void inheritsPortIsolation(ScopedMock mock, TestReporter reporter) {
                callOwnPort(mock, "nested", reporter);
            }
        }

        static void callOwnPort(ScopedMock mock, String answer, TestReporter reporter) {
            assertEquals(Isolation.PORT, mock.isolation());
            assertEquals(mock.baseUrl().getPort(), mock.port());
            mock.whenRequestedWith(get("/same")).respondWith(ok().withBody(answer));

            HttpResponse<String> response = Http.exchange(URI.create(mock.baseUrl() + "/same"), "GET", null);

            assertEquals(answer, response.body());
            assertEquals(1, mock.requests().size());
            assertFalse(mock.requests().get(0).headers().containsKey(mock.scopeName()));
            reporter.publishEntry("answer", answer);
            reporter.publishEntry("base-url", mock.baseUrl().toString());
        }
    }

    /** The README's example, verbatim apart from the fixture marker. */
    @MockServer(isolation = Isolation.PORT)
    @Fixture
    static class PaymentGatewayTestCase {
        @Test
        void charges(ScopedMock mock) {
            mock.whenRequestedWith(post("/charges")).respondWith(status(201));
            new PaymentGateway(mock.baseUrl()).charge(42);      // no header: the port is the test's own
            assertThat(mock.confirmRequest(post("/charges"), Times.once())).isTrue();
        }
    }

    /** A client that knows nothing of scopes: it only takes a base URL. */
    record PaymentGateway(URI baseUrl) {
        void charge(int amount) {
            HttpResponse<String> response = Http.exchange(URI.create(baseUrl + "/charges"), "POST",
                    "{\"amount\": " + amount + "}");
            if (response.statusCode() != 201) {
                throw new IllegalStateException("charge refused: " + response.statusCode());
            }
        }
    }

    @MockServer(isolation = Isolation.PORT)
    @Fixture
    static class SinglePortTestCase {

        @Test
        void needsAPort(ScopedMock mock) {
            Http.exchange(URI.create(mock.baseUrl() + "/same"), "GET", null);
        }
    }
}
