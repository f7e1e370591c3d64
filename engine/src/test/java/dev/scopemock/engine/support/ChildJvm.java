package dev.scopemock.engine.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A main class run in a child JVM with the test classpath. Stdout and stderr are collected line by line on daemon
 * threads so a test can wait for a line with a timeout; {@link #close()} kills the process if it is still alive.
 */
public final class ChildJvm implements AutoCloseable {

    private static final String EOF = "\u0000EOF";

    private final Process process;
    private final BlockingQueue<String> stdout = new LinkedBlockingQueue<>();
    private final List<String> stdoutSeen = new ArrayList<>();
    private final StringBuffer stderr = new StringBuffer();
    private final Thread stderrPump;

    private ChildJvm(Process process) {
        this.process = process;
        pump(process.getInputStream(), stdout::add, true, "stdout");
        this.stderrPump = pump(process.getErrorStream(), line -> stderr.append(line).append('\n'), false,
                "stderr");
    }

    /** Starts {@code java -cp <test classpath> mainClass args...}. */
    public static ChildJvm start(String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(List.of(args));
        try {
            return new ChildJvm(new ProcessBuilder(command).start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Thread pump(InputStream in, Consumer<String> sink, boolean markEnd, String name) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    sink.accept(line);
                }
            } catch (IOException ignored) {
                // the process went away
            } finally {
                if (markEnd) {
                    sink.accept(EOF);
                }
            }
        }, "child-" + name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Waits for the next stdout line starting with {@code prefix}; fails with what was seen on timeout or EOF. */
    public String awaitStdoutLine(String prefix, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                String line = stdout.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (line == null || line.equals(EOF)) {
                    throw new AssertionError("no stdout line starting with '" + prefix + "' within " + timeout
                            + (line == null ? "" : " (stdout closed)") + "; stdout so far: " + stdoutSeen
                            + "; stderr: " + stderr);
                }
                stdoutSeen.add(line);
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits for the process to exit and returns its exit code. */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("the process did not exit within " + timeout + "; stderr: " + stderr);
            }
            stderrPump.join(timeout.toMillis());
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends SIGTERM (on Unix) like {@code kill PID}. Goes through the {@link ProcessHandle}: {@link Process#destroy()}
     * also closes our ends of the pipes, which would lose what the process prints while shutting down.
     */
    public void terminate() {
        process.toHandle().destroy();
    }

    /** Everything the process wrote to stderr so far. */
    public String stderr() {
        return stderr.toString();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
