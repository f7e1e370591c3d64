package dev.scopemock.benchmarks.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A server the driver measures: how to launch it, how to clear it and how to register a scenario's stubs through
 * its own admin API.
 */
abstract class Target {

    final String name;
    /** Extra JVM options, put before the launch arguments (none by default). */
    List<String> jvmOptions = List.of();
    /** Extra arguments for the peers (after their own; for MockServer, system properties). */
    List<String> extraArguments = List.of();

    Target(String name) {
        this.name = name;
    }

    /** The command line that starts it on {@code port} (a JVM with default settings plus the listed properties). */
    abstract List<String> command(Path root, int port);

    boolean supports(Scenario scenario) {
        return true;
    }

    /** Which product this is (two targets may run the same product with different JVM options). */
    enum Kind { RAW, SCOPEMOCK, WIREMOCK, MOCKSERVER }

    Kind kind() {
        if (this instanceof RawJetty) {
            return Kind.RAW;
        }
        if (this instanceof Scopemock) {
            return Kind.SCOPEMOCK;
        }
        return this instanceof WireMock ? Kind.WIREMOCK : Kind.MOCKSERVER;
    }

    abstract void reset(Http http, int port);

    /** Registers the scenario's stub list through the server's own admin API, in the list's order. */
    final void register(Http http, int port, Scenario scenario) {
        register(http, port, scenario.stubs());
    }

    abstract void register(Http http, int port, List<Scenario.Stub> stubs);

    /** The path the precedence probe registers twice. */
    static final String PROBE_PATH = "/precedence-probe";

    /** How many stubs the probe's list holds: more than any peer's bulk request, so both ends go in apart. */
    static final int PROBE_STUBS = 2_001;

    /**
     * Which stub of a list answers when two match: registers a list whose first and last stubs are for one path
     * ({@value #PROBE_STUBS} stubs, the others for paths of their own, so the two travel in different bulk requests)
     * the way {@link #register} does, requests that path, resets and returns the body ("first" when the list's order
     * is the precedence, so that the list's last stub is the one a scanning server tries last).
     */
    String probePrecedence(Http http, int port) {
        reset(http, port);
        List<Scenario.Stub> stubs = new ArrayList<>();
        stubs.add(new Scenario.Stub(PROBE_PATH, false, null, "first"));
        for (int i = 1; i < PROBE_STUBS - 1; i++) {
            stubs.add(new Scenario.Stub(PROBE_PATH + "/" + i, false, null, "filler"));
        }
        stubs.add(new Scenario.Stub(PROBE_PATH, false, null, "last"));
        register(http, port, stubs);
        String body = http.send("GET", port, PROBE_PATH, null).body();
        reset(http, port);
        return body;
    }

    static String quote(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    List<String> java(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of(args));
        return command;
    }

    /** The bare Jetty handler: the ceiling. It has no stubs; every path answers 200 ok. */
    static final class RawJetty extends Target {

        RawJetty() {
            super("raw Jetty 12");
        }

        @Override
        List<String> command(Path root, int port) {
            return java("-cp", root.resolve("benchmarks/target/benchmarks.jar").toString(),
                    RawJettyServer.class.getName(), Integer.toString(port));
        }

        @Override
        boolean supports(Scenario scenario) {
            return scenario == Scenario.ONE;
        }

        @Override
        void reset(Http http, int port) {
        }

        @Override
        void register(Http http, int port, List<Scenario.Stub> stubs) {
        }
    }

    /** The standalone engine, registered one stub per request through {@code /__mock__}. */
    static final class Scopemock extends Target {

        private final Path jar;

        Scopemock(String name, Path jar) {
            super(name);
            this.jar = jar;
        }

        @Override
        List<String> command(Path root, int port) {
            return java("-jar", jar.toString(), "--port", Integer.toString(port));
        }

        @Override
        void reset(Http http, int port) {
            http.expectOk("POST", port, "/__mock__/reset", null);
        }

        @Override
        void register(Http http, int port, List<Scenario.Stub> stubs) {
            Set<String> scopes = new LinkedHashSet<>();
            for (Scenario.Stub stub : stubs) {
                if (stub.scope() != null) {
                    scopes.add(stub.scope());
                }
            }
            try (Http.Connection connection = new Http.Connection(port)) {
                for (String scope : scopes) {
                    connection.expectOk("POST", "/__mock__/scopes", "{\"name\":" + quote(scope) + "}");
                }
                for (Scenario.Stub stub : stubs) {
                    String json = "{\"request\":{\"path\":" + quote(stub.path()) + ",\"method\":\"GET\"},"
                            + "\"action\":{\"response\":{\"status_code\":200,\"headers\":{},\"body\":"
                            + quote(stub.body()) + "}}}";
                    if (stub.scope() == null) {
                        connection.expectOk("POST", "/__mock__/stubs", json);
                    } else {
                        connection.expectOk("POST", "/__mock__/stubs", json, stub.scope(), "1");
                    }
                }
            }
        }
    }

    /**
     * WireMock 3 standalone, with {@code --disable-request-logging} (its documented setting for performance tests:
     * 2-3x the throughput of its defaults in a smoke run) or with its defaults; the request journal stays unbounded,
     * its default (bounding it with {@code --max-request-journal-entries 10000} made it about 4x slower in a smoke
     * run). It has no scopes: the closest equivalent is a stub that requires the scope header to be present
     * ({@code "matches": ".*"}). {@code {param}} patterns use its {@code urlPathTemplate}. It tries its stubs newest
     * first; its bulk import ({@code /__admin/mappings/import}) gives the first mapping of an import the precedence,
     * as its mapping files do, so the stub list goes in as imports of {@value #CHUNK} stubs, the list's last chunk
     * first: the list's order becomes its precedence (the driver's probe checks it), and the list's last stub is the
     * one it tries last. (Posting the same stubs one request each gives the reverse order; the "first" rows show
     * that case.)
     */
    static final class WireMock extends Target {

        private static final int CHUNK = 2_000;
        private final Path jar;
        private final boolean requestLogging;

        /** With {@code requestLogging} false, runs with {@code --disable-request-logging}. */
        WireMock(String name, Path jar, boolean requestLogging) {
            super(name);
            this.jar = jar;
            this.requestLogging = requestLogging;
        }

        @Override
        List<String> command(Path root, int port) {
            List<String> command = java("-jar", jar.toString(), "--port", Integer.toString(port), "--bind-address",
                    "127.0.0.1", "--disable-banner");
            if (!requestLogging) {
                command.add("--disable-request-logging");
            }
            command.addAll(extraArguments);
            return command;
        }

        @Override
        void reset(Http http, int port) {
            http.expectOk("POST", port, "/__admin/reset", null);
        }

        @Override
        void register(Http http, int port, List<Scenario.Stub> stubs) {
            // Each import puts its stubs ahead of the ones already there, its first stub foremost: importing the
            // chunks last one first, each in the list's order, leaves the whole list in its own order.
            int last = (stubs.size() - 1) / CHUNK * CHUNK;
            for (int from = last; from >= 0; from -= CHUNK) {
                StringBuilder json = new StringBuilder("{\"mappings\":[");
                int to = Math.min(stubs.size(), from + CHUNK);
                for (int i = from; i < to; i++) {
                    Scenario.Stub stub = stubs.get(i);
                    if (i > from) {
                        json.append(',');
                    }
                    json.append("{\"request\":{\"method\":\"GET\",")
                            .append(stub.pattern() ? "\"urlPathTemplate\":" : "\"url\":").append(quote(stub.path()));
                    if (stub.scope() != null) {
                        json.append(",\"headers\":{").append(quote(stub.scope())).append(":{\"matches\":\".*\"}}");
                    }
                    json.append("},\"response\":{\"status\":200,\"body\":").append(quote(stub.body()))
                            .append(",\"headers\":{\"Content-Type\":\"text/plain; charset=utf-8\"}}}");
                }
                json.append("],\"importOptions\":{\"duplicatePolicy\":\"IGNORE\",\"deleteAllNotInImport\":false}}");
                http.expectOk("POST", port, "/__admin/mappings/import", json.toString());
            }
        }
    }

    /**
     * MockServer 5.15.0 (netty, jar-with-dependencies), with {@code maxExpectations} raised above 10,000, its event log
     * bounded to 10,000 entries and its log level at WARN (at INFO it logs every request to the console). No scopes:
     * the closest equivalent is an expectation requiring the scope header ({@code [".*"]}). {@code {param}} patterns
     * use its own path-parameter syntax ({@code "pathParameters": {"id": ["[^/]+"]}}). It tries its expectations in
     * the order they were added, so the list goes in as it is, {@value #CHUNK} a request.
     */
    static final class MockServer extends Target {

        private static final int CHUNK = 1_000;
        private final Path jar;

        MockServer(Path jar) {
            super("MockServer 5.15.0");
            this.jar = jar;
        }

        @Override
        List<String> command(Path root, int port) {
            List<String> command = java("-Dmockserver.maxExpectations=20000", "-Dmockserver.logLevel=WARN",
                    "-Dmockserver.localBoundIP=127.0.0.1");
            command.addAll(extraArguments);
            command.addAll(List.of("-jar", jar.toString(), "-serverPort", Integer.toString(port)));
            return command;
        }

        @Override
        void reset(Http http, int port) {
            http.expectOk("PUT", port, "/mockserver/reset", null);
        }

        @Override
        void register(Http http, int port, List<Scenario.Stub> stubs) {
            for (int from = 0; from < stubs.size(); from += CHUNK) {
                StringBuilder json = new StringBuilder("[");
                for (int i = from; i < Math.min(stubs.size(), from + CHUNK); i++) {
                    Scenario.Stub stub = stubs.get(i);
                    if (i > from) {
                        json.append(',');
                    }
                    json.append("{\"httpRequest\":{\"method\":\"GET\",\"path\":").append(quote(stub.path()));
                    if (stub.pattern()) {
                        json.append(",\"pathParameters\":{\"id\":[\"[^/]+\"]}");
                    }
                    if (stub.scope() != null) {
                        json.append(",\"headers\":{").append(quote(stub.scope())).append(":[\".*\"]}");
                    }
                    json.append("},\"httpResponse\":{\"statusCode\":200,\"body\":").append(quote(stub.body()))
                            .append(",\"headers\":{\"Content-Type\":[\"text/plain; charset=utf-8\"]}}}");
                }
                json.append(']');
                http.expectOk("PUT", port, "/mockserver/expectation", json.toString());
            }
        }
    }
}
