package dev.scopemock.engine.criteria;

import java.util.Map;
import org.apiguardian.api.API;

/**
 * {@code $length}: matches when the length of the subject (code points of a string, entries of an array, keys of
 * an object) satisfies {@code value} (an integer literal or a criterion).
 *
 * @param value the expected length, or a criterion over it
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Length(Object value) implements Criterion {

    @Override
    public boolean test(Object subject) {
        return JsonValues.matches(value, (long) JsonValues.length(subject));
    }

    @Override
    public String operator() {
        return "$length";
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
