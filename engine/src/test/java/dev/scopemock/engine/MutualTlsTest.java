package dev.scopemock.engine;

import static dev.scopemock.engine.support.Clients.client;
import static dev.scopemock.engine.support.Clients.get;
import static dev.scopemock.engine.support.Clients.textStub;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scopemock.engine.internal.tls.Pem;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Client certificates: an engine that needs one, one that wants one, and the certificates the engine issues. */
class MutualTlsTest {

    private static MockEngine needing;

    @BeforeAll
    static void startEngine() {
        needing = MockEngine.start(EngineOptions.defaults()
                .withHttps(HttpsOptions.onFreePort().withClientAuth(ClientAuth.NEED)));
        needing.addStubJson(null, textStub("/secure", "mutual"));
    }

    @AfterAll
    static void stopEngine() {
        needing.close();
    }

    @Test
    void refusesClientWithoutCertificateWhenOneIsNeeded() {
        HttpClient anonymous = client(HttpClient.Version.HTTP_1_1, needing.clientSslContext());

        assertThatThrownBy(() -> get(anonymous, needing.httpsBaseUrl().resolve("/secure")))
                .isInstanceOf(SSLHandshakeException.class)
                .hasMessage("Received fatal alert: bad_certificate");
    }

    @Test
    void servesClientPresentingCertificateIssuedByTheEngine() throws Exception {
        ClientCertificate certificate = needing.issueClientCertificate("payment-service");

        HttpResponse<String> response = get(client(HttpClient.Version.HTTP_2, needing.clientSslContext(certificate)),
                needing.httpsBaseUrl().resolve("/secure"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("mutual");
        assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
    }

    @Test
    void refusesCertificateIssuedByAnotherEngine() throws Exception {
        try (MockEngine other = MockEngine.start(EngineOptions.defaults().withHttps(HttpsOptions.onFreePort()))) {
            ClientCertificate foreign = other.issueClientCertificate("intruder");
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .sslContext(EngineTlsContexts.trustingAndPresenting(needing.trustStore(), foreign)).build();

            assertThatThrownBy(() -> get(client, needing.httpsBaseUrl().resolve("/secure")))
                    .isInstanceOf(SSLHandshakeException.class).hasMessage("Received fatal alert: bad_certificate");
        }
    }

    @Test
    void servesClientsWithAndWithoutCertificateWhenOneIsWanted() throws Exception {
        try (MockEngine wanting = MockEngine.start(EngineOptions.defaults()
                .withHttps(HttpsOptions.onFreePort().withClientAuth(ClientAuth.WANT)))) {
            wanting.addStubJson(null, textStub("/secure", "optional"));

            HttpResponse<String> anonymous = get(client(HttpClient.Version.HTTP_1_1, wanting.clientSslContext()),
                    wanting.httpsBaseUrl().resolve("/secure"));
            HttpResponse<String> identified = get(client(HttpClient.Version.HTTP_1_1,
                    wanting.clientSslContext(wanting.issueClientCertificate("svc"))),
                    wanting.httpsBaseUrl().resolve("/secure"));

            assertThat(anonymous.body()).isEqualTo("optional");
            assertThat(identified.body()).isEqualTo("optional");
        }
    }

    @Test
    void issuesClientCertificateForClientAuthenticationSignedByTheCa() throws Exception {
        ClientCertificate certificate = needing.issueClientCertificate("payment-service");
        X509Certificate issued = certificate.certificate();

        issued.verify(needing.caCertificate().getPublicKey());
        assertThat(issued.getSubjectX500Principal().getName()).isEqualTo("CN=payment-service,O=Scopemock");
        assertThat(issued.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
        assertThat(issued.getSubjectAlternativeNames()).isNull();
        assertThat(certificate.issuer()).isEqualTo(needing.caCertificate());
        assertThat(certificate).hasToString("ClientCertificate[CN=payment-service,O=Scopemock]");
        assertThat(Pem.readCertificate(certificate.certificatePem())).isEqualTo(issued);
        assertThat(Pem.readPrivateKey(certificate.privateKeyPem(), "EC").getEncoded())
                .isEqualTo(certificate.privateKey().getEncoded());
    }

    @Test
    void putsKeyAndChainInAKeyStore() throws Exception {
        ClientCertificate certificate = needing.issueClientCertificate("svc");

        KeyStore store = certificate.keyStore("pw".toCharArray());

        assertThat(java.util.Collections.list(store.aliases())).containsExactly("client");
        assertThat(store.getCertificateChain("client")).containsExactly(certificate.certificate(),
                needing.caCertificate());
        assertThat(store.getKey("client", "pw".toCharArray()).getEncoded())
                .isEqualTo(certificate.privateKey().getEncoded());
    }

    @Test
    void rejectsBlankCommonName() {
        assertThatThrownBy(() -> needing.issueClientCertificate(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("issueClientCertificate: expected a common name such as \"payment-service\", found a"
                        + " blank string");
    }
}
