package dev.scopemock.engine;

import dev.scopemock.engine.internal.tls.Pem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.UnaryOperator;
import org.apiguardian.api.API;

/**
 * Runs the engine standalone:
 * {@code java -jar scopemock-engine-<version>-standalone.jar --port 8910 [--bind 127.0.0.1] [--stubs FILE_OR_DIR]...
 * [--journal-limit N] [--https-port N [--client-auth none|want|need] [--ca-out FILE]
 * [--keystore FILE [--keystore-password PASSWORD]]]}. Prints
 * {@code Scopemock engine listening on <url>} when ready (a second such line with the {@code https://} URL when
 * {@code --https-port} is given, after the CA certificate has been written to the {@code --ca-out} file) and stops
 * cleanly on SIGTERM. {@code --keystore} serves a certificate of your own (a PKCS#12 or JKS store with one private-key
 * entry) instead of the generated one; its password comes from {@code --keystore-password} or, to keep it off the
 * command line, from the {@value #KEYSTORE_PASSWORD_VARIABLE} environment variable.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Main {

    private static final List<String> OPTIONS = List.of("--port", "--bind", "--stubs", "--journal-limit",
            "--https-port", "--client-auth", "--ca-out", "--keystore", "--keystore-password");
    private static final String LISTENING = "Scopemock engine listening on ";
    /** The environment variable {@code --keystore} reads its password from when no {@code --keystore-password}. */
    public static final String KEYSTORE_PASSWORD_VARIABLE = "SCOPEMOCK_KEYSTORE_PASSWORD";

    private Main() {
    }

    /**
     * Parses the arguments, starts the engine and waits until the JVM is asked to stop.
     *
     * @param args command-line arguments
     * @throws InterruptedException when interrupted while waiting
     */
    public static void main(String[] args) throws InterruptedException {
        Arguments arguments;
        try {
            arguments = parse(args, System::getenv);
        } catch (IllegalArgumentException e) {
            System.err.println("scopemock: " + e.getMessage());
            System.err.println(usage());
            System.exit(2);
            return;
        }
        MockEngine engine;
        try {
            engine = MockEngine.start(arguments.options());
        } catch (RuntimeException e) {
            System.err.println("scopemock: could not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        if (arguments.caOut() != null) {
            try {
                writeAtomically(arguments.caOut(), Pem.certificate(engine.caCertificate()));
            } catch (IOException e) {
                engine.close();
                System.err.println("scopemock: could not write the CA certificate to " + arguments.caOut() + ": "
                        + e.getMessage() + ". Fix: give --ca-out a writable file path.");
                System.exit(1);
                return;
            }
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            engine.close();
            System.out.println("Scopemock engine stopped");
            stopped.countDown();
        }, "scopemock-shutdown"));
        System.out.println(LISTENING + engine.baseUrl());
        if (engine.hasHttps()) {
            System.out.println(LISTENING + engine.httpsBaseUrl());
        }
        System.out.flush();
        stopped.await();
    }

    /** Writes the file under a temporary name first, so a process waiting for it never reads half of it. */
    private static void writeAtomically(Path target, String text) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path temporary = absolute.resolveSibling(absolute.getFileName() + ".tmp");
        Files.writeString(temporary, text, StandardCharsets.US_ASCII);
        try {
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException notAtomic) {
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The engine options and where to write the CA certificate (null: nowhere). */
    record Arguments(EngineOptions options, Path caOut) {
    }

    static Arguments parse(String[] args, UnaryOperator<String> environment) {
        EngineOptions options = EngineOptions.defaults().withPort(8910);
        List<Path> stubFiles = new ArrayList<>();
        HttpsOptions https = null;
        ClientAuth clientAuth = ClientAuth.NONE;
        Path caOut = null;
        Path keyStore = null;
        String keyStorePassword = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                System.out.println(usage());
                System.exit(0);
            }
            if (!OPTIONS.contains(arg)) {
                throw new IllegalArgumentException("unknown option " + arg);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + arg + " needs a value");
            }
            String value = args[++i];
            switch (arg) {
                case "--port" -> options = options.withPort(integer(arg, value));
                case "--bind" -> options = options.withBindAddress(value);
                case "--stubs" -> stubFiles.add(Path.of(value));
                case "--journal-limit" -> options = options.withJournalCapacity(integer(arg, value));
                case "--https-port" -> https = HttpsOptions.onPort(port(arg, value));
                case "--client-auth" -> clientAuth = clientAuth(value);
                case "--ca-out" -> caOut = Path.of(value);
                case "--keystore" -> keyStore = Path.of(value);
                case "--keystore-password" -> keyStorePassword = value;
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        String needsHttps = caOut != null ? "--ca-out" : keyStore != null ? "--keystore"
                : clientAuth != ClientAuth.NONE ? "--client-auth" : null;
        if (https == null && needsHttps != null) {
            throw new IllegalArgumentException(needsHttps + " needs HTTPS; add --https-port N (0 for a free port)");
        }
        if (keyStore == null && keyStorePassword != null) {
            throw new IllegalArgumentException("--keystore-password needs --keystore FILE");
        }
        if (https != null) {
            https = https.withClientAuth(clientAuth);
            if (keyStore != null) {
                String password = keyStorePassword != null ? keyStorePassword
                        : environment.apply(KEYSTORE_PASSWORD_VARIABLE);
                https = https.withCertificate(KeyStoreFile.load(keyStore, password));
            }
            options = options.withHttps(https);
        }
        return new Arguments(options.withStubFiles(stubFiles), caOut);
    }

    private static int port(String option, String value) {
        int port = integer(option, value);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(option + " takes a port from 0 to 65535, found " + port);
        }
        return port;
    }

    private static ClientAuth clientAuth(String value) {
        return switch (value) {
            case "none" -> ClientAuth.NONE;
            case "want" -> ClientAuth.WANT;
            case "need" -> ClientAuth.NEED;
            default -> throw new IllegalArgumentException("--client-auth takes none, want or need, found '" + value
                    + "'");
        };
    }

    private static int integer(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a number, found '" + value + "'");
        }
    }

    private static String usage() {
        return "usage: java -jar scopemock-engine-standalone.jar [--port 8910] [--bind 127.0.0.1]"
                + " [--stubs FILE_OR_DIR]... [--journal-limit 10000]"
                + " [--https-port N [--client-auth none|want|need] [--ca-out FILE]"
                + " [--keystore FILE [--keystore-password PASSWORD]]]";
    }
}
