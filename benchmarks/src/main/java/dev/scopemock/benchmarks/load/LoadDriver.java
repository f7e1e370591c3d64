package dev.scopemock.benchmarks.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Starts the raw Jetty handler, the standalone Scopemock engine (with a 128 MiB heap cap like the raw handler, and
 * once more with JVM defaults), WireMock and MockServer, each in its own JVM on its own free loopback port, timing
 * each one's start-up to the first answered request; then, scenario by scenario and server after server, registers
 * the same stub set through each one's admin API, drives wrk against the last registered stub and records req/s,
 * p50, p99, server CPU per request and RSS; and prints the table with the ratios. Every process it starts is stopped (also on
 * failure or interruption, by a shutdown hook; their ids go to {@code pids} for the calling script's trap too).
 * Run it through {@code benchmarks/scripts/load-driver.sh}.
 *
 * <p>Options: {@code --duration S} (measured wrk run, default 10), {@code --warmup S} (unmeasured wrk run before it,
 * default 3), {@code --startups N} (launches timed per server, default 3; the last one is measured), {@code --only
 * raw,scopemock,wiremock,mockserver}, {@code --scenarios one,literal,pattern,scopes}, {@code --root DIR} (the
 * repository, default the working directory), {@code --peers DIR} (default benchmarks/target/peers).
 */
public final class LoadDriver {

    /** One measured row. */
    record Row(Target target, Scenario scenario, long registrationMillis, long registrationCpuMillis, Wrk.Result wrk,
               double cpuMicrosPerRequest, long rssKib, double load, String journal, int journalKept,
               long journalEvicted) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RAW = "raw Jetty 12";
    private static final String SCOPEMOCK = "Scopemock";
    private static final String SCOPEMOCK_DEFAULTS = "Scopemock, JVM defaults";

    private final List<Process> live = new CopyOnWriteArrayList<>();
    private final Path root;
    private final Path out;
    private final Path pidFile;
    private final int duration;
    private final int warmup;
    private final int startups;
    private final long clockTicks;
    private final Http http = new Http();
    private final Wrk wrk = new Wrk(2, 32);
    private final List<Row> rows = new ArrayList<>();
    private final Map<String, List<Long>> startupMillis = new LinkedHashMap<>();
    private final Map<String, Long> finalRssKib = new LinkedHashMap<>();

    private LoadDriver(Path root, int duration, int warmup, int startups) throws IOException {
        this.root = root;
        this.out = root.resolve("benchmarks/target/load");
        Files.createDirectories(out);
        this.pidFile = out.resolve("pids");
        this.duration = duration;
        this.warmup = warmup;
        this.startups = startups;
        this.clockTicks = clockTicks();
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        Path root = Path.of(options.getOrDefault("--root", ".")).toAbsolutePath().normalize();
        Path peers = Path.of(options.getOrDefault("--peers", root.resolve("benchmarks/target/peers").toString()));
        List<String> only = Arrays.asList(options.getOrDefault("--only",
                        "raw,scopemock,scopemock-defaults,wiremock,mockserver")
                .split(","));
        List<Scenario> scenarios = new ArrayList<>();
        for (String name : options.getOrDefault("--scenarios", "one,literal,pattern,scopes").split(",")) {
            scenarios.add(Scenario.valueOf(name.toUpperCase(Locale.ROOT)));
        }
        LoadDriver driver = new LoadDriver(root, Integer.parseInt(options.getOrDefault("--duration", "10")),
                Integer.parseInt(options.getOrDefault("--warmup", "5")),
                Integer.parseInt(options.getOrDefault("--startups", "5")));
        Runtime.getRuntime().addShutdownHook(new Thread(driver::stopAll, "load-driver-cleanup"));

        // The raw handler and the engine run with the same heap cap (what a mock server needs; JVM defaults on a
        // 24 GiB machine let G1 grow the young generation into the 384 MiB initial heap, raw Jetty included). The
        // engine runs a second time with JVM defaults, and the peers with JVM defaults.
        String heap = options.getOrDefault("--heap", "128m");
        List<String> capped = heap.equals("none") ? List.of() : List.of("-Xmx" + heap);
        Path engineJar = single(root.resolve("engine/target"), "scopemock-engine-", "-standalone.jar");
        List<Target> targets = new ArrayList<>();
        if (only.contains("raw")) {
            targets.add(new Target.RawJetty());
        }
        if (only.contains("scopemock")) {
            targets.add(new Target.Scopemock(SCOPEMOCK, engineJar));
        }
        if (only.contains("scopemock-defaults") && !capped.isEmpty()) {
            targets.add(new Target.Scopemock(SCOPEMOCK_DEFAULTS, engineJar));
        }
        if (only.contains("wiremock")) {
            targets.add(new Target.WireMock(single(peers, "wiremock-standalone-", ".jar")));
        }
        if (only.contains("mockserver")) {
            targets.add(new Target.MockServer(single(peers, "mockserver-netty-", "-jar-with-dependencies.jar")));
        }
        for (Target target : targets) {
            if (target instanceof Target.RawJetty || target.name.equals(SCOPEMOCK)) {
                target.jvmOptions = capped;
            }
            String key = "--" + target.getClass().getSimpleName().toLowerCase(Locale.ROOT);
            if (options.containsKey(key + "-jvm") && !target.name.equals(SCOPEMOCK_DEFAULTS)) {
                target.jvmOptions = List.of(options.get(key + "-jvm").trim().split("\\s+"));
            }
            if (options.containsKey(key + "-args")) {
                target.extraArguments = List.of(options.get(key + "-args").trim().split("\\s+"));
            }
        }
        long began = System.nanoTime();
        System.out.printf("machine: %d cores, %s; JDK %s; wrk -t2 -c32 -d%ds (after a %ds warm-up) --latency%n",
                Runtime.getRuntime().availableProcessors(), memTotal(), System.getProperty("java.version"),
                driver.duration, driver.warmup);
        System.out.println("load average at start: " + loadAverage());
        driver.measureAll(targets, scenarios);
        String report = driver.report(began);
        System.out.println();
        System.out.println(report);
        Files.writeString(driver.out.resolve("results.md"), report, StandardCharsets.UTF_8);
        System.out.println("(also written to " + root.relativize(driver.out.resolve("results.md")) + ")");
    }

    /** A started server. */
    private record Running(Target target, Process process, int port) {
    }

    /**
     * Times {@code startups} launches of every target one after the other (the last launch keeps running), then runs
     * the scenarios one at a time across all targets, back to back, so that the ratios of one scenario are measured
     * minutes apart at most, under the same background load.
     */
    private void measureAll(List<Target> targets, List<Scenario> scenarios) throws IOException, InterruptedException {
        List<Running> running = new ArrayList<>();
        try {
            for (Target target : targets) {
                running.add(start(target));
            }
            for (Scenario scenario : scenarios) {
                System.out.println();
                System.out.println("== " + scenario.label);
                for (Running server : running) {
                    if (server.target.supports(scenario)) {
                        measure(server, scenario);
                    }
                }
            }
            for (Running server : running) {
                finalRssKib.put(server.target.name, rssKib(server.process.pid()));
            }
        } finally {
            for (Running server : running) {
                stop(server.process);
            }
        }
    }

    private Running start(Target target) throws IOException, InterruptedException {
        List<Long> starts = new ArrayList<>();
        Process server = null;
        int port = 0;
        for (int k = 1; k <= startups; k++) {
            port = freePort();
            long t0 = System.nanoTime();
            server = launch(target, port, k);
            long millis = awaitFirstAnswer(server, port, t0);
            starts.add(millis);
            if (k < startups) {
                stop(server);
            }
        }
        System.out.printf("%-26s start-up %s ms (load %.2f)%n", target.name, starts, loadOneMinute());
        startupMillis.put(target.name, starts);
        return new Running(target, server, port);
    }

    private void measure(Running running, Scenario scenario) throws IOException {
        Target target = running.target;
        int port = running.port;
        long pid = running.process.pid();
        target.reset(http, port);
        long r0 = System.nanoTime();
        long regCpu0 = cpuTicks(pid);
        target.register(http, port, scenario);
        long registration = (System.nanoTime() - r0) / 1_000_000;
        long regCpuMillis = (cpuTicks(pid) - regCpu0) * 1_000 / clockTicks;
        check(target, port, scenario);
        long served = 1;
        if (warmup > 0) {
            served += wrk.run(port, scenario, warmup, this::remember).requests();
        }
        long cpu0 = cpuTicks(pid);
        Wrk.Result result = wrk.run(port, scenario, duration, this::remember);
        long cpu1 = cpuTicks(pid);
        served += result.requests();
        double load = loadOneMinute();
        long rss = rssKib(pid);
        double cpuMicros = (cpu1 - cpu0) * (1_000_000.0 / clockTicks) / Math.max(1, result.requests());
        int kept = -1;
        long evicted = -1;
        String journal = "";
        if (target instanceof Target.Scopemock) {
            JsonNode listing = JSON.readTree(http.expectOk("GET", port, "/__mock__/requests?all=true", null).body());
            kept = listing.get("requests").size();
            evicted = listing.get("evicted").asLong();
            journal = String.format(Locale.ROOT, "journal keeps %,d, evicted %,d (wrk counted %,d requests)", kept,
                    evicted, served);
        }
        rows.add(new Row(target, scenario, registration, regCpuMillis, result, cpuMicros, rss, load, journal, kept,
                evicted));
        System.out.printf(Locale.ROOT, "  %-24s reg %,6d ms (server CPU %,d ms)  %,9.0f req/s  p50 %s  p99 %s  "
                        + "non-2xx %d  socket errors %d  CPU %.1f µs/req  RSS %d MiB  load %.2f  %s%n", target.name,
                registration, regCpuMillis, result.requestsPerSecond(), latency(result.p50Micros()),
                latency(result.p99Micros()), result.non2xx(), result.socketErrors(), cpuMicros, rss / 1024, load,
                journal);
    }

    /** One request before the load: the target must answer 200 "ok", so a wrong registration cannot look fast. */
    private void check(Target target, int port, Scenario scenario) {
        Http.Answer answer = scenario.requestScope == null ? http.send("GET", port, scenario.requestPath, null)
                : http.send("GET", port, scenario.requestPath, null, scenario.requestScope, "1");
        if (answer.status() != 200 || !answer.body().equals("ok")) {
            throw new IllegalStateException(target.name + " answered " + answer.status() + " "
                    + Http.abbreviate(answer.body()) + " to " + scenario.requestPath + " in " + scenario.label);
        }
    }

    private Process launch(Target target, int port, int attempt) throws IOException {
        String file = target.name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + "-" + attempt + ".log";
        Process process = new ProcessBuilder(target.command(root, port))
                .redirectErrorStream(true)
                .redirectOutput(out.resolve(file).toFile())
                .start();
        live.add(process);
        remember(process.pid());
        return process;
    }

    private void remember(long pid) {
        try {
            Files.writeString(pidFile, pid + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long awaitFirstAnswer(Process server, int port, long t0) throws InterruptedException {
        long deadline = t0 + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (Http.answers(port, "/")) {
                return (System.nanoTime() - t0) / 1_000_000;
            }
            if (!server.isAlive()) {
                throw new IllegalStateException("the server exited with " + server.exitValue() + " before answering");
            }
            Thread.sleep(2);
        }
        throw new IllegalStateException("no answer on port " + port + " within 60 s");
    }

    private void stop(Process process) throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
        live.remove(process);
    }

    private void stopAll() {
        for (Process process : live) {
            process.destroy();
        }
        for (Process process : live) {
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
            }
        }
    }

    // ---- the report ----

    private String report(long began) {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "Machine: %d cores, %s, JDK %s (%s). wrk -t2 -c32 -d%ds --latency after a "
                        + "%ds wrk warm-up, loopback, client and servers sharing the cores. Load average (1, 5, 15 min) "
                        + "at the end: %s. The run took %d s.%n%n",
                Runtime.getRuntime().availableProcessors(), memTotal(), System.getProperty("java.version"),
                System.getProperty("java.vm.name"), duration, warmup, loadAverage(),
                (System.nanoTime() - began) / 1_000_000_000L));
        md.append("| server | JVM options | stubs | registration (server CPU) | req/s | p50 | p99 | non-2xx / socket "
                + "errors | server CPU per request | RSS after | load (1 min) |\n");
        md.append("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Row row : rows) {
            boolean raw = row.target instanceof Target.RawJetty;
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %,.0f | %s | %s | %d / %d | %.1f µs | %d MiB "
                            + "| %.2f |%n",
                    row.target.name, row.target.jvmOptions.isEmpty() ? "defaults" : String.join(" ",
                            row.target.jvmOptions),
                    raw ? "(none: answers every request)" : row.scenario.label,
                    raw ? "-" : String.format(Locale.ROOT, "%,d ms (%,d ms)", row.registrationMillis,
                            row.registrationCpuMillis),
                    row.wrk.requestsPerSecond(), latency(row.wrk.p50Micros()), latency(row.wrk.p99Micros()),
                    row.wrk.non2xx(), row.wrk.socketErrors(), row.cpuMicrosPerRequest, row.rssKib / 1024, row.load));
        }
        md.append("\nStart-up to the first answered request (median; every launch in order):\n\n");
        md.append("| server | start-up | launches |\n| --- | ---: | --- |\n");
        for (Map.Entry<String, List<Long>> entry : startupMillis.entrySet()) {
            md.append(String.format("| %s | %d ms | %s ms |%n", entry.getKey(), median(entry.getValue()),
                    entry.getValue()));
        }
        md.append("\nRegistration: Scopemock one HTTP request per stub and per scope, sequential on one keep-alive "
                + "connection; WireMock and MockServer in bulk requests. Every scenario starts from the server's "
                + "reset, and one request is checked to answer 200 \"ok\" before the load.\n");
        for (Row row : rows) {
            if (!row.journal.isEmpty()) {
                md.append("- ").append(row.target.name).append(", ").append(row.scenario.label).append(": ")
                        .append(row.journal).append('\n');
            }
        }
        md.append("\nPeers run with JVM defaults. WireMock with --disable-request-logging (its setting for performance tests) and "
                + "otherwise its defaults (unbounded request journal); it has no scopes, "
                + "so the scoped scenario's stubs require the scope header to be present, and it tries stubs newest "
                + "first, so the last registered stub is its best case. MockServer with -Dmockserver.maxExpectations="
                + "20000 (it drops expectations beyond 5,000 otherwise) and log level WARN (INFO logs every request); "
                + "scopes as header-presence matchers, {param} as its pathParameters.\n");
        md.append(targets());
        return md.toString();
    }

    private String targets() {
        StringBuilder md = new StringBuilder("\n| target | measured | met |\n| --- | --- | --- |\n");
        Row raw = find(RAW, Scenario.ONE);
        Row one = find(SCOPEMOCK, Scenario.ONE);
        if (raw != null && one != null) {
            double rate = one.wrk.requestsPerSecond() / raw.wrk.requestsPerSecond();
            double cpu = one.cpuMicrosPerRequest / raw.cpuMicrosPerRequest;
            double p99 = one.wrk.p99Micros() / raw.wrk.p99Micros();
            md.append(line("1 stub: req/s >= 0.5x raw Jetty", String.format(Locale.ROOT, "%.2fx (%,.0f vs %,.0f)",
                    rate, one.wrk.requestsPerSecond(), raw.wrk.requestsPerSecond()), rate >= 0.5));
            md.append(line("1 stub: server CPU per request <= 2x raw Jetty", String.format(Locale.ROOT,
                    "%.2fx (%.1f vs %.1f µs)", cpu, one.cpuMicrosPerRequest, raw.cpuMicrosPerRequest), cpu <= 2));
            md.append(line("1 stub: p99 <= 2x raw Jetty", String.format(Locale.ROOT, "%.2fx (%s vs %s)", p99,
                    latency(one.wrk.p99Micros()), latency(raw.wrk.p99Micros())), p99 <= 2));
        }
        if (one != null) {
            for (Scenario scenario : List.of(Scenario.LITERAL, Scenario.PATTERN, Scenario.SCOPES)) {
                Row many = find(SCOPEMOCK, scenario);
                if (many != null) {
                    double ratio = many.wrk.requestsPerSecond() / one.wrk.requestsPerSecond();
                    md.append(line(scenario.label + ": >= 0.9x Scopemock's 1 stub", String.format(Locale.ROOT,
                            "%.2fx", ratio), ratio >= 0.9));
                }
            }
        }
        for (Target.Kind peer : List.of(Target.Kind.WIREMOCK, Target.Kind.MOCKSERVER)) {
            for (Scenario scenario : Scenario.values()) {
                Row ours = find(SCOPEMOCK, scenario);
                Row theirs = null;
                for (Row row : rows) {
                    if (row.target.kind() == peer && row.scenario == scenario) {
                        theirs = row;
                    }
                }
                if (ours != null && theirs != null) {
                    double ratio = ours.wrk.requestsPerSecond() / theirs.wrk.requestsPerSecond();
                    boolean many = scenario != Scenario.ONE;
                    md.append(line(scenario.label + ": faster than " + theirs.target.name + (many ? ", >= 100x" : ""),
                            String.format(Locale.ROOT, "%.1fx", ratio), many ? ratio >= 100 : ratio > 1));
                }
            }
        }
        List<Long> rawStart = startupMillis.get(RAW);
        List<Long> ourStart = startupMillis.get(SCOPEMOCK);
        if (rawStart != null && ourStart != null) {
            long extra = median(ourStart) - median(rawStart);
            md.append(line("start-up <= raw Jetty's + 100 ms", String.format(Locale.ROOT,
                    "%d ms vs %d ms (%+d ms, medians)", median(ourStart), median(rawStart), extra), extra <= 100));
        }
        for (String name : List.of(SCOPEMOCK, SCOPEMOCK_DEFAULTS)) {
            Long rss = finalRssKib.get(name);
            if (rss != null) {
                md.append(line("RSS after 10k stubs and the load runs <= 300 MiB (" + name + ")", rss / 1024 + " MiB",
                        rss <= 300 * 1024));
            }
        }
        long served = 0;
        int maxKept = -1;
        for (Row row : rows) {
            if (row.journalKept >= 0) {
                served += row.journalKept + row.journalEvicted;
                maxKept = Math.max(maxKept, row.journalKept);
            }
        }
        if (maxKept >= 0) {
            md.append(line("journal within its bound (10,000 per scope)", String.format(Locale.ROOT,
                    "at most %,d kept, over %,d requests recorded in the run", maxKept, served), maxKept <= 10_000));
        }
        Row literal = find(SCOPEMOCK, Scenario.LITERAL);
        if (literal != null) {
            md.append(line("registering 10,000 stubs, one HTTP request each, <= 3 s", String.format(Locale.ROOT,
                    "%,d ms", literal.registrationMillis), literal.registrationMillis <= 3_000));
        }
        return md.toString();
    }

    private static String line(String target, String measured, boolean met) {
        return "| " + target + " | " + measured + " | " + (met ? "yes" : "**no**") + " |\n";
    }

    private Row find(String target, Scenario scenario) {
        for (Row row : rows) {
            if (row.target.name.equals(target) && row.scenario == scenario) {
                return row;
            }
        }
        return null;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    static String latency(double micros) {
        if (Double.isNaN(micros)) {
            return "?";
        }
        if (micros < 1_000) {
            return String.format(Locale.ROOT, "%.0f µs", micros);
        }
        if (micros < 1_000_000) {
            return String.format(Locale.ROOT, "%.2f ms", micros / 1_000);
        }
        return String.format(Locale.ROOT, "%.2f s", micros / 1_000_000);
    }

    // ---- the machine ----

    private static Path single(Path dir, String prefix, String suffix) throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)
                            && f.getFileName().toString().endsWith(suffix))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no " + prefix + "*" + suffix + " in " + dir));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** utime + stime of a process, in clock ticks. */
    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static long rssKib(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return parts[0] + ", " + parts[1] + ", " + parts[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static double loadOneMinute() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).trim().split(" ")[0]);
        } catch (IOException | NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String memTotal() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return String.format(Locale.ROOT, "%.1f GiB RAM", kib / 1024.0 / 1024.0);
                }
            }
        } catch (IOException ignored) {
            // unknown
        }
        return "? RAM";
    }

    private static long clockTicks() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String value = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            getconf.waitFor(5, TimeUnit.SECONDS);
            return Long.parseLong(value);
        } catch (IOException | NumberFormatException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
