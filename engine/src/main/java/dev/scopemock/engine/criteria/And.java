package dev.scopemock.engine.criteria;

import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * {@code $and}: matches when every item matches (an empty list matches everything).
 *
 * @param items the criteria to combine
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record And(List<Criterion> items) implements Criterion {

    /**
     * Copies the items.
     *
     * @param items the criteria to combine, not null
     */
    public And {
        items = List.copyOf(items);
    }

    @Override
    public boolean test(Object subject) {
        for (Criterion item : items) {
            if (!item.test(subject)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String operator() {
        return "$and";
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
