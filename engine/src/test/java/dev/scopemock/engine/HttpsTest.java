package dev.scopemock.engine;

import static dev.scopemock.engine.support.Clients.client;
import static dev.scopemock.engine.support.Clients.get;
import static dev.scopemock.engine.support.Clients.textStub;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scopemock.engine.model.RecordedRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** HTTPS next to HTTP on one engine: trust handed to the client, the generated certificates, shared stubs. */
class HttpsTest {

    private static MockEngine engine;

    @BeforeAll
    static void startEngine() {
        engine = MockEngine.start(EngineOptions.defaults().withHttps(HttpsOptions.onFreePort()));
    }

    @AfterAll
    static void stopEngine() {
        engine.close();
    }

    @BeforeEach
    void reset() {
        engine.reset();
    }

    @Test
    void servesHttpsToClientTrustingTheEngine() throws Exception {
        engine.addStubJson(null, textStub("/health", "ok"));

        HttpResponse<String> response = get(client(HttpClient.Version.HTTP_1_1, engine.clientSslContext()),
                engine.httpsBaseUrl().resolve("/health"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("ok");
        assertThat(response.uri().getScheme()).isEqualTo("https");
    }

    @Test
    void refusesHandshakeWithClientUsingTheJvmDefaultTrust() {
        engine.addStubJson(null, textStub("/health", "ok"));
        HttpClient untrusting = client(HttpClient.Version.HTTP_1_1, null);

        assertThatThrownBy(() -> get(untrusting, engine.httpsBaseUrl().resolve("/health")))
                .isInstanceOf(SSLHandshakeException.class)
                .hasMessageStartingWith("PKIX path building failed");
        assertThat(engine.requests(null)).isEmpty();
    }

    @Test
    void servesHttpAndHttpsAtOnceFromTheSameStubsAndScope() throws Exception {
        engine.createScope("both");
        engine.addStubJson("both", textStub("/orders", "scoped"));
        HttpClient tls = client(HttpClient.Version.HTTP_1_1, engine.clientSslContext());
        HttpClient plain = client(HttpClient.Version.HTTP_1_1, null);

        HttpResponse<String> overHttps = get(tls, engine.httpsBaseUrl().resolve("/orders"), "both", "1");
        HttpResponse<String> overHttp = get(plain, engine.baseUrl().resolve("/orders"), "both", "1");
        HttpResponse<String> unscoped = get(tls, engine.httpsBaseUrl().resolve("/orders"));

        assertThat(overHttps.body()).isEqualTo("scoped");
        assertThat(overHttp.body()).isEqualTo("scoped");
        assertThat(unscoped.statusCode()).isEqualTo(404);
        assertThat(engine.requests("both")).extracting(RecordedRequest::scope).containsExactly("both", "both", null);
        assertThat(engine.httpsBaseUrl().getPort()).isNotEqualTo(engine.port());
    }

    @Test
    void reportsHttpsUrlOnLoopback() {
        URI https = engine.httpsBaseUrl();

        assertThat(https.toString()).matches("https://127\\.0\\.0\\.1:\\d+");
        assertThat(engine.hasHttps()).isTrue();
    }

    @Test
    void generatesServerCertificateForLoopbackNamesSignedByTheEngineCa() throws Exception {
        X509Certificate ca = engine.caCertificate();
        X509Certificate[] served = ServerChain.fetch(engine.httpsBaseUrl(), engine.clientSslContext());

        assertThat(served).hasSize(2);
        X509Certificate server = served[0];
        server.verify(ca.getPublicKey());
        assertThat(served[1]).isEqualTo(ca);
        List<Object> names = new java.util.ArrayList<>();
        server.getSubjectAlternativeNames().forEach(name -> names.add(name.get(1)));
        assertThat(names).containsExactly("localhost", "127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(server.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
        assertThat(server.getBasicConstraints()).isEqualTo(-1);
        assertThat(server.getPublicKey().getAlgorithm()).isEqualTo("EC");
        assertThat(ca.getBasicConstraints()).isEqualTo(0);
        assertThat(ca.getSubjectX500Principal().getName()).matches("CN=Scopemock engine CA [0-9a-f]{8},O=Scopemock");
        assertThat(Duration.between(server.getNotBefore().toInstant(), server.getNotAfter().toInstant()))
                .isEqualTo(Duration.ofDays(3).plusHours(1));
        assertThat(server.getNotAfter().toInstant()).isAfter(Instant.now().plus(Duration.ofDays(2)));
    }

    @Test
    void handsOutTrustStoreHoldingOnlyTheCa() throws Exception {
        KeyStore trust = engine.trustStore();

        assertThat(java.util.Collections.list(trust.aliases())).containsExactly("scopemock-ca");
        assertThat(trust.getCertificate("scopemock-ca")).isEqualTo(engine.caCertificate());
        assertThat(trust.isCertificateEntry("scopemock-ca")).isTrue();
    }

    @Test
    void generatesAFreshCaPerEngine() {
        try (MockEngine other = MockEngine.start(EngineOptions.defaults().withHttps(HttpsOptions.onFreePort()))) {
            assertThat(other.caCertificate()).isNotEqualTo(engine.caCertificate());
            assertThatThrownBy(() -> get(client(HttpClient.Version.HTTP_1_1, other.clientSslContext()),
                    engine.httpsBaseUrl().resolve("/x"))).isInstanceOf(SSLHandshakeException.class);
        }
    }

    @Test
    void servesDedicatedPortOverHttpsAndHttpAlike() throws Exception {
        ScopeInfo scope = engine.createScope("own-port", ScopeOptions.defaults().withDedicatedPort(true));
        engine.addStubJson("own-port", textStub("/p", "on the scope's port"));
        int port = scope.port().orElseThrow();

        HttpResponse<String> overHttps = get(client(HttpClient.Version.HTTP_1_1, engine.clientSslContext()),
                URI.create("https://127.0.0.1:" + port + "/p"));
        HttpResponse<String> overHttp = get(client(HttpClient.Version.HTTP_1_1, null),
                URI.create("http://127.0.0.1:" + port + "/p"));
        HttpResponse<String> overH2 = get(client(HttpClient.Version.HTTP_2, engine.clientSslContext()),
                URI.create("https://127.0.0.1:" + port + "/p"));

        assertThat(List.of(overHttps.body(), overHttp.body(), overH2.body())).containsOnly("on the scope's port");
        assertThat(overH2.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(engine.requests("own-port")).extracting(RecordedRequest::scope)
                .containsExactly("own-port", "own-port", "own-port");
    }

    @Test
    void explainsTlsAccessorsOfAnEngineWithoutHttps() {
        try (MockEngine plain = MockEngine.start()) {
            assertThat(plain.hasHttps()).isFalse();
            assertThatThrownBy(plain::httpsBaseUrl).isInstanceOf(IllegalStateException.class)
                    .hasMessage("MockEngine.httpsBaseUrl(): expected an engine serving HTTPS, found one started"
                            + " without it. Fix: start it with EngineOptions.defaults().withHttps("
                            + "HttpsOptions.onFreePort()) (standalone: --https-port 0).");
            assertThatThrownBy(plain::clientSslContext).isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("MockEngine.clientSslContext(): expected an engine serving HTTPS");
            assertThatThrownBy(() -> plain.issueClientCertificate("x")).isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("MockEngine.issueClientCertificate(String): expected");
        }
    }
}
