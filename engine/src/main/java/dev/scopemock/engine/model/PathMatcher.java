package dev.scopemock.engine.model;

import org.apiguardian.api.API;

/**
 * Matches a request path: a {@code {param}} pattern (stubs), an exact string (assertions) or a criterion.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public sealed interface PathMatcher permits PathPattern, PathEquals, PathCriterion {

    /**
     * Matches a decoded request path.
     *
     * @param path the percent-decoded path, without query
     * @return the match (with captured parameters), or {@code null} when the path does not match
     * @throws dev.scopemock.engine.criteria.CriterionException when a criterion cannot evaluate the path
     */
    PathMatch match(String path);

    /**
     * The wire form: the pattern or path string, or the criterion object.
     *
     * @return a JSON value
     */
    Object toWire();
}
