package dev.scopemock.engine.model;

import dev.scopemock.engine.criteria.Criterion;
import dev.scopemock.engine.criteria.JsonValues;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A criterion applied to the attribute.
 *
 * @param criterion the criterion
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record CriterionMatch(Criterion criterion) implements ValueMatcher {

    /**
     * Checks the criterion is present.
     *
     * @param criterion the criterion
     */
    public CriterionMatch {
        Objects.requireNonNull(criterion, "criterion");
    }

    @Override
    public boolean test(Object subject) {
        return criterion.test(subject);
    }

    @Override
    public Object toWire() {
        return JsonValues.toWire(criterion);
    }
}
