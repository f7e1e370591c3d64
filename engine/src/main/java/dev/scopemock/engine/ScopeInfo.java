package dev.scopemock.engine;

import java.util.Objects;
import java.util.OptionalInt;
import org.apiguardian.api.API;

/**
 * A scope as {@link MockEngine#createScope(String, ScopeOptions)} created it and {@link MockEngine#scopeInfos()}
 * lists it. Prints as {@code checkout (port 41234)} or {@code checkout}.
 *
 * @param name the lower-cased scope name
 * @param dedicatedPort the scope's own port, or 0 when it has none
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ScopeInfo(String name, int dedicatedPort) {

    /**
     * Validates the parts.
     *
     * @param name scope name
     * @param dedicatedPort port or 0
     */
    public ScopeInfo {
        Objects.requireNonNull(name, "name");
        if (dedicatedPort < 0 || dedicatedPort > 65535) {
            throw new IllegalArgumentException("dedicatedPort must be between 0 and 65535, found " + dedicatedPort);
        }
    }

    /**
     * The scope's own port: every request arriving there belongs to the scope, with or without headers.
     *
     * @return the port, or empty when the scope has none (it is reached by its header or its path prefix)
     */
    public OptionalInt port() {
        return dedicatedPort == 0 ? OptionalInt.empty() : OptionalInt.of(dedicatedPort);
    }

    @Override
    public String toString() {
        return dedicatedPort == 0 ? name : name + " (port " + dedicatedPort + ")";
    }
}
