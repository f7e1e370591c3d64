package dev.scopemock.engine.criteria;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * {@code $key_values}: matches an object that has every listed key with a matching value; other keys are allowed.
 *
 * @param keyValues the expected keys and, for each, a literal or criterion its value must satisfy
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record KeyValues(Map<String, Object> keyValues) implements Criterion {

    /**
     * Copies the map, keeping its order.
     *
     * @param keyValues expected keys and values (null values allowed)
     */
    public KeyValues {
        keyValues = Collections.unmodifiableMap(new LinkedHashMap<>(keyValues));
    }

    @Override
    public boolean test(Object subject) {
        if (!(subject instanceof Map<?, ?> map)) {
            throw new CriterionException("$key_values needs an object subject, found a " + JsonValues.typeName(subject));
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
        return "$key_values";
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
