package dev.scopemock.engine.criteria;

import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * {@code $not}: matches when the wrapped criterion does not. A subject the wrapped criterion cannot evaluate is
 * still not evaluable (it does not silently match).
 *
 * @param value the criterion to negate
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Not(Criterion value) implements Criterion {

    /**
     * Checks the criterion is present.
     *
     * @param value the criterion to negate
     */
    public Not {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public boolean test(Object subject) {
        return !value.test(subject);
    }

    @Override
    public String operator() {
        return "$not";
    }

    @Override
    public Map<String, Object> arguments() {
        return WireArguments.of("value", value);
    }

    @Override
    public String toString() {
        return JsonValues.toJson(this);
    }
}
