package dev.scopemock.junit.internal;

import dev.scopemock.junit.Isolation;
import java.net.URI;

/**
 * Creates a test's scope as its {@link Isolation} asks and tells the base URL that reaches it: the engine's own URL
 * (header), {@code http://<engine host>:<scope port>} (port) or the engine's URL plus {@code /__scope__/<scope>}
 * (path prefix); {@code https://} and the HTTPS port when the test asks for HTTPS.
 */
final class ScopeIsolation {

    /** The engine's path prefix that names a scope. */
    static final String PATH_PREFIX = "/__scope__/";

    private ScopeIsolation() {
    }

    /** As {@link #create(EngineConnection, URI, String, Isolation)} over the engine's plain HTTP URL. */
    static URI create(EngineConnection engine, String name, Isolation isolation) {
        return create(engine, engine.baseUrl(), name, isolation);
    }

    /**
     * @param engineUrl the engine's URL the test uses: its HTTP or its HTTPS one
     * @return the scope's base URL, or null when a scope of that name already exists
     */
    static URI create(EngineConnection engine, URI engineUrl, String name, Isolation isolation) {
        switch (isolation) {
            case PORT -> {
                int port = engine.createScopeWithPort(name);
                // a dedicated port of an engine serving HTTPS answers http:// and https:// alike
                return port < 0 ? null : URI.create(engineUrl.getScheme() + "://" + engineUrl.getRawAuthority()
                        .replaceFirst(":\\d+$", "") + ":" + port);
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
