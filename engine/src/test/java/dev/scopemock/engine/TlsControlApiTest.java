package dev.scopemock.engine;

import static dev.scopemock.engine.support.Clients.client;
import static dev.scopemock.engine.support.Clients.get;
import static dev.scopemock.engine.support.Clients.textStub;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopemock.engine.internal.tls.Pem;
import dev.scopemock.engine.support.TestEngine;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The control API's TLS additions, used the way another process would: the HTTPS URL in the welcome document, the CA
 * certificate as PEM, client certificates as PEM; nothing but HTTP and the PEM texts.
 */
class TlsControlApiTest {

    private static TestEngine mock;

    @BeforeAll
    static void startEngine() {
        mock = TestEngine.start(EngineOptions.defaults()
                .withHttps(HttpsOptions.onFreePort().withClientAuth(ClientAuth.NEED)));
        mock.engine().addStubJson(null, textStub("/secure", "mutual"));
    }

    @AfterAll
    static void stopEngine() {
        mock.close();
    }

    @Test
    void reportsHttpsUrlAndClientAuthInTheWelcomeDocument() {
        HttpResponse<String> welcome = mock.get("/__mock__");

        assertThat(welcome.body()).isEqualTo("{\"message\":\"Welcome to the Assertive Mock API Server!\","
                + "\"available_endpoints\":[\"/__mock__/scopes\",\"/__mock__/scopes (GET list)\",\"/__mock__/stubs\","
                + "\"/__mock__/stubs/{stub_id}\",\"/__mock__/assert\",\"/__mock__/requests\",\"/__mock__/reset\"],"
                + "\"https_url\":\"" + mock.engine().httpsBaseUrl() + "\",\"client_auth\":\"need\"}");
    }

    @Test
    void servesTheCaCertificateAsPem() {
        HttpResponse<String> pem = mock.get("/__mock__/ca.pem");

        assertThat(pem.statusCode()).isEqualTo(200);
        assertThat(pem.headers().firstValue("content-type")).hasValue("application/x-pem-file");
        assertThat(pem.body()).startsWith("-----BEGIN CERTIFICATE-----\n").endsWith("\n-----END CERTIFICATE-----\n");
        assertThat(Pem.readCertificate(pem.body())).isEqualTo(mock.engine().caCertificate());
    }

    @Test
    void issuesClientCertificateThatOpensTheHttpsPortTogetherWithTheCaPem() throws Exception {
        String caPem = mock.get("/__mock__/ca.pem").body();

        HttpResponse<String> issued = mock.postJson("/__mock__/client-certificates",
                "{\"common_name\": \"billing\"}");
        JsonNode body = TestEngine.json(issued);
        SSLContext fromPem = contextFromPem(caPem, body.get("certificate_pem").asText(),
                body.get("private_key_pem").asText(), body.get("issuer_pem").asText());
        HttpResponse<String> response = get(client(HttpClient.Version.HTTP_2, fromPem),
                mock.engine().httpsBaseUrl().resolve("/secure"));

        assertThat(issued.statusCode()).isEqualTo(201);
        assertThat(body.get("common_name").asText()).isEqualTo("billing");
        assertThat(Pem.readCertificate(body.get("certificate_pem").asText()).getSubjectX500Principal().getName())
                .isEqualTo("CN=billing,O=Scopemock");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("mutual");
    }

    @Test
    void rejectsClientCertificateRequestWithoutCommonName() {
        HttpResponse<String> missing = mock.postJson("/__mock__/client-certificates", "{}");
        HttpResponse<String> blank = mock.postJson("/__mock__/client-certificates", "{\"common_name\": \" \"}");
        HttpResponse<String> extra = mock.postJson("/__mock__/client-certificates",
                "{\"common_name\": \"a\", \"days\": 3}");

        assertThat(missing.statusCode()).isEqualTo(422);
        assertThat(missing.body()).isEqualTo("{\"detail\":[{\"type\":\"missing\",\"loc\":[\"body\",\"common_name\"],"
                + "\"msg\":\"Field required: the certificate's common name, e.g. {\\\"common_name\\\":"
                + " \\\"payment-service\\\"}\"}]}");
        assertThat(blank.statusCode()).isEqualTo(422);
        assertThat(blank.body()).isEqualTo("{\"detail\":[{\"type\":\"string_type\",\"loc\":[\"body\",\"common_name\"],"
                + "\"msg\":\"Input should be a non-blank string: common_name names the client, found \\\" \\\"\"}]}");
        assertThat(extra.statusCode()).isEqualTo(422);
        assertThat(extra.body()).isEqualTo("{\"detail\":[{\"type\":\"extra_forbidden\",\"loc\":[\"body\",\"days\"],"
                + "\"msg\":\"Extra inputs are not permitted: unknown field 'days'; allowed fields are"
                + " [common_name]\"}]}");
    }

    @Test
    void answersNotFoundOnAnEngineWithoutHttps() {
        try (TestEngine plain = TestEngine.start()) {
            HttpResponse<String> pem = plain.get("/__mock__/ca.pem");
            HttpResponse<String> issue = plain.postJson("/__mock__/client-certificates", "{\"common_name\": \"a\"}");

            assertThat(pem.statusCode()).isEqualTo(404);
            assertThat(pem.body()).isEqualTo("{\"error\":\"HTTPS_NOT_ENABLED\",\"detail\":\"This engine serves no"
                    + " HTTPS, so it has no CA certificate. Fix: start it with --https-port (or"
                    + " EngineOptions.withHttps(HttpsOptions.onFreePort())).\"}");
            assertThat(issue.statusCode()).isEqualTo(404);
            assertThat(issue.body()).contains("so it has no client certificates");
            assertThat(plain.get("/__mock__").body()).doesNotContain("https_url");
        }
    }

    private static SSLContext contextFromPem(String caPem, String certificatePem, String keyPem, String issuerPem)
            throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", Pem.readCertificate(caPem));
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        char[] password = "pw".toCharArray();
        X509Certificate[] chain = {Pem.readCertificate(certificatePem), Pem.readCertificate(issuerPem)};
        keys.setKeyEntry("me", Pem.readPrivateKey(keyPem, "EC"), password, (Certificate[]) chain);
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, password);
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
        return context;
    }
}
