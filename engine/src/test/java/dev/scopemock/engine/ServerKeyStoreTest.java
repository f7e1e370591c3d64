package dev.scopemock.engine;

import static dev.scopemock.engine.support.Clients.client;
import static dev.scopemock.engine.support.Clients.get;
import static dev.scopemock.engine.support.Clients.textStub;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scopemock.engine.internal.tls.CertificateAuthority;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** HTTPS with a server certificate of the user's own instead of the generated one. */
class ServerKeyStoreTest {

    @Test
    void servesTheUsersCertificateAndTrustsTheTopOfItsChain() throws Exception {
        CertificateAuthority theirs = CertificateAuthority.generate("Their CA");
        CertificateAuthority.Issued server = theirs.issueServer(List.of("localhost"), List.of("127.0.0.1"));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("web", server.privateKey(), "secret".toCharArray(),
                new Certificate[] {server.certificate(), theirs.certificate()});

        try (MockEngine engine = MockEngine.start(EngineOptions.defaults().withHttps(HttpsOptions.onFreePort()
                .withCertificate(ServerCertificate.fromKeyStore(store, "secret"))))) {
            engine.addStubJson(null, textStub("/own", "own certificate"));
            X509Certificate[] served = ServerChain.fetch(engine.httpsBaseUrl(), engine.clientSslContext());
            HttpResponse<String> response = get(client(HttpClient.Version.HTTP_2, engine.clientSslContext()),
                    engine.httpsBaseUrl().resolve("/own"));

            assertThat(engine.caCertificate()).isEqualTo(theirs.certificate());
            assertThat(served[0]).isEqualTo(server.certificate());
            assertThat(response.body()).isEqualTo("own certificate");
            assertThat(engine.issueClientCertificate("c").issuer()).isNotEqualTo(theirs.certificate());
        }
    }

    @Test
    void rejectsKeyStoreWithoutPrivateKeyEntry() throws Exception {
        KeyStore empty = KeyStore.getInstance("PKCS12");
        empty.load(null, null);

        assertThatThrownBy(() -> ServerCertificate.fromKeyStore(empty, "pw"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ServerCertificate.fromKeyStore: expected a key store with a private-key entry, found"
                        + " none. Fix: put the server's key and certificate chain in the store (keytool -genkeypair"
                        + " or openssl pkcs12 -export).");
    }

    @Test
    void rejectsWrongKeyStorePassword() throws Exception {
        CertificateAuthority ca = CertificateAuthority.generate("CA");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("web", ca.issueClient("x").privateKey(), "right".toCharArray(),
                new Certificate[] {ca.certificate()});

        assertThatThrownBy(() -> ServerCertificate.fromKeyStore(store, "wrong"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("ServerCertificate.fromKeyStore: the key store's private-key entry could not"
                        + " be read with the given password: ")
                .hasMessageEndingWith(". Fix: pass the entry's password.");
    }

    @Test
    void validatesHttpsPort() {
        assertThatThrownBy(() -> HttpsOptions.onPort(70000)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("HTTPS port must be between 0 and 65535, found 70000. Fix: use 0 for a free port.");
    }
}
