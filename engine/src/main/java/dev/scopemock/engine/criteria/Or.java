package dev.scopemock.engine.criteria;

import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * {@code $or}: matches when at least one item matches (an empty list matches nothing).
 *
 * @param items the criteria to combine
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Or(List<Criterion> items) implements Criterion {

    /**
     * Copies the items.
     *
     * @param items the criteria to combine, not null
     */
    public Or {
        items = List.copyOf(items);
    }

    @Override
    public boolean test(Object subject) {
        for (Criterion item : items) {
            if (item.test(subject)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String operator() {
        return "$or";
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
