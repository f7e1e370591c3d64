package dev.scopemock.engine.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopemock.engine.criteria.Criterion;
import dev.scopemock.engine.criteria.ExactKeyValues;
import dev.scopemock.engine.criteria.KeyValues;
import dev.scopemock.engine.model.CriterionMatch;
import dev.scopemock.engine.model.JsonEquals;
import dev.scopemock.engine.model.KeyValuesMatcher;
import dev.scopemock.engine.model.MapCriterion;
import dev.scopemock.engine.model.MapMatcher;
import dev.scopemock.engine.model.PathCriterion;
import dev.scopemock.engine.model.PathEquals;
import dev.scopemock.engine.model.PathMatcher;
import dev.scopemock.engine.model.PathPattern;
import dev.scopemock.engine.model.RequestMatcher;
import dev.scopemock.engine.model.TextEquals;
import dev.scopemock.engine.model.ValueMatcher;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads the request-matcher fields shared by stubs and assertions, with their literal-to-matcher rules. */
final class MatcherReader {

    private final WireErrors errors;
    private final CriterionReader criteria;

    MatcherReader(WireErrors errors) {
        this.errors = errors;
        this.criteria = new CriterionReader(errors);
    }

    CriterionReader criteria() {
        return criteria;
    }

    /**
     * Reads the matcher fields of {@code object}.
     *
     * @param patterns whether a string path is a {@code {param}} pattern (stubs) or an exact path (assertions)
     */
    RequestMatcher read(JsonNode object, List<Object> loc, boolean patterns) {
        PathMatcher path = path(object.get("path"), WireErrors.at(loc, "path"), patterns);
        ValueMatcher method = text(object.get("method"), WireErrors.at(loc, "method"), true, false);
        ValueMatcher host = text(object.get("host"), WireErrors.at(loc, "host"), true, true);
        ValueMatcher body = body(object.get("body"), WireErrors.at(loc, "body"));
        MapMatcher headers = map(object.get("headers"), WireErrors.at(loc, "headers"), true);
        MapMatcher query = map(object.get("query"), WireErrors.at(loc, "query"), false);
        return new RequestMatcher(path, method, headers, body, host, query);
    }

    static final Set<String> FIELDS = Set.of("path", "method", "host", "body", "headers", "query");

    private PathMatcher path(JsonNode node, List<Object> loc, boolean patterns) {
        if (WireErrors.isAbsent(node)) {
            return null;
        }
        if (node.isTextual()) {
            return patterns ? new PathPattern(node.textValue()) : new PathEquals(node.textValue());
        }
        Criterion criterion = stringOrCriterion(node, loc);
        return criterion == null ? null : new PathCriterion(criterion);
    }

    private ValueMatcher text(JsonNode node, List<Object> loc, boolean ignoreCase, boolean stripPort) {
        if (WireErrors.isAbsent(node)) {
            return null;
        }
        if (node.isTextual()) {
            String text = node.textValue();
            if (text.isEmpty()) {
                return null;
            }
            return new TextEquals(stripPort ? HostNames.withoutPort(text) : text, ignoreCase, text);
        }
        Criterion criterion = stringOrCriterion(node, loc);
        return criterion == null ? null : new CriterionMatch(criterion);
    }

    private Criterion stringOrCriterion(JsonNode node, List<Object> loc) {
        if (!node.isObject()) {
            errors.add("string_type", WireErrors.at(loc, "str"), "Input should be a valid string, found "
                    + WireErrors.kind(node));
            errors.add("dict_type", WireErrors.at(loc, "dict[any,any]"), "Input should be a valid dictionary"
                    + " (a criterion object), found " + WireErrors.kind(node));
            return null;
        }
        return criteria.requireCriterion(node, loc);
    }

    private ValueMatcher body(JsonNode node, List<Object> loc) {
        if (WireErrors.isAbsent(node)) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue().isEmpty() ? null : new TextEquals(node.textValue(), false);
        }
        if (CriterionReader.isOperatorObject(node)) {
            Criterion criterion = criteria.criterion(node, loc);
            return criterion == null ? null : new CriterionMatch(criterion);
        }
        return new JsonEquals(criteria.value(node, loc));
    }

    private MapMatcher map(JsonNode node, List<Object> loc, boolean headers) {
        if (WireErrors.isAbsent(node)) {
            return null;
        }
        if (!node.isObject()) {
            errors.add("dict_type", loc, "Input should be a valid dictionary (object), found "
                    + WireErrors.kind(node));
            return null;
        }
        if (CriterionReader.isOperatorObject(node)) {
            return mapCriterion(criteria.criterion(node, loc), headers);
        }
        Map<String, Object> expected = new LinkedHashMap<>();
        node.fields().forEachRemaining(field -> {
            List<Object> here = WireErrors.at(loc, field.getKey());
            JsonNode value = field.getValue();
            if (value.isTextual()) {
                expected.put(field.getKey(), value.textValue());
            } else if (CriterionReader.isOperatorObject(value)) {
                Criterion criterion = criteria.criterion(value, here);
                if (criterion != null) {
                    expected.put(field.getKey(), criterion);
                }
            } else {
                errors.add("string_type", here, (headers ? "header" : "query parameter") + " values are text:"
                        + " give a string or a criterion, found " + WireErrors.kind(value));
            }
        });
        return new KeyValuesMatcher(expected, headers);
    }

    /**
     * A top-level {@code $key_values} is the same matcher as a plain object (any value of a repeated name may
     * match; header names ignore case); {@code $exact_key_values} on headers gets lower-cased names, as request
     * header names are.
     */
    private static MapMatcher mapCriterion(Criterion criterion, boolean headers) {
        if (criterion == null) {
            return null;
        }
        if (criterion instanceof KeyValues keyValues) {
            return new KeyValuesMatcher(keyValues.keyValues(), headers);
        }
        if (headers && criterion instanceof ExactKeyValues exact) {
            Map<String, Object> lowerCased = new LinkedHashMap<>();
            exact.keyValues().forEach((name, value) -> lowerCased.put(name.toLowerCase(Locale.ROOT), value));
            return new MapCriterion(new ExactKeyValues(lowerCased));
        }
        return new MapCriterion(criterion);
    }
}
