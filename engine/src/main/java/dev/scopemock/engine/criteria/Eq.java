package dev.scopemock.engine.criteria;

import java.util.Map;
import org.apiguardian.api.API;

/**
 * {@code $eq}: matches when the subject equals the value (JSON equality).
 *
 * @param value the literal to compare with
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Eq(Object value) implements Criterion {

    @Override
    public boolean test(Object subject) {
        return JsonValues.matches(value, subject);
    }

    @Override
    public String operator() {
        return "$eq";
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
