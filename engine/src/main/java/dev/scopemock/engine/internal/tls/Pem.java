package dev.scopemock.engine.internal.tls;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/** PEM text for certificates ({@code CERTIFICATE}) and private keys ({@code PRIVATE KEY}, PKCS#8), both ways. */
public final class Pem {

    private static final String KEY_BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String KEY_END = "-----END PRIVATE KEY-----";

    private Pem() {
    }

    /** The certificate as a {@code -----BEGIN CERTIFICATE-----} block ending with a newline. */
    public static String certificate(X509Certificate certificate) {
        try {
            return block("CERTIFICATE", certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("could not encode certificate " + certificate.getSubjectX500Principal()
                    + ": " + e.getMessage(), e);
        }
    }

    /** The key as an unencrypted PKCS#8 {@code -----BEGIN PRIVATE KEY-----} block ending with a newline. */
    public static String privateKey(PrivateKey key) {
        return block("PRIVATE KEY", key.getEncoded());
    }

    /**
     * Reads the first certificate of a PEM text.
     *
     * @throws IllegalArgumentException when the text holds no X.509 certificate
     */
    public static X509Certificate readCertificate(String pem) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException | ClassCastException e) {
            throw new IllegalArgumentException("expected a PEM X.509 certificate (-----BEGIN CERTIFICATE-----),"
                    + " found " + (pem.length() > 40 ? pem.substring(0, 40) + "..." : pem) + ": " + e.getMessage(),
                    e);
        }
    }

    /**
     * Reads a PKCS#8 {@code PRIVATE KEY} block.
     *
     * @param algorithm the key algorithm, e.g. {@code EC}
     * @throws IllegalArgumentException when the text holds no such key
     */
    public static PrivateKey readPrivateKey(String pem, String algorithm) {
        int begin = pem.indexOf(KEY_BEGIN);
        int end = pem.indexOf(KEY_END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("expected a PEM PKCS#8 private key (" + KEY_BEGIN + "), found none");
        }
        try {
            byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin + KEY_BEGIN.length(), end));
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("expected a PEM PKCS#8 " + algorithm + " private key, but it could"
                    + " not be read: " + e.getMessage(), e);
        }
    }

    private static String block(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
