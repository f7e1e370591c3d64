package dev.scopemock.junit;

import dev.scopemock.engine.criteria.Between;
import dev.scopemock.engine.criteria.Criterion;
import dev.scopemock.engine.criteria.Eq;
import dev.scopemock.engine.criteria.Gte;
import dev.scopemock.engine.criteria.Lte;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * How many matching requests a verification expects: a criterion over the count, sent as {@code times}.
 *
 * <pre>{@code
 * mock.confirmRequest(post("/payment"), exactly(1));   // true when exactly one POST /payment arrived
 * mock.confirmRequest(get("/health"), never());        // false when any did
 * }</pre>
 *
 * @param criterion the criterion the count must satisfy
 * @param description how the expectation reads in failure messages, e.g. {@code "exactly 1 time"}
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Times(Criterion criterion, String description) {

    /**
     * Checks both parts are present.
     *
     * @param criterion the count criterion
     * @param description the human description
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public Times {
        Objects.requireNonNull(criterion, "criterion");
        Objects.requireNonNull(description, "description");
    }

    /**
     * Exactly {@code n} requests.
     *
     * @param n the count, not negative
     * @return the expectation
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public static Times exactly(int n) {
        return new Times(new Eq((long) nonNegative(n)), "exactly " + plural(n));
    }

    /**
     * Exactly one request.
     *
     * @return the expectation
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public static Times once() {
        return exactly(1);
    }

    /**
     * No request at all.
     *
     * @return the expectation
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public static Times never() {
        return new Times(new Eq(0L), "never");
    }

    /**
     * At least {@code n} requests.
     *
     * @param n the minimum
     * @return the expectation
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public static Times atLeast(int n) {
        return new Times(new Gte((long) nonNegative(n)), "at least " + plural(n));
    }

    /**
     * At most {@code n} requests.
     *
     * @param n the maximum
     * @return the expectation
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public static Times atMost(int n) {
        return new Times(new Lte((long) nonNegative(n)), "at most " + plural(n));
    }

    /**
     * Between {@code min} and {@code max} requests, both included.
     *
     * @param min the minimum
     * @param max the maximum, not below {@code min}
     * @return the expectation
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public static Times between(int min, int max) {
        if (max < min) {
            throw new IllegalArgumentException("between(" + min + ", " + max + "): max must not be below min");
        }
        return new Times(new Between((long) nonNegative(min), (long) max, true),
                "between " + min + " and " + max + " times");
    }

    /**
     * Whether a count satisfies this expectation.
     *
     * @param count the number of matching requests
     * @return true when it does
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public boolean isSatisfiedBy(int count) {
        return criterion.test((long) count);
    }

    private static int nonNegative(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("a request count must not be negative, found " + n);
        }
        return n;
    }

    private static String plural(int n) {
        return n == 1 ? "1 time" : n + " times";
    }

    @Override
    public String toString() {
        return description;
    }
}
