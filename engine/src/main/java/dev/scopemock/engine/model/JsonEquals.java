package dev.scopemock.engine.model;

import dev.scopemock.engine.criteria.CriterionException;
import dev.scopemock.engine.criteria.JsonValues;
import dev.scopemock.engine.internal.json.JsonCodec;
import org.apiguardian.api.API;

/**
 * A body given as a JSON object, array, number or boolean: matches a request body that parses to an equal JSON
 * value (nested criteria are evaluated in place).
 *
 * @param value the expected JSON value
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record JsonEquals(Object value) implements ValueMatcher {

    @Override
    public boolean test(Object subject) {
        if (!(subject instanceof String text)) {
            throw new CriterionException("a JSON body needs a text body, found a " + JsonValues.typeName(subject));
        }
        return JsonValues.matches(value, JsonCodec.parseValue(text));
    }

    @Override
    public Object toWire() {
        return JsonValues.toWire(value);
    }
}
