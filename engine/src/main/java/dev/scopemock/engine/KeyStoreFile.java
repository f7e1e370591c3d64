package dev.scopemock.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;

/** Reads the standalone engine's {@code --keystore} file into a {@link ServerCertificate}, with messages for the CLI. */
final class KeyStoreFile {

    private KeyStoreFile() {
    }

    /**
     * Opens a PKCS#12 or JKS store (the JDK detects which) and takes its first private-key entry.
     *
     * @param file the store
     * @param password the store's and the entry's password, or null when none was given
     * @return the certificate choice
     * @throws IllegalArgumentException naming the file and the fix when it cannot be used
     */
    static ServerCertificate load(Path file, String password) {
        if (password == null) {
            throw new IllegalArgumentException("--keystore " + file + " needs the store's password: add"
                    + " --keystore-password PASSWORD, or set the " + Main.KEYSTORE_PASSWORD_VARIABLE
                    + " environment variable");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalArgumentException("--keystore " + file + ": no such readable file");
        }
        KeyStore store;
        try {
            store = KeyStore.getInstance(file.toFile(), password.toCharArray());
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new IllegalArgumentException("--keystore " + file + " could not be opened with the given"
                        + " password. Fix: pass the store's password.", e);
            }
            throw new IllegalArgumentException("--keystore " + file + " could not be read: " + e.getMessage()
                    + ". Fix: give a PKCS#12 (.p12) or JKS key store.", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("--keystore " + file + " is not a key store this JVM can read ("
                    + e.getMessage() + "). Fix: give a PKCS#12 (.p12) or JKS key store.", e);
        }
        try {
            return ServerCertificate.fromKeyStore(store, password);
        } catch (IllegalArgumentException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new IllegalArgumentException("--keystore " + file + ": its private-key entry has a password"
                        + " other than the store's, and --keystore takes one password for both. Fix: give the entry"
                        + " the store's password (keytool -keypasswd -alias ALIAS -keystore " + file + ").", e);
            }
            throw new IllegalArgumentException("--keystore " + file + ": "
                    + e.getMessage().replace("ServerCertificate.fromKeyStore: ", ""), e);
        }
    }
}
