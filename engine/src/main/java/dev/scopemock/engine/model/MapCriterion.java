package dev.scopemock.engine.model;

import dev.scopemock.engine.criteria.Criterion;
import dev.scopemock.engine.criteria.JsonValues;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A criterion applied to the whole single-valued map (for example {@code $exact_key_values}).
 *
 * @param criterion the criterion
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record MapCriterion(Criterion criterion) implements MapMatcher {

    /**
     * Checks the criterion is present.
     *
     * @param criterion the criterion
     */
    public MapCriterion {
        Objects.requireNonNull(criterion, "criterion");
    }

    @Override
    public boolean test(Map<String, String> single, Map<String, List<String>> all) {
        return criterion.test(single);
    }

    @Override
    public boolean isEmpty() {
        return false;
    }

    @Override
    public Object toWire() {
        return JsonValues.toWire(criterion);
    }
}
