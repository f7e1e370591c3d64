package dev.scopemock.junit.internal;

import dev.scopemock.junit.Isolation;
import java.net.URI;

/**
 * Creates a test's scope as its {@link Isolation} asks and tells the base URL that reaches it: the engine's own URL
 * (header), {@code http://<engine host>:<scope port>} (port) or the engine's URL plus {@code /__scope__/<scope>}
 * (path prefix).
 */
final class ScopeIsolation {

    /** The engine's path prefix that names a scope. */
    static final String PATH_PREFIX = "/__scope__/";

    private ScopeIsolation() {
    }

    /**
     * @return the scope's base URL, or null when a scope of that name already exists
     */
    static URI create(EngineConnection engine, String name, Isolation isolation) {
        URI engineUrl = engine.baseUrl();
        switch (isolation) {
            case PORT -> {
                int port = engine.createScopeWithPort(name);
                return port < 0 ? null : URI.create("http://" + engineUrl.getHost() + ":" + port);
            }
            case PATH_PREFIX -> {
                return engine.createScope(name) ? URI.create(engineUrl + PATH_PREFIX + name) : null;
            }
            default -> {
                return engine.createScope(name) ? engineUrl : null;
            }
        }
    }
}
