package dev.scopemock.junit.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The standalone engine ({@code dev.scopemock.engine.Main --port 0}) in a child JVM, so the extension can only reach
 * it over HTTP. Closing destroys the process.
 */
public final class StandaloneEngine implements AutoCloseable {

    private static final String READY = "Scopemock engine listening on ";

    private final Process process;
    private final String url;

    private StandaloneEngine(Process process, String url) {
        this.process = process;
        this.url = url;
    }

    /** Starts the engine and waits (up to 30 s) for its ready line. */
    public static StandaloneEngine start() {
        return start(new String[0]);
    }

    /** Starts the engine with more options (e.g. {@code --https-port 0}) and waits for its first ready line. */
    public static StandaloneEngine start(String... options) {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin",
                "java").toString(), "-cp", System.getProperty("java.class.path"), "dev.scopemock.engine.Main",
                "--port", "0"));
        command.addAll(List.of(options));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CompletableFuture<String> ready = new CompletableFuture<>();
        Thread pump = new Thread(() -> readLines(process, ready), "standalone-engine-output");
        pump.setDaemon(true);
        pump.start();
        try {
            return new StandaloneEngine(process, ready.get(30, TimeUnit.SECONDS));
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("the standalone engine did not start: " + e, e);
        }
    }

    private static void readLines(Process process, CompletableFuture<String> ready) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                int at = line.indexOf(READY);
                if (at >= 0) {
                    ready.complete(line.substring(at + READY.length()).trim());
                }
            }
            ready.completeExceptionally(new IllegalStateException("the engine exited before it was ready"));
        } catch (IOException e) {
            ready.completeExceptionally(e);
        }
    }

    /** The engine's base URL, e.g. {@code http://127.0.0.1:41234}. */
    public String url() {
        return url;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
