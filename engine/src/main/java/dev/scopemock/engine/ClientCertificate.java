package dev.scopemock.engine;

import dev.scopemock.engine.internal.tls.Pem;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A client certificate for mutual TLS, issued by an engine's CA with {@link MockEngine#issueClientCertificate(String)}.
 * Hand {@link MockEngine#clientSslContext(ClientCertificate)} to a {@code java.net.http.HttpClient}, or
 * {@link #keyStore(char[])} to a client that takes key material. Prints as its subject, never its key.
 *
 * @param privateKey the client's private key
 * @param certificate the client's certificate
 * @param issuer the CA certificate that signed it
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ClientCertificate(PrivateKey privateKey, X509Certificate certificate, X509Certificate issuer) {

    /** The alias of the entry in {@link #keyStore(char[])}: {@value}. */
    public static final String ALIAS = "client";

    /**
     * Checks the parts.
     *
     * @param privateKey key
     * @param certificate certificate
     * @param issuer CA certificate
     */
    public ClientCertificate {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(issuer, "issuer");
    }

    /**
     * A new in-memory PKCS#12 key store holding the key and the chain (certificate, then issuer) under {@value #ALIAS}.
     *
     * @param password the password of the store and of the entry
     * @return the key store, for a {@code KeyManagerFactory}
     */
    public KeyStore keyStore(char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, privateKey, password, new Certificate[] {certificate, issuer});
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("could not build a key store for " + this + ": " + e.getMessage(), e);
        }
    }

    /**
     * The certificate in PEM form ({@code -----BEGIN CERTIFICATE-----}), e.g. for {@code curl --cert}.
     *
     * @return PEM text
     */
    public String certificatePem() {
        return Pem.certificate(certificate);
    }

    /**
     * The private key in unencrypted PKCS#8 PEM form ({@code -----BEGIN PRIVATE KEY-----}), e.g. for
     * {@code curl --key}.
     *
     * @return PEM text
     */
    public String privateKeyPem() {
        return Pem.privateKey(privateKey);
    }

    @Override
    public String toString() {
        return "ClientCertificate[" + certificate.getSubjectX500Principal().getName() + "]";
    }
}
