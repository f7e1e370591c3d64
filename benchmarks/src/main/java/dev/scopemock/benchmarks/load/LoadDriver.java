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
 * One load-driver run (start it with {@code benchmarks/scripts/load-driver.sh}). Starts the raw Jetty handler, the
 * standalone Scopemock engine (with a 128 MiB heap cap like the raw handler, and once more with JVM defaults),
 * WireMock (with its performance setting and with its defaults) and MockServer, each in its own JVM on its own free
 * loopback port, timing each one's start-up to the first answered request (five launches each, round by round across
 * the servers). Every server is given the same stub lists, each list in its order of precedence (the peers' bulk
 * admin calls arranged so, and checked by a probe: the first and the last stub of a list longer than any bulk request
 * are for one path, and the list's first must answer). Then two
 * phases, against the last stub of each list, the last registered (phase 2 also against the first, and every stub of
 * the 10k lists in turn):
 * <ol>
 *   <li>Interleaved: the raw handler and one engine per stub set (1 stub, 10k literal paths, 10k {@code {param}}
 *   patterns, 1k scopes x 10 stubs), each registered through the control API one request per stub, then measured
 *   in rounds (wrk slices taken in turn, the order rotating every round), so that the ratios between them see the
 *   same background load: the machine is shared, and the load average moves a lot within minutes.</li>
 *   <li>Scenario by scenario: the capped engine, the engine with JVM defaults, both WireMocks and MockServer each
 *   register the stub set through their own admin API and are measured one after the other (wrk warm-up, then one
 *   run); the "first registered" and "every stub in turn" scenarios run here only. While one server is measured
 *   the others are frozen (SIGSTOP), so an idle JVM's garbage collector cannot take CPU from it.</li>
 * </ol>
 * Records req/s, p50, p99 (wrk --latency), server CPU per request (/proc utime+stime), RSS (VmRSS), registration
 * time, the engine's journal size, and prints the tables with the ratios (also to
 * {@code benchmarks/target/load/results.md}). Every process it starts is stopped, also on failure or interruption (a
 * shutdown hook; their ids also go to {@code benchmarks/target/load/pids} for the script's trap).
 *
 * <p>Options: {@code --duration S} (measured seconds per row of phase 2, default 10), {@code --interleaved S}
 * (measured seconds per row of phase 1, default 20), {@code --rounds N} (its slices, default 10), {@code --warmup S}
 * (unmeasured wrk run per row first, default 5), {@code --startups N} (timed launches per server, default 5),
 * {@code --heap SIZE} (the cap, default 128m; {@code none} drops the cap and the defaults pass), {@code --only
 * raw,scopemock,scopemock-defaults,wiremock,wiremock-defaults,mockserver}, {@code --scenarios
 * one,literal,pattern,scopes,literal_first,literal_all,pattern_all}, {@code --root DIR} (the repository, default the working directory), {@code --peers DIR}
 * (default benchmarks/target/peers); {@code --rawjetty-jvm}, {@code --scopemock-jvm} (JVM options),
 * {@code --wiremock-args}, {@code --mockserver-args} (extra arguments) for experiments.
 */
public final class LoadDriver {

    /** The phase a row was measured in. */
    enum Phase { INTERLEAVED, SEQUENTIAL }

    /** One measured row. */
    record Row(Phase phase, Target target, Scenario scenario, long registrationMillis, long registrationCpuMillis,
               long requests, double requestsPerSecond, double p50Micros, double p99Micros, long non2xx,
               long socketErrors, double cpuMicrosPerRequest, long rssKib, double load, int journalKept,
               long journalEvicted, long served) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RAW = "raw Jetty 12";
    private static final String SCOPEMOCK = "Scopemock";
    private static final String SCOPEMOCK_DEFAULTS = "Scopemock, JVM defaults";
    private static final String WIREMOCK = "WireMock 3.13.2";
    private static final String WIREMOCK_DEFAULTS = "WireMock 3.13.2, defaults";

    private final List<Process> live = new CopyOnWriteArrayList<>();
    private final Path root;
    private final Path out;
    private final Path pidFile;
    private final int duration;
    private final int interleavedDuration;
    private final int rounds;
    private final int warmup;
    private final int startups;
    private final long clockTicks;
    private final Http http = new Http();
    private final Wrk wrk = new Wrk(2, 32);
    private final List<Row> rows = new ArrayList<>();
    private final Map<String, List<Long>> startupMillis = new LinkedHashMap<>();
    private final Map<String, Long> finalRssKib = new LinkedHashMap<>();
    private final Map<String, String> precedence = new LinkedHashMap<>();

    private LoadDriver(Path root, int duration, int interleavedDuration, int rounds, int warmup, int startups)
            throws IOException {
        this.root = root;
        this.out = root.resolve("benchmarks/target/load");
        Files.createDirectories(out);
        this.pidFile = out.resolve("pids");
        this.duration = duration;
        this.rounds = Math.max(1, Math.min(rounds, interleavedDuration));
        this.interleavedDuration = interleavedDuration;
        this.warmup = warmup;
        this.startups = Math.max(1, startups);
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
                "raw,scopemock,scopemock-defaults,wiremock,wiremock-defaults,mockserver").split(","));
        List<Scenario> scenarios = new ArrayList<>();
        for (String name : options.getOrDefault("--scenarios",
                "one,literal,pattern,scopes,literal_first,literal_all,pattern_all").split(",")) {
            scenarios.add(Scenario.valueOf(name.toUpperCase(Locale.ROOT)));
        }
        LoadDriver driver = new LoadDriver(root, Integer.parseInt(options.getOrDefault("--duration", "10")),
                Integer.parseInt(options.getOrDefault("--interleaved", "20")),
                Integer.parseInt(options.getOrDefault("--rounds", "10")),
                Integer.parseInt(options.getOrDefault("--warmup", "5")),
                Integer.parseInt(options.getOrDefault("--startups", "5")));
        Runtime.getRuntime().addShutdownHook(new Thread(driver::stopAll, "load-driver-cleanup"));

        // The raw handler and the engine run with the same heap cap: what a mock server needs. With JVM defaults on a
        // 24 GiB machine G1 lets the young generation fill the 384 MiB initial heap (the raw handler too), so the
        // engine runs a second time with JVM defaults to show that; the peers run with JVM defaults.
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
            targets.add(new Target.WireMock(WIREMOCK, single(peers, "wiremock-standalone-", ".jar"), false));
        }
        if (only.contains("wiremock-defaults")) {
            targets.add(new Target.WireMock(WIREMOCK_DEFAULTS, single(peers, "wiremock-standalone-", ".jar"), true));
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
        System.out.printf(Locale.ROOT, "machine: %d cores, %s; JDK %s; wrk -t2 -c32 --latency, %d s per row after a "
                        + "%d s warm-up (interleaved phase: %d s per row in %d rounds)%n",
                Runtime.getRuntime().availableProcessors(), memTotal(), System.getProperty("java.version"),
                driver.duration, driver.warmup, driver.interleavedDuration, driver.rounds);
        System.out.println("load average at start: " + loadAverage());
        driver.run(targets, scenarios);
        String report = driver.report(began);
        System.out.println();
        System.out.println(report);
        Files.writeString(driver.out.resolve("results.md"), report, StandardCharsets.UTF_8);
        System.out.println("(also written to " + root.relativize(driver.out.resolve("results.md")) + ")");
    }

    /** A started server and the stub set it holds in the interleaved phase. */
    private record Running(Target target, Process process, int port) {
    }

    private void run(List<Target> targets, List<Scenario> scenarios) throws IOException, InterruptedException {
        Map<Target, Running> started = new LinkedHashMap<>();
        List<Running> extra = new ArrayList<>();
        try {
            startAll(targets, started);
            // Phase 1: the raw handler and one capped engine per stub set, measured in interleaved rounds.
            List<Running> cells = new ArrayList<>();
            List<Scenario> cellScenarios = new ArrayList<>();
            for (Map.Entry<Target, Running> entry : started.entrySet()) {
                if (entry.getKey() instanceof Target.RawJetty && scenarios.contains(Scenario.ONE)) {
                    cells.add(entry.getValue());
                    cellScenarios.add(Scenario.ONE);
                }
            }
            Running engine = null;
            for (Map.Entry<Target, Running> entry : started.entrySet()) {
                if (entry.getKey().name.equals(SCOPEMOCK)) {
                    engine = entry.getValue();
                }
            }
            if (engine != null) {
                for (Scenario scenario : scenarios) {
                    if (!scenario.interleaved()) {
                        continue; // phase 2 only: the ratios to the peers
                    }
                    Running cell = engine;
                    if (scenario != scenarios.get(0)) {
                        int port = freePort();
                        Process process = launch(engine.target, port, "interleaved-" + scenario.name());
                        awaitFirstAnswer(process, port, System.nanoTime());
                        cell = new Running(engine.target, process, port);
                        extra.add(cell);
                    }
                    cells.add(cell);
                    cellScenarios.add(scenario);
                }
            }
            if (!cells.isEmpty()) {
                List<Running> idle = new ArrayList<>(started.values());
                idle.removeAll(cells);
                pause(idle);
                interleaved(cells, cellScenarios);
                resume(idle);
            }
            for (Running cell : extra) {
                stop(cell.process);
            }
            extra.clear();
            // Phase 2: scenario by scenario, the engines and the peers back to back.
            List<Running> sequential = new ArrayList<>();
            for (Running running : started.values()) {
                if (!(running.target instanceof Target.RawJetty)) {
                    sequential.add(running);
                }
            }
            System.out.println();
            System.out.println("== precedence probe: the first and the last stub of a 2,001-stub list for one path, which answers");
            for (Running server : sequential) {
                List<Running> others = new ArrayList<>(sequential);
                others.remove(server);
                pause(others);
                resume(List.of(server));
                probe(server);
            }
            resume(sequential);
            for (Scenario scenario : scenarios) {
                System.out.println();
                System.out.println("== " + scenario.label);
                for (Running server : sequential) {
                    List<Running> others = new ArrayList<>(sequential);
                    others.remove(server);
                    pause(others);            // an idle JVM's GC and timers must not eat into the measured one's CPU
                    resume(List.of(server));
                    measure(server, scenario);
                }
                resume(sequential);
            }
            for (Running server : started.values()) {
                finalRssKib.put(server.target.name, rssKib(server.process.pid()));
            }
        } finally {
            for (Running server : extra) {
                stop(server.process);
            }
            for (Running server : started.values()) {
                stop(server.process);
            }
        }
    }

    /**
     * Times {@code startups} launches of every target, round by round across the targets (so a change in the
     * background load hits them all alike); the last launch of each keeps running.
     */
    private void startAll(List<Target> targets, Map<Target, Running> started) throws IOException,
            InterruptedException {
        for (Target target : targets) {
            startupMillis.put(target.name, new ArrayList<>());
        }
        for (int k = 1; k <= startups; k++) {
            for (Target target : targets) {
                int port = freePort();
                long t0 = System.nanoTime();
                Process server = launch(target, port, Integer.toString(k));
                startupMillis.get(target.name).add(awaitFirstAnswer(server, port, t0));
                if (k < startups) {
                    stop(server);
                } else {
                    started.put(target, new Running(target, server, port));
                }
            }
        }
        for (Target target : targets) {
            System.out.printf(Locale.ROOT, "%-26s start-up %s ms%n", target.name, startupMillis.get(target.name));
        }
        System.out.println("load average after the start-ups: " + loadAverage());
    }

    /** Per cell: registration, then warm-up, then {@code rounds} slices in turn; rates, CPU and medians per cell. */
    private void interleaved(List<Running> cells, List<Scenario> scenarios) throws IOException {
        System.out.println();
        System.out.printf("== interleaved: %d rounds of %d s per row%n", rounds, interleavedDuration / rounds);
        int n = cells.size();
        long[] registration = new long[n];
        long[] registrationCpu = new long[n];
        long[] served = new long[n];
        for (int i = 0; i < n; i++) {
            Running cell = cells.get(i);
            cell.target.reset(http, cell.port);
            long cpu0 = cpuTicks(cell.process.pid());
            long t0 = System.nanoTime();
            cell.target.register(http, cell.port, scenarios.get(i));
            registration[i] = (System.nanoTime() - t0) / 1_000_000;
            registrationCpu[i] = (cpuTicks(cell.process.pid()) - cpu0) * 1_000 / clockTicks;
            check(cell.target, cell.port, scenarios.get(i));
            served[i] = 1;
        }
        for (int i = 0; i < n && warmup > 0; i++) {
            served[i] += wrk.run(cells.get(i).port, scenarios.get(i), warmup, this::remember).requests();
        }
        int slice = interleavedDuration / rounds;
        long[] requests = new long[n];
        long[] ticks = new long[n];
        long[] non2xx = new long[n];
        long[] socketErrors = new long[n];
        double[] load = new double[n];
        List<List<Double>> p50 = new ArrayList<>();
        List<List<Double>> p99 = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            p50.add(new ArrayList<>());
            p99.add(new ArrayList<>());
        }
        for (int round = 0; round < rounds; round++) {
            for (int k = 0; k < n; k++) {
                int i = (k + round) % n;
                Running cell = cells.get(i);
                long cpu0 = cpuTicks(cell.process.pid());
                Wrk.Result result = wrk.run(cell.port, scenarios.get(i), slice, this::remember);
                ticks[i] += cpuTicks(cell.process.pid()) - cpu0;
                requests[i] += result.requests();
                non2xx[i] += result.non2xx();
                socketErrors[i] += result.socketErrors();
                p50.get(i).add(result.p50Micros());
                p99.get(i).add(result.p99Micros());
                load[i] += loadOneMinute() / rounds;
            }
        }
        for (int i = 0; i < n; i++) {
            Running cell = cells.get(i);
            served[i] += requests[i];
            long rss = rssKib(cell.process.pid());
            int kept = -1;
            long evicted = -1;
            if (cell.target instanceof Target.Scopemock) {
                JsonNode listing = journal(cell.port);
                kept = listing.get("requests").size();
                evicted = listing.get("evicted").asLong();
            }
            Row row = new Row(Phase.INTERLEAVED, cell.target, scenarios.get(i), registration[i], registrationCpu[i],
                    requests[i], requests[i] / (double) (slice * rounds), medianOf(p50.get(i)), medianOf(p99.get(i)),
                    non2xx[i], socketErrors[i], ticks[i] * (1_000_000.0 / clockTicks) / Math.max(1, requests[i]), rss,
                    load[i], kept, evicted, served[i]);
            rows.add(row);
            print(row);
        }
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
        int kept = -1;
        long evicted = -1;
        if (target instanceof Target.Scopemock) {
            JsonNode listing = journal(port);
            kept = listing.get("requests").size();
            evicted = listing.get("evicted").asLong();
        }
        Row row = new Row(Phase.SEQUENTIAL, target, scenario, registration, regCpuMillis, result.requests(),
                result.requestsPerSecond(), result.p50Micros(), result.p99Micros(), result.non2xx(),
                result.socketErrors(), (cpu1 - cpu0) * (1_000_000.0 / clockTicks) / Math.max(1, result.requests()),
                rss, load, kept, evicted, served);
        rows.add(row);
        print(row);
    }

    /**
     * Checks that a peer keeps the list's order as its precedence, so that a list's last stub is the one it tries last
     * (the meaning of the "last" rows); the engine's answer is only reported (its index does not scan).
     */
    private void probe(Running server) {
        String answer = server.target.probePrecedence(http, server.port);
        precedence.put(server.target.name, answer);
        System.out.printf("  %-26s the list's %s stub answers%n", server.target.name, answer);
        boolean peer = server.target.kind() == Target.Kind.WIREMOCK || server.target.kind() == Target.Kind.MOCKSERVER;
        if (peer && !answer.equals("first")) {
            throw new IllegalStateException(server.target.name + " answered \"" + Http.abbreviate(answer)
                    + "\" for two stubs of one list: its precedence is not the list's order, so the \"last\" rows "
                    + "would not measure the stub it tries last");
        }
    }

    private JsonNode journal(int port) throws IOException {
        return JSON.readTree(http.expectOk("GET", port, "/__mock__/requests?all=true", null).body());
    }

    private static void print(Row row) {
        System.out.printf(Locale.ROOT, "  %-24s %-22s reg %,6d ms (server CPU %,d ms)  %,9.0f req/s  p50 %s  p99 %s  "
                        + "non-2xx %d  socket errors %d  CPU %.1f µs/req  RSS %d MiB  load %.2f%s%n", row.target.name,
                row.scenario.label, row.registrationMillis, row.registrationCpuMillis, row.requestsPerSecond,
                latency(row.p50Micros), latency(row.p99Micros), row.non2xx, row.socketErrors,
                row.cpuMicrosPerRequest, row.rssKib / 1024, row.load, row.journalKept < 0 ? ""
                        : String.format(Locale.ROOT, "  journal %,d kept + %,d evicted", row.journalKept,
                        row.journalEvicted));
    }

    private static double medianOf(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    /** One request before the load: the target must answer 200 "ok", so a wrong registration cannot look fast. */
    private void check(Target target, int port, Scenario scenario) {
        List<String> paths = scenario.everyStub ? List.of(scenario.requestPaths().get(0), scenario.requestPath)
                : List.of(scenario.requestPath);
        for (String path : paths) {
            Http.Answer answer = scenario.requestScope == null ? http.send("GET", port, path, null)
                    : http.send("GET", port, path, null, scenario.requestScope, "1");
            if (answer.status() != 200 || !answer.body().equals("ok")) {
                throw new IllegalStateException(target.name + " answered " + answer.status() + " "
                        + Http.abbreviate(answer.body()) + " to " + path + " in " + scenario.label);
            }
        }
    }

    private Process launch(Target target, int port, String attempt) throws IOException {
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

    /** Freezes servers (SIGSTOP) so that only the measured one runs; {@link #resume} thaws them. */
    private static void pause(List<Running> servers) {
        for (Running server : servers) {
            signal(server.process, "STOP");
        }
    }

    private static void resume(List<Running> servers) {
        for (Running server : servers) {
            signal(server.process, "CONT");
        }
    }

    private static void signal(Process process, String signal) {
        if (!process.isAlive()) {
            return;
        }
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
                    .redirectErrorStream(true).start();
            kill.getInputStream().readAllBytes();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private void stop(Process process) throws InterruptedException {
        if (process == null) {
            return;
        }
        signal(process, "CONT");
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
        live.remove(process);
    }

    private void stopAll() {
        for (Process process : live) {
            try {
                signal(process, "CONT");
            } catch (RuntimeException ignored) {
                // stopping anyway
            }
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
        md.append(String.format(Locale.ROOT, "Machine: %d cores, %s, JDK %s (%s); wrk -t2 -c32 --latency on loopback, "
                        + "client and servers sharing the cores; %d s measured per row (interleaved phase: %d s) "
                        + "after a %d s wrk warm-up. Load "
                        + "average (1, 5, 15 min) at the end: %s. The run took %d s.%n",
                Runtime.getRuntime().availableProcessors(), memTotal(), System.getProperty("java.version"),
                System.getProperty("java.vm.name"), duration, interleavedDuration, warmup, loadAverage(),
                (System.nanoTime() - began) / 1_000_000_000L));
        md.append(String.format(Locale.ROOT, "%nInterleaved (%d rounds of %d s per row, in turn; p50 and p99 are the "
                + "medians of the rounds'); every engine fresh, its stubs registered one HTTP request each:%n%n",
                rounds, interleavedDuration / rounds));
        table(md, Phase.INTERLEAVED);
        md.append("\nScenario by scenario, server after server (each one reset, registered, warmed up, measured):\n\n");
        table(md, Phase.SEQUENTIAL);
        md.append("\nStart-up to the first answered request (median; every launch in order, the servers launched in "
                + "turn, one round after the other):\n\n");
        md.append("| server | start-up | launches |\n| --- | ---: | --- |\n");
        for (Map.Entry<String, List<Long>> entry : startupMillis.entrySet()) {
            md.append(String.format("| %s | %d ms | %s ms |%n", entry.getKey(), median(entry.getValue()),
                    entry.getValue()));
        }
        md.append("\nRegistration: every server is given the same stub lists. Scopemock one HTTP request per stub and "
                + "per scope, in sequence on one keep-alive connection; WireMock and MockServer in bulk requests "
                + "(2,000 and 1,000 stubs a request), arranged so that each keeps the list's order as its precedence "
                + "(the first stub of a list is tried first): MockServer tries its expectations in the order they "
                + "were added; WireMock tries its stubs newest first and its import gives an import's first stub the "
                + "precedence (as its mapping files do), so the chunks go in last one first. A probe checks it before "
                + "the loads (the first and the last stub of a 2,001-stub list for one path; the body that answered: " + precedence + "). The "
                + "rows marked \"the last\" request the list's last stub, the last registered: the one a scanning "
                + "server tries last, the case the issue's figures for the peers describe (\"it scans every stub\"); "
                + "\"the first\" is a scanning server's best case, which is also where WireMock puts the last stub "
                + "when the stubs are posted one request each. Every "
                + "row starts from the server's reset and checks that the target answers 200 \"ok\" before the load. "
                + "The raw handler and the capped engine run with the same heap cap; the engine once more, and the "
                + "peers, with JVM defaults. WireMock twice: with --disable-request-logging (its setting for "
                + "performance tests), and with its defaults; its request journal unbounded (its default) both "
                + "times. It has no scopes, so the scoped stubs require the scope header to be present. The \"every "
                + "stub in turn\" rows (a wrk script "
                + "cycling through all 10,000 paths, each wrk thread from its own offset) show the average, what a "
                + "suite that uses all its stubs pays. While one server is measured, the others are frozen (SIGSTOP). "
                + "MockServer with -Dmockserver.maxExpectations=20000 (it drops "
                + "expectations beyond 5,000 otherwise) and log level WARN (INFO logs every request); scopes as "
                + "header-presence matchers, {param} as its pathParameters.\n");
        md.append(targets());
        return md.toString();
    }

    private void table(StringBuilder md, Phase phase) {
        md.append("| server | JVM options | stubs | registration (server CPU) | req/s | p50 | p99 | non-2xx / socket "
                + "errors | server CPU per request | RSS after | engine journal | load (1 min) |\n");
        md.append("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |\n");
        for (Row row : rows) {
            if (row.phase != phase) {
                continue;
            }
            boolean raw = row.target instanceof Target.RawJetty;
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %,.0f | %s | %s | %d / %d | %.1f µs | %d MiB "
                            + "| %s | %.2f |%n",
                    row.target.name, row.target.jvmOptions.isEmpty() ? "defaults"
                            : String.join(" ", row.target.jvmOptions),
                    raw ? "none (answers everything)" : row.scenario.label,
                    raw ? "-" : String.format(Locale.ROOT, "%,d ms (%,d ms)", row.registrationMillis,
                            row.registrationCpuMillis),
                    row.requestsPerSecond, latency(row.p50Micros), latency(row.p99Micros), row.non2xx,
                    row.socketErrors, row.cpuMicrosPerRequest, row.rssKib / 1024,
                    row.journalKept < 0 ? "" : String.format(Locale.ROOT, "%,d kept, %,d evicted of %,d",
                            row.journalKept, row.journalEvicted, row.served),
                    row.load));
        }
    }

    private String targets() {
        StringBuilder md = new StringBuilder("\n| target | measured | met |\n| --- | --- | --- |\n");
        Row raw = find(Phase.INTERLEAVED, RAW, Scenario.ONE);
        Row one = find(Phase.INTERLEAVED, SCOPEMOCK, Scenario.ONE);
        if (raw != null && one != null) {
            double rate = one.requestsPerSecond / raw.requestsPerSecond;
            double cpu = one.cpuMicrosPerRequest / raw.cpuMicrosPerRequest;
            double p99 = one.p99Micros / raw.p99Micros;
            md.append(line("1 stub: req/s >= 0.5x raw Jetty", String.format(Locale.ROOT, "%.2fx (%,.0f vs %,.0f)",
                    rate, one.requestsPerSecond, raw.requestsPerSecond), rate >= 0.5));
            md.append(line("1 stub: server CPU per request <= 2x raw Jetty", String.format(Locale.ROOT,
                    "%.2fx (%.1f vs %.1f µs)", cpu, one.cpuMicrosPerRequest, raw.cpuMicrosPerRequest), cpu <= 2));
            md.append(line("1 stub: p99 <= 2x raw Jetty", String.format(Locale.ROOT, "%.2fx (%s vs %s)", p99,
                    latency(one.p99Micros), latency(raw.p99Micros)), p99 <= 2));
        }
        if (one != null) {
            for (Scenario scenario : List.of(Scenario.LITERAL, Scenario.PATTERN, Scenario.SCOPES)) {
                Row many = find(Phase.INTERLEAVED, SCOPEMOCK, scenario);
                if (many != null) {
                    double ratio = many.requestsPerSecond / one.requestsPerSecond;
                    md.append(line(scenario.label + ": req/s >= 0.9x Scopemock's 1 stub", String.format(Locale.ROOT,
                            "%.2fx (%,.0f vs %,.0f; CPU per request %.1f vs %.1f µs)", ratio,
                            many.requestsPerSecond, one.requestsPerSecond, many.cpuMicrosPerRequest,
                            one.cpuMicrosPerRequest), ratio >= 0.9));
                }
            }
        }
        List<String> peers = new ArrayList<>();
        for (Row row : rows) {
            if ((row.target.kind() == Target.Kind.WIREMOCK || row.target.kind() == Target.Kind.MOCKSERVER)
                    && !peers.contains(row.target.name)) {
                peers.add(row.target.name);
            }
        }
        for (String peer : peers) {
            for (Scenario scenario : Scenario.values()) {
                Row ours = find(Phase.SEQUENTIAL, SCOPEMOCK, scenario);
                Row theirs = find(Phase.SEQUENTIAL, peer, scenario);
                if (ours != null && theirs != null) {
                    double ratio = ours.requestsPerSecond / theirs.requestsPerSecond;
                    double cpu = theirs.cpuMicrosPerRequest / ours.cpuMicrosPerRequest;
                    boolean hundred = scenario.lastOfMany();
                    md.append(line(scenario.label + ": faster than " + peer + (hundred ? ", >= 100x" : ""),
                            String.format(Locale.ROOT, "%.1fx (%,.0f vs %,.0f req/s); %.0fx less CPU per request",
                                    ratio, ours.requestsPerSecond, theirs.requestsPerSecond, cpu),
                            hundred ? ratio >= 100 : ratio > 1));
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
        Long rss = finalRssKib.get(SCOPEMOCK);
        if (rss != null) {
            md.append(line("RSS after 10k stubs and the load runs <= 300 MiB", rss / 1024 + " MiB (engine of both "
                    + "phases' 1-stub rows, -Xmx128m)", rss <= 300 * 1024));
        }
        Long rssDefaults = finalRssKib.get(SCOPEMOCK_DEFAULTS);
        if (rssDefaults != null) {
            md.append("| (for reference: the engine with JVM defaults) | " + rssDefaults / 1024 + " MiB | - |\n");
        }
        long recorded = 0;
        int maxKept = -1;
        for (Row row : rows) {
            if (row.journalKept >= 0) {
                recorded += row.journalKept + row.journalEvicted;
                maxKept = Math.max(maxKept, row.journalKept);
            }
        }
        if (maxKept >= 0) {
            md.append(line("the journal stays within its bound (10,000 per scope)", String.format(Locale.ROOT,
                    "at most %,d kept; %,d requests recorded in the run", maxKept, recorded), maxKept <= 10_000));
        }
        for (Phase phase : Phase.values()) {
            Row literal = find(phase, SCOPEMOCK, Scenario.LITERAL);
            if (literal != null) {
                String engine = phase == Phase.INTERLEAVED ? "a fresh engine"
                        : "the engine that served the 1-stub load";
                md.append(line("registering 10,000 stubs, one HTTP request each, <= 3 s (" + engine + ")",
                        String.format(Locale.ROOT, "%,d ms (server CPU %,d ms)", literal.registrationMillis,
                                literal.registrationCpuMillis), literal.registrationMillis <= 3_000));
            }
        }
        return md.toString();
    }

    private static String line(String target, String measured, boolean met) {
        return "| " + target + " | " + measured + " | " + (met ? "yes" : "**no**") + " |\n";
    }

    private Row find(Phase phase, String target, Scenario scenario) {
        for (Row row : rows) {
            if (row.phase == phase && row.target.name.equals(target) && row.scenario == scenario) {
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
