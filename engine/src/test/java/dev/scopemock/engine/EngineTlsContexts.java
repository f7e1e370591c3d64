package dev.scopemock.engine;

import dev.scopemock.engine.internal.tls.Pem;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Client contexts assembled by hand, the way a user with a key store and a trust store would. */
final class EngineTlsContexts {

    private EngineTlsContexts() {
    }

    /** A context that trusts only the certificate of {@code caPem}, as a client given the {@code --ca-out} file. */
    static SSLContext trustingOnly(String caPem) throws Exception {
        KeyStore trustStore = KeyStore.getInstance("PKCS12");
        trustStore.load(null, null);
        trustStore.setCertificateEntry("ca", Pem.readCertificate(caPem));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trustStore);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    static SSLContext trustingAndPresenting(KeyStore trustStore, ClientCertificate certificate) throws Exception {
        char[] password = "test".toCharArray();
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(certificate.keyStore(password), password);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trustStore);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        return context;
    }
}
