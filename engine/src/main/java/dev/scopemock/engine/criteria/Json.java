package dev.scopemock.engine.criteria;

import dev.scopemock.engine.internal.json.JsonCodec;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * {@code $json}: parses a string subject as JSON and matches the parsed value against {@code innerCriteria}
 * (a criterion, or a literal meaning JSON equality).
 *
 * @param innerCriteria the criterion or literal the parsed value must satisfy
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Json(Object innerCriteria) implements Criterion {

    @Override
    public boolean test(Object subject) {
        if (!(subject instanceof String text)) {
            throw new CriterionException("$json needs a text subject, found a " + JsonValues.typeName(subject));
        }
        return JsonValues.matches(innerCriteria, JsonCodec.parseValue(text));
    }

    @Override
    public String operator() {
        return "$json";
    }

    @Override
    public Map<String, Object> arguments() {
        return WireArguments.of("inner_criteria", innerCriteria);
    }

    @Override
    public String toString() {
        return JsonValues.toJson(this);
    }
}
