package dev.scopemock.engine.model;

import java.util.Map;
import org.apiguardian.api.API;

/**
 * The outcome of a successful path match.
 *
 * @param specificity the number of non-empty literal segments that matched (0 for criteria)
 * @param params the {@code {name}} captures, in pattern order
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record PathMatch(int specificity, Map<String, String> params) {

    /** A match without specificity or captures. */
    public static final PathMatch PLAIN = new PathMatch(0, Map.of());

    /**
     * Copies the captures.
     *
     * @param specificity the literal segment count
     * @param params captured parameters
     */
    public PathMatch {
        params = Map.copyOf(params);
    }
}
