package dev.scopemock.benchmarks.load;

import java.util.ArrayList;
import java.util.List;

/**
 * One stub set and the request wrk sends against it. Every stub answers {@code GET} with {@code 200 ok}; the request
 * always targets the stub registered last (the worst case for a server that scans its stubs in order).
 */
enum Scenario {

    ONE("1 stub", "/hello", null),
    LITERAL("10k literal paths", "/items/9999", null),
    PATTERN("10k {param} patterns", "/items9999/42", null),
    SCOPES("1k scopes x 10 stubs", "/s/9", "scope-999");

    /** How many scopes and stubs per scope the scoped scenario registers. */
    static final int SCOPE_COUNT = 1_000;
    static final int STUBS_PER_SCOPE = 10;
    static final int MANY = 10_000;

    final String label;
    final String requestPath;
    /** The scope header name the request carries (value "1"), or null. */
    final String requestScope;

    Scenario(String label, String requestPath, String requestScope) {
        this.label = label;
        this.requestPath = requestPath;
        this.requestScope = requestScope;
    }

    /** A stub to register: its path (a literal or a {@code {param}} pattern) and the scope it belongs to, or null. */
    record Stub(String path, boolean pattern, String scope) {
    }

    List<Stub> stubs() {
        List<Stub> stubs = new ArrayList<>();
        switch (this) {
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

    /** The distinct scopes of the stub set, in registration order. */
    List<String> scopes() {
        List<String> scopes = new ArrayList<>();
        if (this == SCOPES) {
            for (int s = 0; s < SCOPE_COUNT; s++) {
                scopes.add("scope-" + s);
            }
        }
        return scopes;
    }
}
