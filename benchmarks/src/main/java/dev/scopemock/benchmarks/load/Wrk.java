package dev.scopemock.benchmarks.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs {@code wrk -t2 -c32 --latency} against one URL and reads its summary. */
final class Wrk {

    /** What one run reported; latencies in microseconds. */
    record Result(long requests, double requestsPerSecond, double p50Micros, double p99Micros, long non2xx,
                  long socketErrors, String raw) {
    }

    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in");
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern P50 = Pattern.compile("\\s50%\\s+([0-9.]+)(us|ms|s)");
    private static final Pattern P99 = Pattern.compile("\\s99%\\s+([0-9.]+)(us|ms|s)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern SOCKET = Pattern.compile(
            "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    private final int threads;
    private final int connections;

    Wrk(int threads, int connections) {
        this.threads = threads;
        this.connections = connections;
    }

    Result run(int port, Scenario scenario, int seconds, LongConsumer started) {
        List<String> command = new ArrayList<>(List.of("wrk", "-t" + threads, "-c" + connections, "-d" + seconds + "s",
                "--latency", "--timeout", "10s"));
        if (scenario.requestScope != null) {
            command.add("-H");
            command.add(scenario.requestScope + ": 1");
        }
        command.add("http://127.0.0.1:" + port + scenario.requestPath);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            started.accept(process.pid());
            try {
                String out;
                try (var in = process.getInputStream()) {
                    out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                if (!process.waitFor(seconds + 60L, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("wrk did not finish");
                }
                return parse(out);
            } finally {
                process.destroy();
            }
        } catch (IOException e) {
            throw new IllegalStateException("wrk could not run: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static Result parse(String out) {
        Matcher requests = REQUESTS.matcher(out);
        Matcher rate = RATE.matcher(out);
        if (!requests.find() || !rate.find()) {
            throw new IllegalStateException("unexpected wrk output:\n" + out);
        }
        long non2xx = 0;
        Matcher bad = NON_2XX.matcher(out);
        if (bad.find()) {
            non2xx = Long.parseLong(bad.group(1));
        }
        long socketErrors = 0;
        Matcher socket = SOCKET.matcher(out);
        if (socket.find()) {
            for (int g = 1; g <= 4; g++) {
                socketErrors += Long.parseLong(socket.group(g));
            }
        }
        return new Result(Long.parseLong(requests.group(1)), Double.parseDouble(rate.group(1)),
                micros(P50.matcher(out)), micros(P99.matcher(out)), non2xx, socketErrors, out);
    }

    private static double micros(Matcher matcher) {
        if (!matcher.find()) {
            return Double.NaN;
        }
        double value = Double.parseDouble(matcher.group(1));
        return switch (matcher.group(2)) {
            case "us" -> value;
            case "ms" -> value * 1_000;
            default -> value * 1_000_000;
        };
    }
}
