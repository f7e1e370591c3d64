package dev.scopemock.engine.criteria;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * {@code $contains}: matches when every item is found in the subject. On an array each item must match some
 * entry; on an object some key; on a string a literal string item is a <em>substring</em> test and a criterion
 * item must match some single character.
 *
 * @param items literals or criteria that must all be found
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Contains(List<Object> items) implements Criterion {

    /**
     * Copies the items.
     *
     * @param items literals or criteria (null entries allowed)
     */
    public Contains {
        items = Collections.unmodifiableList(new ArrayList<>(items));
    }

    @Override
    public boolean test(Object subject) {
        List<Object> elements = JsonValues.elements(subject);
        for (Object item : items) {
            if (subject instanceof String text && item instanceof String needle) {
                if (!text.contains(needle)) {
                    return false;
                }
            } else if (subject instanceof String text && item instanceof Eq eq && eq.value() instanceof String needle) {
                if (!text.contains(needle)) {
                    return false;
                }
            } else if (!anyMatches(item, elements)) {
                return false;
            }
        }
        return true;
    }

    private static boolean anyMatches(Object item, List<Object> elements) {
        for (Object element : elements) {
            if (JsonValues.matches(item, element)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String operator() {
        return "$contains";
    }

    @Override
    public Map<String, Object> arguments() {
        return WireArguments.of("items", items);
    }

    @Override
    public String toString() {
        return JsonValues.toJson(this);
    }
}
