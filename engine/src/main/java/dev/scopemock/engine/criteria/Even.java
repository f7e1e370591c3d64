package dev.scopemock.engine.criteria;

import java.util.Map;
import org.apiguardian.api.API;

/**
 * {@code $even}: matches a number that is even (floored modulo, so {@code -3} is odd; {@code 3.5} is neither).
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Even() implements Criterion {

    @Override
    public boolean test(Object subject) {
        if (!(subject instanceof Number number)) {
            throw new CriterionException("$even needs a number subject, found a " + JsonValues.typeName(subject));
        }
        return JsonValues.floorModTwo(number) == 0;
    }

    @Override
    public String operator() {
        return "$even";
    }

    @Override
    public Map<String, Object> arguments() {
        return WireArguments.of();
    }

    @Override
    public String toString() {
        return JsonValues.toJson(this);
    }
}
