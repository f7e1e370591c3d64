package dev.scopemock.benchmarks.load;

import java.util.ArrayList;
import java.util.List;

/**
 * One stub set and the requests wrk sends against it. Every stub answers {@code GET} with {@code 200 ok}. A stub set
 * is a list, and every server is given the same list through its own admin API (Scopemock one stub per request, the
 * peers in bulk), each keeping the list's order as its precedence: the first stub of the list is tried first. Most
 * scenarios request the list's last stub, the one registered last (the worst case for a server that tries its stubs
 * in turn, the case the figures for the peers describe); "first of the list" is the other way round, the best
 * case of a scanning server; the "every stub in turn" scenarios request each stub of the list in turn, so a scanning
 * server pays its average scan, as a test suite that uses all its stubs does.
 */
enum Scenario {

    ONE("1 stub", "/hello", null, false),
    LITERAL("10k literal paths, the last", "/items/9999", null, false),
    PATTERN("10k {param} patterns, the last", "/items9999/42", null, false),
    SCOPES("1k scopes x 10 stubs, the last", "/s/9", "scope-999", false),
    LITERAL_FIRST("10k literal paths, the first", "/items/0", null, false),
    LITERAL_ALL("10k literal paths, every stub in turn", "/items/9999", null, true),
    PATTERN_ALL("10k {param} patterns, every stub in turn", "/items9999/42", null, true);

    /** How many scopes and stubs per scope the scoped scenario registers. */
    static final int SCOPE_COUNT = 1_000;
    static final int STUBS_PER_SCOPE = 10;
    static final int MANY = 10_000;

    final String label;
    /** The one path most scenarios request (the list's last stub, or its first); checked before every load. */
    final String requestPath;
    /** The scope header name the request carries (value "1"), or null. */
    final String requestScope;
    /** Whether wrk requests every stub of the set in turn instead of {@link #requestPath} alone. */
    final boolean everyStub;

    Scenario(String label, String requestPath, String requestScope, boolean everyStub) {
        this.label = label;
        this.requestPath = requestPath;
        this.requestScope = requestScope;
        this.everyStub = everyStub;
    }

    /** The path that requests each stub of the set, in registration order ({@code {id}} as 42). */
    List<String> requestPaths() {
        List<String> paths = new ArrayList<>();
        for (Stub stub : stubs()) {
            paths.add(stub.pattern() ? stub.path().replace("{id}", "42") : stub.path());
        }
        return paths;
    }

    /** Whether phase 1 (the ratios to the raw handler and to the engine's own 1-stub figure) measures it. */
    boolean interleaved() {
        return this == ONE || this == LITERAL || this == PATTERN || this == SCOPES;
    }

    /** The scenario whose stub set this one registers (itself, or the one it requests differently). */
    Scenario stubSet() {
        return switch (this) {
            case LITERAL_FIRST, LITERAL_ALL -> LITERAL;
            case PATTERN_ALL -> PATTERN;
            default -> this;
        };
    }

    /**
     * A stub to register: its path (a literal or a {@code {param}} pattern), the scope it belongs to (or null) and the
     * body it answers with.
     */
    record Stub(String path, boolean pattern, String scope, String body) {

        Stub(String path, boolean pattern, String scope) {
            this(path, pattern, scope, "ok");
        }
    }

    /** Whether this scenario's stub set is the 10,000-stub one the "last registered" targets name. */
    boolean lastOfMany() {
        return this == LITERAL || this == PATTERN || this == SCOPES;
    }

    List<Stub> stubs() {
        List<Stub> stubs = new ArrayList<>();
        switch (stubSet()) {
            case ONE -> stubs.add(new Stub("/hello", false, null));
            case LITERAL -> {
                for (int i = 0; i < MANY; i++) {
                    stubs.add(new Stub("/items/" + i, false, null));
                }
            }
            case PATTERN -> {
                for (int i = 0; i < MANY; i++) {
                    stubs.add(new Stub("/items" + i + "/{id}", true, null));
                }
            }
            case SCOPES -> {
                for (int s = 0; s < SCOPE_COUNT; s++) {
                    for (int j = 0; j < STUBS_PER_SCOPE; j++) {
                        stubs.add(new Stub("/s/" + j, false, "scope-" + s));
                    }
                }
            }
            default -> throw new IllegalStateException(name());
        }
        return stubs;
    }
}
