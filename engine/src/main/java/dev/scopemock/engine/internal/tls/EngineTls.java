package dev.scopemock.engine.internal.tls;

import dev.scopemock.engine.ClientAuth;
import dev.scopemock.engine.ClientCertificate;
import dev.scopemock.engine.HttpsOptions;
import dev.scopemock.engine.ServerCertificate;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * One engine's TLS material: its CA, its server key store, the trust store clients need, the client certificates it
 * issues and the Jetty {@link SslContextFactory.Server}s of its HTTPS ports (one per client-auth mode, built on first
 * use). Everything is per engine and in memory: no default {@code SSLContext}, system property or security provider
 * is touched.
 */
public final class EngineTls implements AutoCloseable {

    /** The alias of the trust anchor in {@link #trustStore()}. */
    public static final String TRUST_ALIAS = "scopemock-ca";
    private static final List<String> LOOPBACK_NAMES = List.of("localhost");
    private static final List<String> LOOPBACK_ADDRESSES = List.of("127.0.0.1", "::1");

    private final CertificateAuthority ca;
    private final KeyStore serverKeys;
    private final String serverAlias;
    private final String password;
    private final X509Certificate trustAnchor;
    private final ClientAuth clientAuth;
    private final SecureRandom random = new SecureRandom();
    /** Guarded by {@code this}. */
    private final Map<ClientAuth, SslContextFactory.Server> servers = new EnumMap<>(ClientAuth.class);

    private EngineTls(CertificateAuthority ca, KeyStore serverKeys, String serverAlias, String password,
                      X509Certificate trustAnchor, ClientAuth clientAuth) {
        this.ca = ca;
        this.serverKeys = serverKeys;
        this.serverAlias = serverAlias;
        this.password = password;
        this.trustAnchor = trustAnchor;
        this.clientAuth = clientAuth;
    }

    /**
     * Generates the CA and, unless the options bring a key store, the server certificate.
     *
     * @param bindAddress added to the certificate's names when it is not a loopback or wildcard address
     */
    public static EngineTls create(HttpsOptions options, String bindAddress) {
        SecureRandom random = new SecureRandom();
        byte[] id = new byte[4];
        random.nextBytes(id);
        CertificateAuthority ca = CertificateAuthority.generate("Scopemock engine CA " + HexFormat.of().formatHex(id));
        if (options.certificate() instanceof ServerCertificate.FromKeyStore own) {
            return new EngineTls(ca, own.keyStore(), own.alias(), own.password(), lastOfChain(own),
                    options.clientAuth());
        }
        List<String> names = new ArrayList<>(LOOPBACK_NAMES);
        List<String> addresses = new ArrayList<>(LOOPBACK_ADDRESSES);
        if (!isWildcard(bindAddress) && !names.contains(bindAddress) && !addresses.contains(bindAddress)) {
            (isIpLiteral(bindAddress) ? addresses : names).add(bindAddress);
        }
        CertificateAuthority.Issued server = ca.issueServer(names, addresses);
        byte[] secret = new byte[16];
        random.nextBytes(secret);
        String password = HexFormat.of().formatHex(secret);
        KeyStore keys = keyStore(server.privateKey(), password.toCharArray(), "server", server.certificate(),
                server.issuer());
        return new EngineTls(ca, keys, "server", password, ca.certificate(), options.clientAuth());
    }

    private static X509Certificate lastOfChain(ServerCertificate.FromKeyStore own) {
        try {
            Certificate[] chain = own.keyStore().getCertificateChain(own.alias());
            if (chain == null || chain.length == 0 || !(chain[chain.length - 1] instanceof X509Certificate last)) {
                throw new IllegalArgumentException("ServerCertificate.fromKeyStore: the entry '" + own.alias()
                        + "' has no X.509 certificate chain. Fix: store the key with its certificate chain.");
            }
            return last;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("ServerCertificate.fromKeyStore: the key store cannot be read: "
                    + e.getMessage(), e);
        }
    }

    private static boolean isWildcard(String address) {
        return address.equals("0.0.0.0") || address.equals("::") || address.equals("[::]") || address.isEmpty();
    }

    private static boolean isIpLiteral(String address) {
        return address.contains(":") || address.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
    }

    /** Whether clients are asked for a certificate on the engine's main HTTPS port. */
    public ClientAuth clientAuth() {
        return clientAuth;
    }

    /** The certificate clients trust: the engine's CA, or the top of a user-supplied chain. */
    public X509Certificate trustAnchor() {
        return trustAnchor;
    }

    /** A new in-memory key store holding the trust anchor only (a copy per call: key stores are mutable). */
    public KeyStore trustStore() {
        return certificateStore(trustAnchor);
    }

    /** Issues a client certificate signed by the engine's CA. */
    public ClientCertificate issueClient(String commonName) {
        CertificateAuthority.Issued issued = ca.issueClient(commonName);
        return new ClientCertificate(issued.privateKey(), issued.certificate(), issued.issuer());
    }

    /**
     * A client-side context that trusts {@link #trustAnchor()} and, when {@code certificate} is given, presents it.
     *
     * @param certificate the client certificate, or null for none
     */
    public SSLContext clientContext(ClientCertificate certificate) {
        return SslContexts.client(trustStore(), certificate == null ? null : keyManagers(certificate));
    }

    private KeyManager[] keyManagers(ClientCertificate certificate) {
        byte[] secret = new byte[12];
        random.nextBytes(secret);
        char[] storePassword = HexFormat.of().formatHex(secret).toCharArray();
        try {
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(certificate.keyStore(storePassword), storePassword);
            return factory.getKeyManagers();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not use " + certificate + " as key material: " + e.getMessage(), e);
        }
    }

    /**
     * The started server-side factory for HTTPS ports with the given client-auth mode; client certificates are
     * checked against the engine's CA.
     */
    public synchronized SslContextFactory.Server serverFactory(ClientAuth mode) {
        SslContextFactory.Server existing = servers.get(mode);
        if (existing != null) {
            return existing;
        }
        SslContextFactory.Server factory = new SslContextFactory.Server();
        factory.setKeyStore(serverKeys);
        factory.setKeyStorePassword(password);
        factory.setKeyManagerPassword(password);
        factory.setCertAlias(serverAlias);
        factory.setTrustStore(certificateStore(ca.certificate()));
        factory.setNeedClientAuth(mode == ClientAuth.NEED);
        factory.setWantClientAuth(mode == ClientAuth.WANT);
        try {
            // started here, before any connector holds it, so connectors treat it as unmanaged: stopping one
            // connector (a scope's port) must not stop a factory the others share
            factory.start();
        } catch (Exception e) {
            throw new IllegalStateException("could not set up TLS for the engine's HTTPS port: " + e.getMessage(), e);
        }
        servers.put(mode, factory);
        return factory;
    }

    private static KeyStore certificateStore(X509Certificate certificate) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry(TRUST_ALIAS, certificate);
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("could not build a trust store: " + e.getMessage(), e);
        }
    }

    private static KeyStore keyStore(PrivateKey key, char[] password, String alias, X509Certificate... chain) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(alias, key, password, chain);
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("could not build the server key store: " + e.getMessage(), e);
        }
    }

    /** Stops the server-side factories. */
    @Override
    public synchronized void close() {
        for (SslContextFactory.Server factory : servers.values()) {
            try {
                factory.stop();
            } catch (Exception ignored) {
                // holds no threads or sockets; nothing left to release
            }
        }
        servers.clear();
    }

    /** Builds client-side {@link SSLContext}s (never the JVM's default one). */
    static final class SslContexts {
        private SslContexts() {
        }

        static SSLContext client(KeyStore trustStore, KeyManager[] keyManagers) {
            try {
                TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(trustStore);
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(keyManagers, trust.getTrustManagers(), null);
                return context;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("could not build a client SSLContext: " + e.getMessage(), e);
            }
        }
    }
}
