package dev.scopemock.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.apiguardian.api.API;

/**
 * Runs the engine standalone:
 * {@code java -jar scopemock-engine-<version>-standalone.jar --port 8910 [--bind 127.0.0.1] [--stubs FILE_OR_DIR]...
 * [--journal-limit N]}. Prints {@code Scopemock engine listening on <url>} when ready and stops cleanly on SIGTERM.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Main {

    private static final List<String> OPTIONS = List.of("--port", "--bind", "--stubs", "--journal-limit");

    private Main() {
    }

    /**
     * Parses the arguments, starts the engine and waits until the JVM is asked to stop.
     *
     * @param args command-line arguments
     * @throws InterruptedException when interrupted while waiting
     */
    public static void main(String[] args) throws InterruptedException {
        EngineOptions options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("scopemock: " + e.getMessage());
            System.err.println(usage());
            System.exit(2);
            return;
        }
        MockEngine engine;
        try {
            engine = MockEngine.start(options);
        } catch (RuntimeException e) {
            System.err.println("scopemock: could not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            engine.close();
            System.out.println("Scopemock engine stopped");
            stopped.countDown();
        }, "scopemock-shutdown"));
        System.out.println("Scopemock engine listening on " + engine.baseUrl());
        System.out.flush();
        stopped.await();
    }

    static EngineOptions parse(String[] args) {
        EngineOptions options = EngineOptions.defaults().withPort(8910);
        List<Path> stubFiles = new ArrayList<>();
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
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        return options.withStubFiles(stubFiles);
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
                + " [--stubs FILE_OR_DIR]... [--journal-limit 10000]";
    }
}
