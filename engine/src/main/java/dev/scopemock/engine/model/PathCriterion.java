package dev.scopemock.engine.model;

import dev.scopemock.engine.criteria.Criterion;
import dev.scopemock.engine.criteria.JsonValues;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A criterion over the decoded path (specificity 0, no captures).
 *
 * @param criterion the criterion the path must satisfy
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record PathCriterion(Criterion criterion) implements PathMatcher {

    /**
     * Checks the criterion is present.
     *
     * @param criterion the criterion
     */
    public PathCriterion {
        Objects.requireNonNull(criterion, "criterion");
    }

    @Override
    public PathMatch match(String path) {
        return criterion.test(path) ? PathMatch.PLAIN : null;
    }

    @Override
    public Object toWire() {
        return JsonValues.toWire(criterion);
    }
}
