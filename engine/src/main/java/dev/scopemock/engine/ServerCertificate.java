package dev.scopemock.engine;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Collections;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Where the engine's HTTPS certificate comes from: {@linkplain #generated() generated} at start-up and signed by the
 * engine's in-memory CA (the default), or {@linkplain #fromKeyStore(KeyStore, String) a key store of your own}.
 *
 * <pre>{@code
 * KeyStore mine = KeyStore.getInstance(Path.of("server.p12").toFile(), "secret".toCharArray());
 * EngineOptions options = EngineOptions.defaults()
 *         .withHttps(HttpsOptions.onFreePort().withCertificate(ServerCertificate.fromKeyStore(mine, "secret")));
 * }</pre>
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public sealed interface ServerCertificate permits ServerCertificate.Generated, ServerCertificate.FromKeyStore {

    /**
     * A certificate for {@code localhost}, {@code 127.0.0.1} and {@code ::1} (and the bind address, when it is
     * another one), generated at start-up, valid for a few days and signed by the engine's CA; kept in memory only.
     *
     * @return the default
     */
    static ServerCertificate generated() {
        return new Generated();
    }

    /**
     * The first private-key entry of a key store of your own, with its certificate chain. Clients trust the last
     * certificate of that chain ({@link MockEngine#caCertificate()}); the engine still generates its CA for client
     * certificates (mTLS).
     *
     * @param keyStore a loaded key store with one private-key entry
     * @param password the password of that entry (and of the store)
     * @return the choice
     * @throws IllegalArgumentException when the store holds no private-key entry readable with the password
     */
    static ServerCertificate fromKeyStore(KeyStore keyStore, String password) {
        return new FromKeyStore(keyStore, password);
    }

    /**
     * The generated certificate.
     *
     * @since 0.1
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    record Generated() implements ServerCertificate {
    }

    /**
     * A key store of your own.
     *
     * @param keyStore the store
     * @param password the password of its private-key entry
     * @since 0.1
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    record FromKeyStore(KeyStore keyStore, String password) implements ServerCertificate {

        /**
         * Checks that the store holds a private-key entry readable with the password.
         *
         * @param keyStore the store
         * @param password its password
         */
        public FromKeyStore {
            Objects.requireNonNull(keyStore, "keyStore");
            Objects.requireNonNull(password, "password");
            if (alias(keyStore, password) == null) {
                throw new IllegalArgumentException("ServerCertificate.fromKeyStore: expected a key store with a"
                        + " private-key entry, found none. Fix: put the server's key and certificate chain in the"
                        + " store (keytool -genkeypair or openssl pkcs12 -export).");
            }
        }

        /**
         * The alias of the first private-key entry.
         *
         * @return the alias
         */
        public String alias() {
            return alias(keyStore, password);
        }

        private static String alias(KeyStore keyStore, String password) {
            try {
                for (String alias : Collections.list(keyStore.aliases())) {
                    if (keyStore.isKeyEntry(alias) && keyStore.getKey(alias, password.toCharArray()) != null) {
                        return alias;
                    }
                }
                return null;
            } catch (GeneralSecurityException e) {
                throw new IllegalArgumentException("ServerCertificate.fromKeyStore: the key store's private-key"
                        + " entry could not be read with the given password: " + e.getMessage() + ". Fix: pass the"
                        + " entry's password.", e);
            }
        }

        @Override
        public String toString() {
            return "FromKeyStore[alias=" + alias() + "]";
        }
    }
}
