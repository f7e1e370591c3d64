package dev.scopemock.engine.criteria;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The value semantics shared by every criterion: JSON equality with nested criteria, ordering, length and the
 * wire text of values. Unlike the Python reference, a boolean is never a number ({@code true} does not equal
 * {@code 1}); integers and decimals compare by value ({@code 1} equals {@code 1.0}).
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class JsonValues {

    private JsonValues() {
    }

    /**
     * Whether {@code actual} satisfies {@code expected}: a criterion found anywhere in {@code expected} is evaluated
     * against the corresponding part of {@code actual}; everything else is compared for JSON equality. Objects must
     * have exactly the same keys; arrays the same length and order.
     *
     * @param expected a literal, possibly containing criteria
     * @param actual the subject
     * @return whether they match
     * @throws CriterionException when a nested criterion cannot evaluate its part of the subject
     */
    public static boolean matches(Object expected, Object actual) {
        if (expected instanceof Criterion criterion) {
            return criterion.test(actual);
        }
        if (expected == null || actual == null) {
            return expected == null && actual == null;
        }
        if (isNumber(expected)) {
            return isNumber(actual) && compareNumbers((Number) expected, (Number) actual) == 0;
        }
        if (expected instanceof Map<?, ?> expectedMap) {
            if (!(actual instanceof Map<?, ?> actualMap) || expectedMap.size() != actualMap.size()) {
                return false;
            }
            for (Map.Entry<?, ?> entry : expectedMap.entrySet()) {
                if (!actualMap.containsKey(entry.getKey()) || !matches(entry.getValue(), actualMap.get(entry.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (expected instanceof List<?> expectedList) {
            if (!(actual instanceof List<?> actualList) || expectedList.size() != actualList.size()) {
                return false;
            }
            Iterator<?> actualItems = actualList.iterator();
            for (Object item : expectedList) {
                if (!matches(item, actualItems.next())) {
                    return false;
                }
            }
            return true;
        }
        return expected.equals(actual);
    }

    /**
     * Orders two values the way the protocol's {@code $gt}/{@code $lt}/{@code $between} do: numbers numerically,
     * strings by code point, booleans false before true, arrays lexicographically.
     *
     * @param left the subject
     * @param right the bound
     * @return negative, zero or positive
     * @throws CriterionException when the two values cannot be ordered against each other
     */
    public static int compare(Object left, Object right) {
        if (isNumber(left) && isNumber(right)) {
            return compareNumbers((Number) left, (Number) right);
        }
        if (left instanceof String l && right instanceof String r) {
            return compareCodePoints(l, r);
        }
        if (left instanceof Boolean l && right instanceof Boolean r) {
            return Boolean.compare(l, r);
        }
        if (left instanceof List<?> l && right instanceof List<?> r) {
            int common = Math.min(l.size(), r.size());
            for (int i = 0; i < common; i++) {
                Object a = l.get(i);
                Object b = r.get(i);
                if (!matches(b, a)) {
                    return compare(a, b);
                }
            }
            return Integer.compare(l.size(), r.size());
        }
        throw new CriterionException("cannot order " + typeName(left) + " against " + typeName(right));
    }

    /**
     * The length of a string (in code points), an array or an object (its key count).
     *
     * @param subject the value
     * @return its length
     * @throws CriterionException for numbers, booleans and null
     */
    public static int length(Object subject) {
        if (subject instanceof String s) {
            return s.codePointCount(0, s.length());
        }
        if (subject instanceof List<?> list) {
            return list.size();
        }
        if (subject instanceof Map<?, ?> map) {
            return map.size();
        }
        throw new CriterionException("a " + typeName(subject) + " has no length");
    }

    /**
     * The elements a containment test walks: array entries, object keys, or the code points of a string (each as
     * a one-character string).
     *
     * @param subject the value
     * @return its elements, in order
     * @throws CriterionException for numbers, booleans and null
     */
    public static List<Object> elements(Object subject) {
        if (subject instanceof List<?> list) {
            return new ArrayList<>(list);
        }
        if (subject instanceof Map<?, ?> map) {
            return new ArrayList<>(map.keySet());
        }
        if (subject instanceof String s) {
            List<Object> chars = new ArrayList<>(s.length());
            s.codePoints().forEach(cp -> chars.add(new String(Character.toChars(cp))));
            return chars;
        }
        throw new CriterionException("a " + typeName(subject) + " has no elements");
    }

    /**
     * Whether the value is a JSON number (booleans are not).
     *
     * @param value any value
     * @return true for {@link Number} instances
     */
    public static boolean isNumber(Object value) {
        return value instanceof Number;
    }

    /**
     * The JSON type of a value, for messages: {@code string}, {@code number}, {@code boolean}, {@code null},
     * {@code array}, {@code object} or {@code criterion}.
     *
     * @param value any value
     * @return its type name
     */
    public static String typeName(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String) {
            return "string";
        }
        if (value instanceof Boolean) {
            return "boolean";
        }
        if (value instanceof Number) {
            return "number";
        }
        if (value instanceof List) {
            return "array";
        }
        if (value instanceof Map) {
            return "object";
        }
        if (value instanceof Criterion) {
            return "criterion";
        }
        if (value instanceof byte[]) {
            return "binary body";
        }
        return value.getClass().getSimpleName();
    }

    /**
     * The wire form of a value: criteria become {@code {"$op": {arguments}}} maps, recursively; other values are
     * returned as they are (maps and lists copied).
     *
     * @param value a literal or criterion
     * @return a plain JSON value
     */
    public static Object toWire(Object value) {
        if (value instanceof Criterion criterion) {
            Map<String, Object> arguments = new LinkedHashMap<>();
            criterion.arguments().forEach((k, v) -> arguments.put(k, toWire(v)));
            Map<String, Object> wire = new LinkedHashMap<>();
            wire.put(criterion.operator(), arguments);
            return wire;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), toWire(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(toWire(v)));
            return copy;
        }
        return value;
    }

    /**
     * Compact JSON text of a value, criteria in their wire form; used in messages and {@code toString()}.
     *
     * @param value a literal or criterion
     * @return JSON text
     */
    public static String toJson(Object value) {
        StringBuilder out = new StringBuilder();
        appendJson(out, toWire(value));
        return out.toString();
    }

    private static void appendJson(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            appendString(out, s);
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                appendString(out, String.valueOf(entry.getKey()));
                out.append(':');
                appendJson(out, entry.getValue());
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                appendJson(out, list.get(i));
            }
            out.append(']');
        } else {
            out.append(value);
        }
    }

    private static void appendString(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /**
     * The floored remainder of a number divided by two: 0 for even integers, 1 for odd ones (so {@code -3} gives
     * 1), and -1 for numbers that are not integers (neither even nor odd). Computed from the digits and the
     * exponent, never by division, so {@code 1e100000000} costs no more than {@code 10}.
     *
     * @param number any JSON number
     * @return 0, 1 or -1
     */
    static int floorModTwo(Number number) {
        if (isIntegral(number)) {
            return toBigInteger(number).testBit(0) ? 1 : 0;
        }
        BigDecimal value = toBigDecimal(number);
        if (value.signum() == 0) {
            return 0;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > 0) {
            return -1;
        }
        if (stripped.scale() < 0) {
            return 0;
        }
        return stripped.unscaledValue().testBit(0) ? 1 : 0;
    }

    static int compareNumbers(Number a, Number b) {
        if (isIntegral(a) && isIntegral(b)) {
            return toBigInteger(a).compareTo(toBigInteger(b));
        }
        return toBigDecimal(a).compareTo(toBigDecimal(b));
    }

    private static boolean isIntegral(Number n) {
        return n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte
                || n instanceof BigInteger;
    }

    private static BigInteger toBigInteger(Number n) {
        return n instanceof BigInteger b ? b : BigInteger.valueOf(n.longValue());
    }

    static BigDecimal toBigDecimal(Number n) {
        if (n instanceof BigDecimal d) {
            return d;
        }
        if (n instanceof BigInteger b) {
            return new BigDecimal(b);
        }
        if (isIntegral(n)) {
            return BigDecimal.valueOf(n.longValue());
        }
        double d = n.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new CriterionException("cannot compare the non-finite number " + d);
        }
        return BigDecimal.valueOf(d);
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
