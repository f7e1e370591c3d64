package dev.scopemock.junit;

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
import dev.scopemock.engine.internal.json.JsonCodec;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The criteria factory: each method builds one of the protocol's 21 {@code $operator}s, serialised to the wire
 * exactly as the Python client does. Literals passed where a criterion is expected mean equality.
 *
 * <pre>{@code
 * mock.whenRequestedWith(get("/search").withQuery("limit", between(1, 50)))...
 * mock.confirmRequest(post("/payment").withBody(json(keyValues(Map.of("amount", gt(10))))));
 * }</pre>
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Criteria {

    private Criteria() {
    }

    /**
     * {@code $eq}.
     *
     * @param value the expected value
     * @return {@code $eq}
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public static Criterion eq(Object value) {
        return new Eq(value);
    }

    /**
     * {@code $neq}.
     *
     * @param value the value to differ from
     * @return {@code $neq}
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public static Criterion neq(Object value) {
        return new Neq(value);
    }

    /**
     * {@code $gt}.
     *
     * @param value the exclusive lower bound
     * @return {@code $gt}
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public static Criterion gt(Object value) {
        return new Gt(value);
    }

    /**
     * {@code $gte}.
     *
     * @param value the inclusive lower bound
     * @return {@code $gte}
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public static Criterion gte(Object value) {
        return new Gte(value);
    }

    /**
     * {@code $lt}.
     *
     * @param value the exclusive upper bound
     * @return {@code $lt}
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public static Criterion lt(Object value) {
        return new Lt(value);
    }

    /**
     * {@code $lte}.
     *
     * @param value the inclusive upper bound
     * @return {@code $lte}
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public static Criterion lte(Object value) {
        return new Lte(value);
    }

    /**
     * {@code $between}, both bounds included.
     *
     * @param lower the lower bound
     * @param upper the upper bound
     * @return the criterion
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public static Criterion between(Object lower, Object upper) {
        return new Between(lower, upper, true);
    }

    /**
     * {@code $between} with {@code is_inclusive: false}.
     *
     * @param lower the exclusive lower bound
     * @param upper the exclusive upper bound
     * @return the criterion
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public static Criterion betweenExclusive(Object lower, Object upper) {
        return new Between(lower, upper, false);
    }

    /**
     * {@code $and}.
     *
     * @param items criteria that must all match
     * @return {@code $and}
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public static Criterion and(Criterion... items) {
        return new And(List.of(items));
    }

    /**
     * {@code $or}.
     *
     * @param items criteria of which one must match
     * @return {@code $or}
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public static Criterion or(Criterion... items) {
        return new Or(List.of(items));
    }

    /**
     * {@code $xor}: exactly one of the two matches.
     *
     * @param left the first criterion
     * @param right the second criterion
     * @return the criterion
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public static Criterion xor(Criterion left, Criterion right) {
        return new Xor(left, right);
    }

    /**
     * {@code $not}.
     *
     * @param criterion the criterion to negate
     * @return {@code $not}
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public static Criterion not(Criterion criterion) {
        return new Not(criterion);
    }

    /**
     * {@code $json}: the subject is JSON text whose parsed value satisfies {@code inner} (a criterion, or a literal
     * meaning equality).
     *
     * @param inner a criterion or literal
     * @return the criterion
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public static Criterion json(Object inner) {
        return new Json(wrap(inner));
    }

    /**
     * {@code $json} with a literal given as JSON text: the body must equal that JSON value.
     *
     * @param jsonText JSON text, for example {@code "{\"amount\": 42}"}
     * @return the criterion
     * @throws IllegalArgumentException when the text is not JSON
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public static Criterion jsonEquals(String jsonText) {
        return new Json(new Eq(parseJson(jsonText)));
    }

    /**
     * {@code $contains}.
     *
     * @param items values or criteria that must all be found
     * @return {@code $contains}
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public static Criterion contains(Object... items) {
        return new Contains(wrapAll(items));
    }

    /**
     * {@code $contains_exactly}.
     *
     * @param items values or criteria matching the elements in order
     * @return {@code $contains_exactly}
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public static Criterion containsExactly(Object... items) {
        return new ContainsExactly(wrapAll(items));
    }

    /**
     * {@code $regex}.
     *
     * @param pattern a regular expression matched at the start (Python {@code re.match})
     * @return {@code $regex}
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public static Criterion regex(String pattern) {
        return Regex.of(pattern);
    }

    /**
     * {@code $length}.
     *
     * @param length a length or a criterion over it
     * @return {@code $length}
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public static Criterion length(Object length) {
        return new Length(wrap(length));
    }

    /**
     * {@code $key_values}.
     *
     * @param keyValues required keys and their values or criteria; other keys allowed
     * @return {@code $key_values}
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public static Criterion keyValues(Map<String, ?> keyValues) {
        return new KeyValues(wrapMap(keyValues));
    }

    /**
     * {@code $exact_key_values}.
     *
     * @param keyValues exactly these keys with these values or criteria
     * @return {@code $exact_key_values}
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public static Criterion exactKeyValues(Map<String, ?> keyValues) {
        return new ExactKeyValues(wrapMap(keyValues));
    }

    /**
     * {@code $even}.
     *
     * @return {@code $even}
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public static Criterion even() {
        return new Even();
    }

    /**
     * {@code $odd}.
     *
     * @return {@code $odd}
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public static Criterion odd() {
        return new Odd();
    }

    /**
     * {@code $ignore_case}.
     *
     * @param value the text to equal, ignoring case
     * @return {@code $ignore_case}
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public static Criterion ignoreCase(String value) {
        return new IgnoreCase(value);
    }

    static Object parseJson(String jsonText) {
        try {
            return JsonCodec.toPlain(JsonCodec.parseTree(jsonText.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not valid JSON: " + jsonText + " (" + e.getMessage() + ")", e);
        }
    }

    private static Object wrap(Object value) {
        return value instanceof Criterion ? value : new Eq(value);
    }

    private static List<Object> wrapAll(Object[] items) {
        return Arrays.stream(items).map(Criteria::wrap).toList();
    }

    private static Map<String, Object> wrapMap(Map<String, ?> map) {
        Map<String, Object> wrapped = new LinkedHashMap<>();
        map.forEach((k, v) -> wrapped.put(k, wrap(v)));
        return wrapped;
    }
}
