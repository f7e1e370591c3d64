package dev.scopemock.engine.criteria;

import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * {@code $xor}: matches when exactly one of the two criteria matches.
 *
 * @param left the first criterion
 * @param right the second criterion
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Xor(Criterion left, Criterion right) implements Criterion {

    /**
     * Checks both sides are present.
     *
     * @param left the first criterion
     * @param right the second criterion
     */
    public Xor {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
    }

    @Override
    public boolean test(Object subject) {
        return left.test(subject) ^ right.test(subject);
    }

    @Override
    public String operator() {
        return "$xor";
    }

    @Override
    public Map<String, Object> arguments() {
        return WireArguments.of("left", left, "right", right);
    }

    @Override
    public String toString() {
        return JsonValues.toJson(this);
    }
}
