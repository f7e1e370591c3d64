package dev.scopemock.engine.criteria;

import java.util.Map;
import org.apiguardian.api.API;

/**
 * A serialisable predicate over a JSON-like subject, one of the 21 {@code $operator}s of the wire protocol.
 *
 * <p>Subjects and literal values are plain Java JSON values: {@code null}, {@link Boolean}, {@link String},
 * {@link Number}, {@link java.util.List} and {@link java.util.Map} with string keys. A literal may contain nested
 * criteria, which are evaluated in place of equality (see {@link JsonValues#matches(Object, Object)}).
 *
 * <p>Implementations are immutable and thread-safe.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public sealed interface Criterion
        permits Eq, Neq, Gt, Gte, Lt, Lte, Between, And, Or, Xor, Not, Json, Contains, ContainsExactly, Regex,
                Length, KeyValues, ExactKeyValues, Even, Odd, IgnoreCase {

    /**
     * Evaluates this criterion.
     *
     * @param subject the value to test
     * @return whether the subject satisfies the criterion
     * @throws CriterionException when the subject is of a type this criterion cannot evaluate
     */
    boolean test(Object subject);

    /**
     * The wire operator, for example {@code "$gt"}.
     *
     * @return the operator key
     */
    String operator();

    /**
     * The canonical wire arguments, with nested criteria left as {@code Criterion} objects.
     *
     * @return an ordered, unmodifiable argument map
     */
    Map<String, Object> arguments();
}
