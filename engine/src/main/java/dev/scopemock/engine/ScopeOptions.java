package dev.scopemock.engine;

import org.apiguardian.api.API;

/**
 * How to create a scope with {@link MockEngine#createScope(String, ScopeOptions)}.
 *
 * <pre>{@code
 * ScopeInfo scope = engine.createScope("checkout", ScopeOptions.defaults().withDedicatedPort(true));
 * int port = scope.port().orElseThrow();   // every request to this port belongs to "checkout"
 * }</pre>
 *
 * @param dedicatedPort whether the scope gets a port of its own: a connector on a free port of the engine's bind
 *                      address, where every request belongs to the scope without any header; closed with the scope
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ScopeOptions(boolean dedicatedPort) {

    /**
     * A scope reached by its header or its path prefix only, without a port of its own.
     *
     * @return the defaults
     */
    public static ScopeOptions defaults() {
        return new ScopeOptions(false);
    }

    /**
     * These options with or without a dedicated port.
     *
     * @param open true for a port of the scope's own
     * @return a copy
     */
    public ScopeOptions withDedicatedPort(boolean open) {
        return new ScopeOptions(open);
    }
}
