package dev.scopemock.engine.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopemock.engine.InvalidPayloadException;
import dev.scopemock.engine.PayloadError;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** Collects the validation errors of one payload, each with its field path; and reads scalars leniently. */
final class WireErrors {

    private final List<PayloadError> errors = new ArrayList<>();

    static List<Object> at(List<Object> parent, Object... more) {
        List<Object> loc = new ArrayList<>(parent.size() + more.length);
        loc.addAll(parent);
        for (Object part : more) {
            loc.add(part);
        }
        return loc;
    }

    void add(String type, List<Object> loc, String msg) {
        errors.add(new PayloadError(type, loc, msg));
    }

    int size() {
        return errors.size();
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidPayloadException(errors);
        }
    }

    static boolean isAbsent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    /** Reports every key of {@code object} that is not allowed. */
    void rejectUnknown(JsonNode object, List<Object> loc, Set<String> allowed) {
        Iterator<String> names = object.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                add("extra_forbidden", at(loc, name), "Extra inputs are not permitted: unknown field '" + name
                        + "'; allowed fields are " + new java.util.TreeSet<>(allowed));
            }
        }
    }

    boolean requireObject(JsonNode node, List<Object> loc) {
        if (isAbsent(node)) {
            add("missing", loc, "Field required");
            return false;
        }
        if (!node.isObject()) {
            add("dict_type", loc, "Input should be a valid dictionary (object), found " + kind(node));
            return false;
        }
        return true;
    }

    /** A string, or null (with an error) for any other type. */
    String string(JsonNode node, List<Object> loc) {
        if (!node.isTextual()) {
            add("string_type", loc, "Input should be a valid string, found " + kind(node));
            return null;
        }
        return node.textValue();
    }

    /**
     * An integer: a JSON integer, an integral number such as {@code 5.0}, or a numeric string such as
     * {@code "201"}; null (with an error) otherwise.
     */
    Long integer(JsonNode node, List<Object> loc) {
        try {
            BigDecimal value = null;
            if (node.isNumber()) {
                value = node.decimalValue();
            } else if (node.isTextual()) {
                value = new BigDecimal(node.textValue().trim());
            }
            if (value != null) {
                return value.longValueExact();
            }
        } catch (NumberFormatException | ArithmeticException notInteger) {
            // reported below
        }
        add("int_parsing", loc, "Input should be a valid integer, found " + kind(node));
        return null;
    }

    /** A number or numeric string, null (with an error) otherwise. */
    Double number(JsonNode node, List<Object> loc) {
        try {
            if (node.isNumber()) {
                return node.doubleValue();
            }
            if (node.isTextual()) {
                return Double.parseDouble(node.textValue().trim());
            }
        } catch (NumberFormatException notNumber) {
            // reported below
        }
        add("float_parsing", loc, "Input should be a valid number, found " + kind(node));
        return null;
    }

    Long nonNegative(JsonNode node, List<Object> loc) {
        Long value = integer(node, loc);
        if (value != null && value < 0) {
            add("greater_than_equal", loc, "Input should be greater than or equal to 0, found " + value);
            return null;
        }
        return value;
    }

    static String kind(JsonNode node) {
        if (node.isTextual()) {
            return "a string";
        }
        if (node.isNumber()) {
            return "a number (" + node + ")";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        if (node.isArray()) {
            return "an array";
        }
        if (node.isObject()) {
            return "an object";
        }
        return "null";
    }
}
