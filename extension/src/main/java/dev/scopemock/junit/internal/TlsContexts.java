package dev.scopemock.junit.internal;

import dev.scopemock.engine.internal.tls.Pem;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Client {@link SSLContext}s built from the PEM texts a remote engine hands out ({@code GET /__mock__/ca.pem},
 * {@code POST /__mock__/client-certificates}); new contexts only, never the JVM's default one.
 */
final class TlsContexts {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TlsContexts() {
    }

    /** A context that trusts {@code caPem} only and, when {@code keyPem} is given, presents that key and chain. */
    static SSLContext fromPem(String caPem, String keyPem, String... chainPem) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("scopemock-ca", Pem.readCertificate(caPem));
            TrustManagerFactory trustManagers =
                    TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyPem == null ? null : keyManagers(keyPem, chainPem), trustManagers.getTrustManagers(),
                    null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("could not build a client SSLContext from the engine's certificates: "
                    + e.getMessage(), e);
        }
    }

    private static KeyManager[] keyManagers(String keyPem, String... chainPem)
            throws GeneralSecurityException, IOException {
        byte[] secret = new byte[12];
        RANDOM.nextBytes(secret);
        char[] password = HexFormat.of().formatHex(secret).toCharArray();
        X509Certificate[] chain = new X509Certificate[chainPem.length];
        for (int i = 0; i < chainPem.length; i++) {
            chain[i] = Pem.readCertificate(chainPem[i]);
        }
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("client", Pem.readPrivateKey(keyPem, chain[0].getPublicKey().getAlgorithm()), password,
                (Certificate[]) chain);
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys, password);
        return factory.getKeyManagers();
    }
}
