package dev.scopemock.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scopemock.engine.support.ChildJvm;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StandaloneMainTest {

    private static final String MAIN = "dev.scopemock.engine.Main";
    private static final String LISTENING = "Scopemock engine listening on ";
    private static final String USAGE = "usage: java -jar scopemock-engine-standalone.jar [--port 8910]"
            + " [--bind 127.0.0.1] [--stubs FILE_OR_DIR]... [--journal-limit 10000]"
            + " [--https-port N [--client-auth none|want|need] [--ca-out FILE]"
            + " [--keystore FILE [--keystore-password PASSWORD]]]\n";
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void servesStubFileOnBoundPortAndStopsOnSigterm() throws Exception {
        Path stubs = Files.writeString(dir.resolve("demo.json"), "[{\"request\": {\"path\": \"/demo\"},"
                + " \"action\": {\"response\": {\"status_code\": 200, \"headers\": {}, \"body\": \"demo\"}}}]");
        long started = System.nanoTime();

        try (ChildJvm main = ChildJvm.start(MAIN, "--port", "0", "--stubs", stubs.toString())) {
            String listening = main.awaitStdoutLine(LISTENING, TIMEOUT);
            URI base = URI.create(listening.substring(LISTENING.length()));
            HttpResponse<String> demo = get(base.resolve("/demo"));
            long startupMillis = (System.nanoTime() - started) / 1_000_000;
            System.out.println("Standalone start-up (process start -> first answered request): " + startupMillis
                    + " ms");

            assertThat(listening).matches("Scopemock engine listening on http://127\\.0\\.0\\.1:\\d+");
            assertThat(base.getPort()).isPositive();
            assertThat(demo.statusCode()).isEqualTo(200);
            assertThat(demo.body()).isEqualTo("demo");
            main.terminate();
            assertThat(main.awaitStdoutLine("Scopemock engine stopped", Duration.ofSeconds(5)))
                    .isEqualTo("Scopemock engine stopped");
            assertThat(main.awaitExit(Duration.ofSeconds(5))).isEqualTo(143);
        }
    }

    @Test
    void exitsWithTwoOnBadArguments() {
        try (ChildJvm notANumber = ChildJvm.start(MAIN, "--port", "abc");
             ChildJvm unknown = ChildJvm.start(MAIN, "--verbose");
             ChildJvm missingValue = ChildJvm.start(MAIN, "--stubs")) {

            int notANumberExit = notANumber.awaitExit(TIMEOUT);
            int unknownExit = unknown.awaitExit(TIMEOUT);
            int missingValueExit = missingValue.awaitExit(TIMEOUT);

            assertThat(notANumberExit).isEqualTo(2);
            assertThat(notANumber.stderr()).isEqualTo("scopemock: --port takes a number, found 'abc'\n" + USAGE);
            assertThat(unknownExit).isEqualTo(2);
            assertThat(unknown.stderr()).isEqualTo("scopemock: unknown option --verbose\n" + USAGE);
            assertThat(missingValueExit).isEqualTo(2);
            assertThat(missingValue.stderr()).isEqualTo("scopemock: option --stubs needs a value\n" + USAGE);
        }
    }

    @Test
    void servesHttpsNextToHttpAndWritesTheCaCertificateForOtherProcesses() throws Exception {
        Path stubs = Files.writeString(dir.resolve("demo.json"), "[{\"request\": {\"path\": \"/demo\"},"
                + " \"action\": {\"response\": {\"status_code\": 200, \"headers\": {}, \"body\": \"demo\"}}}]");
        Path caFile = dir.resolve("scopemock-ca.pem");

        try (ChildJvm main = ChildJvm.start(MAIN, "--port", "0", "--https-port", "0", "--ca-out", caFile.toString(),
                "--stubs", stubs.toString())) {
            String http = main.awaitStdoutLine(LISTENING, TIMEOUT);
            String https = main.awaitStdoutLine(LISTENING, TIMEOUT);
            URI httpsBase = URI.create(https.substring(LISTENING.length()));
            String pem = Files.readString(caFile);
            HttpClient trusting = HttpClient.newBuilder().sslContext(EngineTlsContexts.trustingOnly(pem)).build();
            HttpResponse<String> overHttps = trusting.send(HttpRequest.newBuilder(httpsBase.resolve("/demo"))
                    .timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> caOverHttp = get(URI.create(http.substring(LISTENING.length()) + "/__mock__/ca.pem"));

            assertThat(http).matches("Scopemock engine listening on http://127\\.0\\.0\\.1:\\d+");
            assertThat(https).matches("Scopemock engine listening on https://127\\.0\\.0\\.1:\\d+");
            assertThat(pem).startsWith("-----BEGIN CERTIFICATE-----\n").endsWith("-----END CERTIFICATE-----\n");
            assertThat(caOverHttp.body()).isEqualTo(pem);
            assertThat(overHttps.statusCode()).isEqualTo(200);
            assertThat(overHttps.body()).isEqualTo("demo");
            assertThat(overHttps.version()).isEqualTo(HttpClient.Version.HTTP_2);
            assertThat(Files.exists(dir.resolve("scopemock-ca.pem.tmp"))).isFalse();
        }
    }

    @Test
    void refusesClientsWithoutCertificateWhenStartedWithClientAuthNeed() throws Exception {
        Path caFile = dir.resolve("ca.pem");

        try (ChildJvm main = ChildJvm.start(MAIN, "--port", "0", "--https-port", "0", "--client-auth", "need",
                "--ca-out", caFile.toString())) {
            main.awaitStdoutLine(LISTENING, TIMEOUT);
            URI httpsBase = URI.create(main.awaitStdoutLine(LISTENING, TIMEOUT).substring(LISTENING.length()));
            HttpClient anonymous = HttpClient.newBuilder()
                    .sslContext(EngineTlsContexts.trustingOnly(Files.readString(caFile))).build();

            assertThatThrownBy(() -> anonymous.send(HttpRequest.newBuilder(httpsBase.resolve("/x")).timeout(TIMEOUT)
                    .build(), HttpResponse.BodyHandlers.ofString())).isInstanceOf(SSLHandshakeException.class)
                    .hasMessage("Received fatal alert: bad_certificate");
        }
    }

    @Test
    void exitsWithTwoOnBadHttpsArguments() {
        try (ChildJvm badMode = ChildJvm.start(MAIN, "--https-port", "0", "--client-auth", "maybe");
             ChildJvm noHttps = ChildJvm.start(MAIN, "--ca-out", "ca.pem");
             ChildJvm badPort = ChildJvm.start(MAIN, "--https-port", "70000")) {

            assertThat(badMode.awaitExit(TIMEOUT)).isEqualTo(2);
            assertThat(badMode.stderr()).isEqualTo("scopemock: --client-auth takes none, want or need, found 'maybe'\n"
                    + USAGE);
            assertThat(noHttps.awaitExit(TIMEOUT)).isEqualTo(2);
            assertThat(noHttps.stderr()).isEqualTo("scopemock: --ca-out needs HTTPS; add --https-port N (0 for a free"
                    + " port)\n" + USAGE);
            assertThat(badPort.awaitExit(TIMEOUT)).isEqualTo(2);
            assertThat(badPort.stderr()).isEqualTo("scopemock: --https-port takes a port from 0 to 65535, found 70000\n"
                    + USAGE);
        }
    }

    /** What another process does with the {@code --ca-out} file: trust that certificate and nothing else. */
    @Test
    void exitsWithOneNamingTheBadStubFile() throws IOException {
        Path stubs = Files.writeString(dir.resolve("bad.json"), "[{\"request\": {}}]");

        try (ChildJvm main = ChildJvm.start(MAIN, "--port", "0", "--stubs", stubs.toString())) {
            int exit = main.awaitExit(TIMEOUT);

            assertThat(exit).isEqualTo(1);
            assertThat(main.stderr()).isEqualTo("scopemock: could not start: stub file " + stubs
                    + " has invalid entries:\n  entry 0, field action: Field required\n");
        }
    }

    private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return client.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
