package dev.scopemock.engine.criteria;

import java.util.Map;
import org.apiguardian.api.API;

/**
 * {@code $neq}: matches when the subject does not equal the value.
 *
 * @param value the literal to compare with
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Neq(Object value) implements Criterion {

    @Override
    public boolean test(Object subject) {
        return !JsonValues.matches(value, subject);
    }

    @Override
    public String operator() {
        return "$neq";
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
