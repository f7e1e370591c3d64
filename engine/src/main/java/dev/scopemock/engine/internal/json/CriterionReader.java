package dev.scopemock.engine.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopemock.engine.criteria.And;
import dev.scopemock.engine.criteria.Between;
import dev.scopemock.engine.criteria.Contains;
import dev.scopemock.engine.criteria.ContainsExactly;
import dev.scopemock.engine.criteria.Criterion;
import dev.scopemock.engine.criteria.Eq;
import dev.scopemock.engine.criteria.Even;
import dev.scopemock.engine.criteria.ExactKeyValues;
import dev.scopemock.engine.criteria.Gt;
import dev.scopemock.engine.criteria.Gte;
import dev.scopemock.engine.criteria.IgnoreCase;
import dev.scopemock.engine.criteria.Json;
import dev.scopemock.engine.criteria.KeyValues;
import dev.scopemock.engine.criteria.Length;
import dev.scopemock.engine.criteria.Lt;
import dev.scopemock.engine.criteria.Lte;
import dev.scopemock.engine.criteria.Neq;
import dev.scopemock.engine.criteria.Not;
import dev.scopemock.engine.criteria.Odd;
import dev.scopemock.engine.criteria.Or;
import dev.scopemock.engine.criteria.Regex;
import dev.scopemock.engine.criteria.Xor;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.PatternSyntaxException;

/**
 * Deserialises the {@code $operator} JSON of the protocol into criteria, recursively. Malformed criteria (an
 * unknown {@code $operator}, an operator beside other keys, a wrong argument shape, an invalid regex) are
 * reported with their field path instead of failing later.
 */
final class CriterionReader {

    static final Set<String> OPERATORS = Set.of("$eq", "$neq", "$gt", "$gte", "$lt", "$lte", "$between", "$and",
            "$or", "$xor", "$not", "$json", "$contains", "$contains_exactly", "$regex", "$length", "$key_values",
            "$exact_key_values", "$even", "$odd", "$ignore_case");

    private final WireErrors errors;

    CriterionReader(WireErrors errors) {
        this.errors = errors;
    }

    /** Whether the node is an object that holds an operator key. */
    static boolean isOperatorObject(JsonNode node) {
        if (node == null || !node.isObject()) {
            return false;
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            if (names.next().startsWith("$")) {
                return true;
            }
        }
        return false;
    }

    /** Reads any value: operator objects become criteria, other objects and arrays are read element-wise. */
    Object value(JsonNode node, List<Object> loc) {
        if (node.isObject()) {
            if (isOperatorObject(node)) {
                return criterion(node, loc);
            }
            Map<String, Object> map = new LinkedHashMap<>();
            node.fields().forEachRemaining(f -> map.put(f.getKey(), value(f.getValue(), WireErrors.at(loc,
                    f.getKey()))));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            for (int i = 0; i < node.size(); i++) {
                list.add(value(node.get(i), WireErrors.at(loc, i)));
            }
            return list;
        }
        return JsonCodec.toPlain(node);
    }

    /** Reads a value that must be a criterion; a literal is an error. */
    Criterion requireCriterion(JsonNode node, List<Object> loc) {
        if (!isOperatorObject(node)) {
            errors.add("criterion_required", loc, "must be a criterion object such as {\"$eq\": {\"value\": 1}},"
                    + " found " + WireErrors.kind(node));
            return null;
        }
        return criterion(node, loc);
    }

    /** Reads a value where a literal means equality: the literal is wrapped in {@code $eq}. */
    Object criterionOrLiteral(JsonNode node, List<Object> loc) {
        Object value = value(node, loc);
        return value instanceof Criterion ? value : new Eq(value);
    }

    Criterion criterion(JsonNode node, List<Object> loc) {
        if (node.size() != 1) {
            errors.add("criterion_shape", loc, "an operator object must have exactly one key (the $operator),"
                    + " found keys " + names(node));
            return null;
        }
        String operator = node.fieldNames().next();
        List<Object> here = WireErrors.at(loc, operator);
        if (!OPERATORS.contains(operator)) {
            errors.add("unknown_operator", here, "unknown operator '" + operator + "'; known operators are "
                    + new java.util.TreeSet<>(OPERATORS));
            return null;
        }
        JsonNode args = node.get(operator);
        if (!args.isObject()) {
            errors.add("criterion_arguments", here, operator + " takes an argument object, found "
                    + WireErrors.kind(args));
            return null;
        }
        int before = errors.size();
        Criterion built = build(operator, args, here);
        return errors.size() == before ? built : null;
    }

    private Criterion build(String operator, JsonNode args, List<Object> loc) {
        switch (operator) {
            case "$eq", "$neq", "$gt", "$gte", "$lt", "$lte" -> {
                if (!keys(args, loc, Set.of("value"), Set.of("value"))) {
                    return null;
                }
                Object value = value(args.get("value"), WireErrors.at(loc, "value"));
                return switch (operator) {
                    case "$eq" -> new Eq(value);
                    case "$neq" -> new Neq(value);
                    case "$gt" -> new Gt(value);
                    case "$gte" -> new Gte(value);
                    case "$lt" -> new Lt(value);
                    default -> new Lte(value);
                };
            }
            case "$between" -> {
                if (!keys(args, loc, Set.of("lower", "upper"), Set.of("lower", "upper", "is_inclusive"))) {
                    return null;
                }
                JsonNode inclusive = args.get("is_inclusive");
                if (inclusive != null && !inclusive.isNull() && !inclusive.isBoolean()) {
                    errors.add("bool_type", WireErrors.at(loc, "is_inclusive"), "is_inclusive must be a boolean");
                    return null;
                }
                return new Between(value(args.get("lower"), WireErrors.at(loc, "lower")),
                        value(args.get("upper"), WireErrors.at(loc, "upper")),
                        inclusive == null || inclusive.isNull() || inclusive.booleanValue());
            }
            case "$and", "$or" -> {
                if (!keys(args, loc, Set.of("items"), Set.of("items")) || !array(args.get("items"), loc, "items")) {
                    return null;
                }
                List<Criterion> items = new ArrayList<>();
                JsonNode array = args.get("items");
                for (int i = 0; i < array.size(); i++) {
                    items.add(requireCriterion(array.get(i), WireErrors.at(loc, "items", i)));
                }
                return items.contains(null) ? null : operator.equals("$and") ? new And(items) : new Or(items);
            }
            case "$xor" -> {
                if (!keys(args, loc, Set.of("left", "right"), Set.of("left", "right"))) {
                    return null;
                }
                Criterion left = requireCriterion(args.get("left"), WireErrors.at(loc, "left"));
                Criterion right = requireCriterion(args.get("right"), WireErrors.at(loc, "right"));
                return left == null || right == null ? null : new Xor(left, right);
            }
            case "$not" -> {
                if (!keys(args, loc, Set.of("value"), Set.of("value"))) {
                    return null;
                }
                Criterion value = requireCriterion(args.get("value"), WireErrors.at(loc, "value"));
                return value == null ? null : new Not(value);
            }
            case "$json" -> {
                if (!keys(args, loc, Set.of("inner_criteria"), Set.of("inner_criteria"))) {
                    return null;
                }
                return new Json(criterionOrLiteral(args.get("inner_criteria"), WireErrors.at(loc, "inner_criteria")));
            }
            case "$contains", "$contains_exactly" -> {
                if (!keys(args, loc, Set.of("items"), Set.of("items")) || !array(args.get("items"), loc, "items")) {
                    return null;
                }
                List<Object> items = new ArrayList<>();
                JsonNode array = args.get("items");
                for (int i = 0; i < array.size(); i++) {
                    items.add(criterionOrLiteral(array.get(i), WireErrors.at(loc, "items", i)));
                }
                return operator.equals("$contains") ? new Contains(items) : new ContainsExactly(items);
            }
            case "$regex" -> {
                if (!keys(args, loc, Set.of("pattern"), Set.of("pattern"))) {
                    return null;
                }
                String pattern = errors.string(args.get("pattern"), WireErrors.at(loc, "pattern"));
                if (pattern == null) {
                    return null;
                }
                try {
                    return Regex.of(pattern);
                } catch (PatternSyntaxException e) {
                    errors.add("regex_syntax", WireErrors.at(loc, "pattern"), "invalid regular expression '"
                            + pattern + "': " + e.getDescription() + " near index " + e.getIndex());
                    return null;
                }
            }
            case "$length" -> {
                if (!keys(args, loc, Set.of("value"), Set.of("value"))) {
                    return null;
                }
                JsonNode value = args.get("value");
                if (!isOperatorObject(value) && !value.isIntegralNumber()) {
                    errors.add("int_type", WireErrors.at(loc, "value"), "$length takes an integer or a criterion,"
                            + " found " + WireErrors.kind(value));
                    return null;
                }
                return new Length(criterionOrLiteral(value, WireErrors.at(loc, "value")));
            }
            case "$key_values", "$exact_key_values" -> {
                if (!keys(args, loc, Set.of("key_values"), Set.of("key_values"))) {
                    return null;
                }
                JsonNode map = args.get("key_values");
                if (!map.isObject()) {
                    errors.add("dict_type", WireErrors.at(loc, "key_values"), "key_values must be an object");
                    return null;
                }
                Map<String, Object> keyValues = new LinkedHashMap<>();
                map.fields().forEachRemaining(f -> keyValues.put(f.getKey(),
                        criterionOrLiteral(f.getValue(), WireErrors.at(loc, "key_values", f.getKey()))));
                return operator.equals("$key_values") ? new KeyValues(keyValues) : new ExactKeyValues(keyValues);
            }
            case "$even", "$odd" -> {
                if (!keys(args, loc, Set.of(), Set.of())) {
                    return null;
                }
                return operator.equals("$even") ? new Even() : new Odd();
            }
            case "$ignore_case" -> {
                if (!keys(args, loc, Set.of("value"), Set.of("value"))) {
                    return null;
                }
                String value = errors.string(args.get("value"), WireErrors.at(loc, "value"));
                return value == null ? null : new IgnoreCase(value);
            }
            default -> throw new IllegalStateException("unhandled operator " + operator);
        }
    }

    private boolean keys(JsonNode args, List<Object> loc, Set<String> required, Set<String> allowed) {
        boolean ok = true;
        for (String key : required) {
            if (!args.has(key)) {
                errors.add("missing", WireErrors.at(loc, key), "Field required: " + loc.get(loc.size() - 1)
                        + " needs '" + key + "'");
                ok = false;
            }
        }
        Iterator<String> names = args.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                errors.add("extra_forbidden", WireErrors.at(loc, name), "unknown argument '" + name + "' of "
                        + loc.get(loc.size() - 1) + "; it takes " + (allowed.isEmpty() ? "no arguments ({})"
                        : new java.util.TreeSet<>(allowed).toString()));
                ok = false;
            }
        }
        return ok;
    }

    private boolean array(JsonNode node, List<Object> loc, String field) {
        if (!node.isArray()) {
            errors.add("list_type", WireErrors.at(loc, field), field + " must be an array, found "
                    + WireErrors.kind(node));
            return false;
        }
        return true;
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
