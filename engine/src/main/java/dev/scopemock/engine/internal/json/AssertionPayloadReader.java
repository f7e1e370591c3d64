package dev.scopemock.engine.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopemock.engine.criteria.Criterion;
import dev.scopemock.engine.criteria.Eq;
import dev.scopemock.engine.criteria.Gte;
import dev.scopemock.engine.model.RequestMatcher;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code POST /__mock__/assert}: matcher fields (a string path is an exact path, not a pattern) and
 * {@code times} (absent: at least once; an integer: exactly that count; an object: a criterion over the count).
 */
public final class AssertionPayloadReader {

    /** A parsed assertion. */
    public record Assertion(RequestMatcher matcher, Criterion times) {
    }

    private AssertionPayloadReader() {
    }

    public static Assertion read(JsonNode root) {
        WireErrors errors = new WireErrors();
        List<Object> loc = List.of("body");
        if (!root.isObject()) {
            errors.add("model_attributes_type", loc, "Input should be a valid dictionary or object, found "
                    + WireErrors.kind(root));
            errors.throwIfAny();
        }
        Set<String> allowed = new HashSet<>(MatcherReader.FIELDS);
        allowed.add("times");
        errors.rejectUnknown(root, loc, allowed);
        MatcherReader matchers = new MatcherReader(errors);
        RequestMatcher matcher = matchers.read(root, loc, false);
        Criterion times = times(root.get("times"), WireErrors.at(loc, "times"), errors, matchers.criteria());
        errors.throwIfAny();
        return new Assertion(matcher, times);
    }

    private static Criterion times(JsonNode node, List<Object> loc, WireErrors errors, CriterionReader criteria) {
        if (WireErrors.isAbsent(node)) {
            return new Gte(1L);
        }
        if (node.isIntegralNumber()) {
            return new Eq(node.longValue());
        }
        if (node.isObject()) {
            return criteria.requireCriterion(node, loc);
        }
        errors.add("times_type", loc, "times must be an integer (exact count) or a criterion object such as"
                + " {\"$gte\": {\"value\": 1}}, found " + WireErrors.kind(node));
        return null;
    }
}
