package dev.scopemock.engine.criteria;

import java.util.Map;
import org.apiguardian.api.API;

/**
 * {@code $between}: matches when the subject lies between the bounds, both included unless
 * {@code inclusive} is false.
 *
 * @param lower the lower bound
 * @param upper the upper bound
 * @param inclusive whether the bounds themselves match
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Between(Object lower, Object upper, boolean inclusive) implements Criterion {

    @Override
    public boolean test(Object subject) {
        int low = JsonValues.compare(subject, lower);
        int high = JsonValues.compare(subject, upper);
        return inclusive ? low >= 0 && high <= 0 : low > 0 && high < 0;
    }

    @Override
    public String operator() {
        return "$between";
    }

    @Override
    public Map<String, Object> arguments() {
        return WireArguments.of("lower", lower, "upper", upper, "is_inclusive", inclusive);
    }

    @Override
    public String toString() {
        return JsonValues.toJson(this);
    }
}
