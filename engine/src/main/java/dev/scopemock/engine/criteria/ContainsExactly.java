package dev.scopemock.engine.criteria;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * {@code $contains_exactly}: matches when the subject has exactly as many elements as there are items and item
 * <i>i</i> matches element <i>i</i> (array entries, object keys, or the characters of a string).
 *
 * @param items literals or criteria, in order
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ContainsExactly(List<Object> items) implements Criterion {

    /**
     * Copies the items.
     *
     * @param items literals or criteria (null entries allowed)
     */
    public ContainsExactly {
        items = Collections.unmodifiableList(new ArrayList<>(items));
    }

    @Override
    public boolean test(Object subject) {
        List<Object> elements = JsonValues.elements(subject);
        if (elements.size() != items.size()) {
            return false;
        }
        for (int i = 0; i < items.size(); i++) {
            if (!JsonValues.matches(items.get(i), elements.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String operator() {
        return "$contains_exactly";
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
