package dev.scopemock.engine.model;

import dev.scopemock.engine.criteria.Eq;
import dev.scopemock.engine.criteria.JsonValues;
import dev.scopemock.engine.criteria.KeyValues;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * A subset matcher: every listed name must be present and at least one of its values must satisfy the literal or
 * criterion; other names are allowed. Header names are compared case-insensitively.
 *
 * @param expected names and the literal or criterion their value must satisfy
 * @param caseInsensitiveNames whether names are compared ignoring case (headers)
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record KeyValuesMatcher(Map<String, Object> expected, boolean caseInsensitiveNames) implements MapMatcher {

    /**
     * Copies the map, lower-casing names when they are case-insensitive.
     *
     * @param expected names and values
     * @param caseInsensitiveNames whether names ignore case
     */
    public KeyValuesMatcher {
        Map<String, Object> copy = new LinkedHashMap<>();
        expected.forEach((k, v) -> copy.put(caseInsensitiveNames ? k.toLowerCase(Locale.ROOT) : k, v));
        expected = Collections.unmodifiableMap(copy);
    }

    @Override
    public boolean test(Map<String, String> single, Map<String, List<String>> all) {
        for (Map.Entry<String, Object> entry : expected.entrySet()) {
            List<String> values = all.get(entry.getKey());
            if (values == null || !anyMatches(entry.getValue(), values)) {
                return false;
            }
        }
        return true;
    }

    private static boolean anyMatches(Object expected, List<String> values) {
        for (String value : values) {
            if (JsonValues.matches(expected, value)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean isEmpty() {
        return expected.isEmpty();
    }

    @Override
    public Object toWire() {
        Map<String, Object> canonical = new LinkedHashMap<>();
        expected.forEach((k, v) -> canonical.put(k, v instanceof dev.scopemock.engine.criteria.Criterion ? v : new Eq(v)));
        return JsonValues.toWire(new KeyValues(canonical));
    }
}
