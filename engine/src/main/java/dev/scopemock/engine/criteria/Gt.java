package dev.scopemock.engine.criteria;

import java.util.Map;
import org.apiguardian.api.API;

/**
 * {@code $gt}: matches when the subject is greater than the value.
 *
 * @param value the literal to compare with
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Gt(Object value) implements Criterion {

    @Override
    public boolean test(Object subject) {
        return JsonValues.compare(subject, value) > 0;
    }

    @Override
    public String operator() {
        return "$gt";
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
