package dev.scopemock.engine.model;

import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Matches the headers or the query parameters of a request.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public sealed interface MapMatcher permits KeyValuesMatcher, MapCriterion {

    /**
     * Tests the map.
     *
     * @param single one value per name (first header value, last query value), as the protocol shows it
     * @param all every value per name
     * @return whether it matches
     * @throws dev.scopemock.engine.criteria.CriterionException when a criterion cannot evaluate a value
     */
    boolean test(Map<String, String> single, Map<String, List<String>> all);

    /**
     * Whether the matcher accepts every map; such a matcher adds no rank.
     *
     * @return true for an empty subset matcher
     */
    boolean isEmpty();

    /**
     * The wire form.
     *
     * @return a JSON value
     */
    Object toWire();
}
