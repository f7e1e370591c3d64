package dev.scopemock.engine.criteria;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * {@code $exact_key_values}: matches an object that has exactly the listed keys, each with a matching value.
 *
 * @param keyValues the expected keys and, for each, a literal or criterion its value must satisfy
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ExactKeyValues(Map<String, Object> keyValues) implements Criterion {

    /**
     * Copies the map, keeping its order.
     *
     * @param keyValues expected keys and values (null values allowed)
     */
    public ExactKeyValues {
        keyValues = Collections.unmodifiableMap(new LinkedHashMap<>(keyValues));
    }

    @Override
    public boolean test(Object subject) {
        if (!(subject instanceof Map<?, ?> map)) {
            throw new CriterionException("$exact_key_values needs an object subject, found a " + JsonValues.typeName(subject));
        }
        if (map.size() != keyValues.size()) {
            return false;
        }
        for (Map.Entry<String, Object> entry : keyValues.entrySet()) {
            if (!map.containsKey(entry.getKey()) || !JsonValues.matches(entry.getValue(), map.get(entry.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String operator() {
        return "$exact_key_values";
    }

    @Override
    public Map<String, Object> arguments() {
        return WireArguments.of("key_values", keyValues);
    }

    @Override
    public String toString() {
        return JsonValues.toJson(this);
    }
}
