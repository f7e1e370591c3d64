package dev.scopemock.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scopemock.engine.internal.tls.CertificateAuthority;
import dev.scopemock.engine.internal.tls.Pem;
import dev.scopemock.engine.support.ChildJvm;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standalone engine's {@code --keystore}: HTTPS with a certificate of the user's own, and every way it is refused. */
class StandaloneKeyStoreTest {

    private static final String MAIN = "dev.scopemock.engine.Main";
    private static final String LISTENING = "Scopemock engine listening on ";
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Map<String, String> NO_ENVIRONMENT = Map.of();

    @TempDir
    Path dir;

    private CertificateAuthority theirs;
    private CertificateAuthority.Issued server;

    @BeforeEach
    void issueTheUsersCertificate() {
        theirs = CertificateAuthority.generate("Their CA");
        server = theirs.issueServer(List.of("localhost"), List.of("127.0.0.1"));
    }

    @Test
    void servesTheCertificateOfTheKeyStoreFileAndWritesTheTopOfItsChainAsTheCa() throws Exception {
        Path p12 = store("PKCS12", "server.p12", "secret");
        Path caFile = dir.resolve("ca.pem");

        try (ChildJvm main = ChildJvm.start(MAIN, "--port", "0", "--https-port", "0", "--keystore", p12.toString(),
                "--keystore-password", "secret", "--ca-out", caFile.toString())) {
            main.awaitStdoutLine(LISTENING, TIMEOUT);
            URI https = URI.create(main.awaitStdoutLine(LISTENING, TIMEOUT).substring(LISTENING.length()));
            SSLContext trusting = EngineTlsContexts.trustingOnly(Files.readString(caFile));
            X509Certificate[] served = ServerChain.fetch(https, trusting);
            HttpResponse<String> health = HttpClient.newBuilder().sslContext(trusting).build().send(
                    HttpRequest.newBuilder(https.resolve("/__mock__")).timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(served[0]).isEqualTo(server.certificate());
            assertThat(Pem.readCertificate(Files.readString(caFile))).isEqualTo(theirs.certificate());
            assertThat(health.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void readsJksStoresAndThePasswordFromTheEnvironment() throws Exception {
        Path jks = store("JKS", "server.jks", "from-env");

        Main.Arguments arguments = Main.parse(new String[] {"--https-port", "0", "--keystore", jks.toString()},
                Map.of(Main.KEYSTORE_PASSWORD_VARIABLE, "from-env")::get);

        assertThat(arguments.options().https().certificate())
                .isInstanceOfSatisfying(ServerCertificate.FromKeyStore.class,
                        chosen -> assertThat(chosen.alias()).isEqualTo("web"));
        try (MockEngine engine = MockEngine.start(arguments.options().withPort(0))) {
            assertThat(ServerChain.fetch(engine.httpsBaseUrl(), engine.clientSslContext())[0])
                    .isEqualTo(server.certificate());
        }
    }

    @Test
    void prefersThePasswordOptionToTheEnvironment() throws Exception {
        Path p12 = store("PKCS12", "server.p12", "right");

        Main.Arguments arguments = Main.parse(new String[] {"--https-port", "0", "--keystore", p12.toString(),
                "--keystore-password", "right"}, Map.of(Main.KEYSTORE_PASSWORD_VARIABLE, "wrong")::get);

        assertThat(arguments.options().https().certificate()).isInstanceOf(ServerCertificate.FromKeyStore.class);
    }

    @Test
    void refusesAWrongPassword() throws Exception {
        Path p12 = store("PKCS12", "server.p12", "right");

        assertThatThrownBy(() -> parse("--https-port", "0", "--keystore", p12.toString(), "--keystore-password",
                "wrong")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--keystore " + p12 + " could not be opened with the given password. Fix: pass the"
                        + " store's password.");
    }

    @Test
    void refusesAWrongPasswordForAJksStoreToo() throws Exception {
        Path jks = store("JKS", "server.jks", "right");

        assertThatThrownBy(() -> parse("--https-port", "0", "--keystore", jks.toString(), "--keystore-password",
                "wrong")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--keystore " + jks + " could not be opened with the given password. Fix: pass the"
                        + " store's password.");
    }

    @Test
    void explainsAnEntryPasswordThatDiffersFromTheStores() throws Exception {
        KeyStore store = KeyStore.getInstance("JKS");
        store.load(null, null);
        store.setKeyEntry("web", server.privateKey(), "entry".toCharArray(),
                new Certificate[] {server.certificate(), theirs.certificate()});
        Path jks = dir.resolve("two-passwords.jks");
        try (OutputStream out = Files.newOutputStream(jks)) {
            store.store(out, "store".toCharArray());
        }

        assertThatThrownBy(() -> parse("--https-port", "0", "--keystore", jks.toString(), "--keystore-password",
                "store")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--keystore " + jks + ": its private-key entry has a password other than the store's,"
                        + " and --keystore takes one password for both. Fix: give the entry the store's password"
                        + " (keytool -keypasswd -alias ALIAS -keystore " + jks + ").");
    }

    @Test
    void refusesADirectory() {
        assertThatThrownBy(() -> parse("--https-port", "0", "--keystore", dir.toString(), "--keystore-password",
                "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--keystore " + dir + ": no such readable file");
    }

    @Test
    void asksForThePasswordWhenNoneIsGiven() throws Exception {
        Path p12 = store("PKCS12", "server.p12", "secret");

        assertThatThrownBy(() -> parse("--https-port", "0", "--keystore", p12.toString()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--keystore " + p12 + " needs the store's password: add --keystore-password PASSWORD,"
                        + " or set the SCOPEMOCK_KEYSTORE_PASSWORD environment variable");
    }

    @Test
    void refusesAMissingFileAndAFileThatIsNoKeyStore() throws Exception {
        Path missing = dir.resolve("missing.p12");
        Path text = Files.writeString(dir.resolve("notes.txt"), "not a key store");

        assertThatThrownBy(() -> parse("--https-port", "0", "--keystore", missing.toString(),
                "--keystore-password", "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--keystore " + missing + ": no such readable file");
        assertThatThrownBy(() -> parse("--https-port", "0", "--keystore", text.toString(),
                "--keystore-password", "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--keystore " + text + " ")
                .hasMessageEndingWith(". Fix: give a PKCS#12 (.p12) or JKS key store.");
    }

    @Test
    void refusesAStoreWithoutPrivateKey() throws Exception {
        KeyStore trustOnly = KeyStore.getInstance("PKCS12");
        trustOnly.load(null, null);
        trustOnly.setCertificateEntry("ca", theirs.certificate());
        Path file = dir.resolve("trust.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            trustOnly.store(out, "secret".toCharArray());
        }

        assertThatThrownBy(() -> parse("--https-port", "0", "--keystore", file.toString(), "--keystore-password",
                "secret")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--keystore " + file + ": expected a key store with a private-key entry, found none."
                        + " Fix: put the server's key and certificate chain in the store (keytool -genkeypair or"
                        + " openssl pkcs12 -export).");
    }

    @Test
    void refusesKeyStoreOptionsWithoutHttps() {
        assertThatThrownBy(() -> parse("--keystore", "server.p12", "--keystore-password", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--keystore needs HTTPS; add --https-port N (0 for a free port)");
        assertThatThrownBy(() -> parse("--https-port", "0", "--keystore-password", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--keystore-password needs --keystore FILE");
    }

    @Test
    void exitsWithTwoNamingTheKeyStoreWhenStartedWithABadOne() {
        Path missing = dir.resolve("missing.p12");

        try (ChildJvm main = ChildJvm.start(MAIN, "--https-port", "0", "--keystore", missing.toString(),
                "--keystore-password", "x")) {
            assertThat(main.awaitExit(TIMEOUT)).isEqualTo(2);
            assertThat(main.stderr()).startsWith("scopemock: --keystore " + missing + ": no such readable file\n"
                    + "usage: ");
        }
    }

    private static Main.Arguments parse(String... args) {
        return Main.parse(args, NO_ENVIRONMENT::get);
    }

    private Path store(String type, String name, String password) throws Exception {
        KeyStore store = KeyStore.getInstance(type);
        store.load(null, null);
        store.setKeyEntry("web", server.privateKey(), password.toCharArray(),
                new Certificate[] {server.certificate(), theirs.certificate()});
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password.toCharArray());
        }
        return file;
    }
}
