package dev.scopemock.junit;

import static dev.scopemock.junit.MockResponse.ok;
import static dev.scopemock.junit.RequestMatcher.get;
import static dev.scopemock.junit.testkit.TestKit.describe;
import static dev.scopemock.junit.testkit.TestKit.failureOf;
import static dev.scopemock.junit.testkit.TestKit.reported;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.scopemock.annotations.Stub;
import dev.scopemock.engine.ClientAuth;
import dev.scopemock.engine.EngineOptions;
import dev.scopemock.engine.HttpsOptions;
import dev.scopemock.engine.MockEngine;
import dev.scopemock.junit.testkit.Fixture;
import dev.scopemock.junit.testkit.TestKit;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * {@code @MockServer(https = true)} run through the test kit: next to plain classes on one engine, with each
 * isolation mode, and against a remote engine (trust from {@code /__mock__/ca.pem}, mTLS certificates from
 * {@code /__mock__/client-certificates}).
 */
class HttpsExtensionTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Test
    void servesPlainAndHttpsClassesFromOneEngineInOneRun() {
        EngineExecutionResults results = TestKit.fixtures().run(PlainTestCase.class, HttpsTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        String plain = reported(results, "plain(ScopedMock, TestReporter)", "base-url").get(0);
        String https = reported(results, "https(ScopedMock, SharedEngine, TestReporter)", "base-url").get(0);
        String shared = reported(results, "https(ScopedMock, SharedEngine, TestReporter)", "shared-engine").get(0);
        assertThat(plain).matches("http://127\\.0\\.0\\.1:\\d+");
        assertThat(https).matches("https://127\\.0\\.0\\.1:\\d+");
        assertThat(shared).isEqualTo(plain);
        assertThat(URI.create(https).getPort()).isNotEqualTo(URI.create(plain).getPort());
    }

    @Test
    void reachesTheScopesOwnPortOverHttps() {
        EngineExecutionResults results = TestKit.fixtures().run(HttpsPortTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        assertThat(reported(results, "base-url").get(0)).matches("https://127\\.0\\.0\\.1:\\d+");
        assertThat(reported(results, "version")).containsExactly("HTTP_2");
    }

    @Test
    void reachesThePathPrefixOverHttps() {
        EngineExecutionResults results = TestKit.fixtures().run(HttpsPrefixTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        assertThat(reported(results, "base-url").get(0))
                .matches("https://127\\.0\\.0\\.1:\\d+/__scope__/httpsprefixtestcase-prefix-[0-9a-f]{6}");
    }

    @Test
    void trustsAndAuthenticatesToARemoteEngineThatNeedsClientCertificates() {
        try (MockEngine remote = MockEngine.start(EngineOptions.defaults()
                .withHttps(HttpsOptions.onFreePort().withClientAuth(ClientAuth.NEED)))) {
            EngineExecutionResults results = TestKit.remote(remote.baseUrl().toString())
                    .run(RemoteMutualTlsTestCase.class);

            results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
            assertThat(reported(results, "base-url")).containsExactly(remote.httpsBaseUrl().toString());
            assertThat(reported(results, "anonymous")).containsExactly("SSLHandshakeException: Received fatal alert:"
                    + " bad_certificate");
            assertThat(reported(results, "with-certificate")).containsExactly("200 HTTP_2 mutual");
        }
    }

    @Test
    void failsHttpsClassAgainstARemoteEngineWithoutHttps() {
        try (MockEngine remote = MockEngine.start()) {
            EngineExecutionResults results = TestKit.remote(remote.baseUrl().toString()).run(HttpsTestCase.class);

            results.testEvents().assertStatistics(stats -> stats.failed(1));
            assertThat(failureOf(results, "https(ScopedMock, SharedEngine, TestReporter)"))
                    .as(describe(results)).isInstanceOf(ExtensionConfigurationException.class)
                    .hasMessage("@MockServer(https = true) asks for HTTPS, but the engine at " + remote.baseUrl()
                            + " (from the scopemock.url configuration parameter) serves no HTTPS: its GET /__mock__"
                            + " reports no https_url. Fix: start it with --https-port 0 (and --ca-out FILE for"
                            + " other processes), or leave HTTPS off (@MockServer(https = false)).");
        }
    }

    @Test
    void readmeExamplePasses() {
        EngineExecutionResults results = TestKit.fixtures().run(PaymentApiTestCase.class);

        assertThat(describe(results)).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    /** The README's example, verbatim apart from the fixture marker. */
    @Fixture
    @MockServer(https = true)
    static class PaymentApiTestCase {
        @Test
        @Stub(path = "/payments/7", responseJson = "{\"status\": \"paid\"}")
        void readsPaymentOverHttps(ScopedMock mock) throws Exception {
            HttpClient http = HttpClient.newBuilder().sslContext(mock.sslContext()).build();   // trusts the engine's CA
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/payments/7"))
                    .header(mock.scopeHeader().name(), mock.scopeHeader().value()).build(), BodyHandlers.ofString());

            assertThat(response.body()).isEqualTo("{\"status\":\"paid\"}");
            assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);   // negotiated with ALPN
        }
    }

    private static HttpResponse<String> send(SSLContext ssl, URI uri, ScopeHeader header) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT);
        if (header != null) {
            request.header(header.name(), header.value());
        }
        return HttpClient.newBuilder().sslContext(ssl).build().send(request.build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Fixture
    @MockServer
    static class PlainTestCase {
        @Test
        void plain(ScopedMock mock, TestReporter reporter) throws Exception {
            reporter.publishEntry("base-url", mock.baseUrl().toString());
            mock.whenRequestedWith(get("/plain")).respondWith(ok().withBody("plain"));
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(mock.baseUrl() + "/plain")).header(mock.scopeHeader().name(), "1").timeout(TIMEOUT)
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals("plain", response.body());
        }
    }

    @Fixture
    @MockServer(https = true)
    static class HttpsTestCase {
        @Test
        void https(ScopedMock mock, SharedEngine shared, TestReporter reporter) throws Exception {
            reporter.publishEntry("base-url", mock.baseUrl().toString());
            reporter.publishEntry("shared-engine", shared.baseUrl().toString());
            mock.whenRequestedWith(get("/secure")).respondWith(ok().withBody("secure"));
            assertEquals("secure", send(mock.sslContext(), URI.create(mock.baseUrl() + "/secure"),
                    mock.scopeHeader()).body());
        }
    }

    @Fixture
    @MockServer(https = true, isolation = Isolation.PORT)
    static class HttpsPortTestCase {
        @Test
        void ownPort(ScopedMock mock, TestReporter reporter) throws Exception {
            reporter.publishEntry("base-url", mock.baseUrl().toString());
            mock.whenRequestedWith(get("/p")).respondWith(ok().withBody("own port"));
            HttpResponse<String> response = send(mock.sslContext(), URI.create(mock.baseUrl() + "/p"), null);
            reporter.publishEntry("version", response.version().name());
            assertEquals("own port", response.body());
        }
    }

    @Fixture
    @MockServer(https = true, isolation = Isolation.PATH_PREFIX)
    static class HttpsPrefixTestCase {
        @Test
        void prefix(ScopedMock mock, TestReporter reporter) throws Exception {
            reporter.publishEntry("base-url", mock.baseUrl().toString());
            mock.whenRequestedWith(get("/p")).respondWith(ok().withBody("prefixed"));
            assertEquals("prefixed", send(mock.sslContext(), URI.create(mock.baseUrl() + "/p"), null).body());
        }
    }

    @Fixture
    @MockServer(https = true)
    static class RemoteMutualTlsTestCase {
        @Test
        void mutual(ScopedMock mock, TestReporter reporter) throws Exception {
            reporter.publishEntry("base-url", mock.baseUrl().toString());
            mock.whenRequestedWith(get("/secure")).respondWith(ok().withBody("mutual"));
            URI uri = URI.create(mock.baseUrl() + "/secure");
            SSLHandshakeException refused = assertThrows(SSLHandshakeException.class,
                    () -> send(mock.sslContext(), uri, mock.scopeHeader()));
            reporter.publishEntry("anonymous", "SSLHandshakeException: " + refused.getMessage());
            HttpResponse<String> response = send(mock.clientSslContext("billing"), uri, mock.scopeHeader());
            reporter.publishEntry("with-certificate", response.statusCode() + " " + response.version() + " "
                    + response.body());
        }
    }
}
