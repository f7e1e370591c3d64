package dev.scopemock.engine.model;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * An exact path (assertions): no patterns, no trimming.
 *
 * @param path the expected decoded path
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record PathEquals(String path) implements PathMatcher {

    /**
     * Checks the path is present.
     *
     * @param path the expected decoded path
     */
    public PathEquals {
        Objects.requireNonNull(path, "path");
    }

    @Override
    public PathMatch match(String actual) {
        return path.equals(actual) ? PathMatch.PLAIN : null;
    }

    @Override
    public Object toWire() {
        return path;
    }
}
