package dev.scopemock.engine.criteria;

import java.util.Map;
import org.apiguardian.api.API;

/**
 * {@code $lt}: matches when the subject is less than the value.
 *
 * @param value the literal to compare with
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Lt(Object value) implements Criterion {

    @Override
    public boolean test(Object subject) {
        return JsonValues.compare(subject, value) < 0;
    }

    @Override
    public String operator() {
        return "$lt";
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
