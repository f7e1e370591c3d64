package dev.scopemock.engine.criteria;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * {@code $ignore_case}: matches a string equal to {@code value} when both are lower-cased.
 *
 * @param value the expected text
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record IgnoreCase(String value) implements Criterion {

    /**
     * Checks the value is present.
     *
     * @param value the expected text
     */
    public IgnoreCase {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public boolean test(Object subject) {
        if (!(subject instanceof String text)) {
            throw new CriterionException("$ignore_case needs a text subject, found a " + JsonValues.typeName(subject));
        }
        return text.toLowerCase(Locale.ROOT).equals(value.toLowerCase(Locale.ROOT));
    }

    @Override
    public String operator() {
        return "$ignore_case";
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
