package dev.scopemock.engine.internal.tls;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority generated in memory for one engine: an EC P-256 key and a self-signed CA certificate, used to
 * issue the engine's server certificate and client certificates for mTLS. BouncyCastle only builds the X.509
 * structures; keys, signatures and certificate parsing use the JDK's own providers, so no security provider is
 * registered (nothing JVM-global changes). Nothing is written to disk.
 */
public final class CertificateAuthority {

    /** How long certificates stay valid: long enough for any test run, short enough to be worthless if leaked. */
    public static final Duration VALIDITY = Duration.ofDays(3);
    /** How far into the past validity starts, so a peer whose clock is a little behind still accepts them. */
    private static final Duration BACKDATE = Duration.ofHours(1);
    private static final String SIGNATURE = "SHA256withECDSA";

    private final KeyPair keys;
    private final X509Certificate certificate;
    private final X500Name subject;
    private final SecureRandom random;

    private CertificateAuthority(KeyPair keys, X509Certificate certificate, X500Name subject, SecureRandom random) {
        this.keys = keys;
        this.certificate = certificate;
        this.subject = subject;
        this.random = random;
    }

    /**
     * Generates a fresh CA.
     *
     * @param commonName the CA's CN, e.g. {@code Scopemock engine CA 1f3a}
     */
    public static CertificateAuthority generate(String commonName) {
        SecureRandom random = new SecureRandom();
        KeyPair keys = newKeyPair(random);
        X500Name subject = name(commonName);
        Instant now = Instant.now();
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial(random),
                    Date.from(now.minus(BACKDATE)), Date.from(now.plus(VALIDITY)), subject, keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(keys.getPublic()));
            return new CertificateAuthority(keys, sign(builder, keys.getPrivate()), subject, random);
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("could not generate the engine's CA certificate: " + e.getMessage(), e);
        }
    }

    /** The CA's certificate: what a client trusts to accept the engine's certificates. */
    public X509Certificate certificate() {
        return certificate;
    }

    /**
     * Issues a server certificate.
     *
     * @param dnsNames subject alternative DNS names, e.g. {@code localhost}
     * @param ipAddresses subject alternative IP addresses, e.g. {@code 127.0.0.1}, {@code ::1}
     */
    public Issued issueServer(List<String> dnsNames, List<String> ipAddresses) {
        List<GeneralName> names = new ArrayList<>();
        dnsNames.forEach(n -> names.add(new GeneralName(GeneralName.dNSName, n)));
        ipAddresses.forEach(ip -> names.add(new GeneralName(GeneralName.iPAddress, ip)));
        String commonName = dnsNames.isEmpty() ? ipAddresses.get(0) : dnsNames.get(0);
        return issue(commonName, KeyPurposeId.id_kp_serverAuth,
                KeyUsage.digitalSignature | KeyUsage.keyEncipherment,
                new GeneralNames(names.toArray(new GeneralName[0])));
    }

    /**
     * Issues a client certificate for mTLS.
     *
     * @param commonName the subject's CN
     */
    public Issued issueClient(String commonName) {
        return issue(commonName, KeyPurposeId.id_kp_clientAuth, KeyUsage.digitalSignature, null);
    }

    private Issued issue(String commonName, KeyPurposeId purpose, int keyUsage, GeneralNames alternativeNames) {
        KeyPair leaf = newKeyPair(random);
        Instant now = Instant.now();
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial(random),
                    Date.from(now.minus(BACKDATE)), Date.from(now.plus(VALIDITY)), name(commonName), leaf.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(leaf.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            extensions.createAuthorityKeyIdentifier(certificate));
            if (alternativeNames != null) {
                builder.addExtension(Extension.subjectAlternativeName, false, alternativeNames);
            }
            return new Issued(leaf.getPrivate(), sign(builder, keys.getPrivate()), certificate);
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("could not issue a certificate for '" + commonName + "': "
                    + e.getMessage(), e);
        }
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signer)
            throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter().getCertificate(builder.build(
                    new JcaContentSignerBuilder(SIGNATURE).build(signer)));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e.getMessage(), e);
        }
    }

    private static KeyPair newKeyPair(SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot generate EC P-256 keys: " + e.getMessage(), e);
        }
    }

    private static BigInteger serial(SecureRandom random) {
        return new BigInteger(127, random).add(BigInteger.ONE);
    }

    private static X500Name name(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "Scopemock")
                .addRDN(BCStyle.CN, commonName).build();
    }

    /**
     * A certificate issued by this CA with its private key.
     *
     * @param privateKey the subject's key
     * @param certificate the issued certificate
     * @param issuer the CA certificate that signed it
     */
    public record Issued(PrivateKey privateKey, X509Certificate certificate, X509Certificate issuer) {

        @Override
        public String toString() {
            return certificate.getSubjectX500Principal().getName();
        }
    }
}
