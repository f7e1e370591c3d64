package dev.scopemock.samples;

import java.time.Duration;
import java.util.Objects;

/**
 * How often a call is tried when the connection fails, and how long to wait between tries (linear backoff:
 * {@code backoff}, then {@code 2 × backoff}, ...).
 *
 * @param maxAttempts the number of tries in total, at least 1
 * @param backoff the wait after the first failed try, not negative
 */
public record RetryPolicy(int maxAttempts, Duration backoff) {

    /**
     * Validates the policy.
     *
     * @param maxAttempts tries in total
     * @param backoff first wait
     */
    public RetryPolicy {
        Objects.requireNonNull(backoff, "backoff");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, found " + maxAttempts);
        }
        if (backoff.isNegative()) {
            throw new IllegalArgumentException("backoff must not be negative, found " + backoff);
        }
    }

    /**
     * Three tries, 50 ms apart at first.
     *
     * @return the default policy
     */
    public static RetryPolicy defaults() {
        return new RetryPolicy(3, Duration.ofMillis(50));
    }

    /**
     * A single try: connection errors fail the call at once.
     *
     * @return the policy
     */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO);
    }

    /**
     * The wait after a failed try.
     *
     * @param failedAttempt the number of the try that failed, from 1
     * @return the wait before the next try
     */
    public Duration delayAfter(int failedAttempt) {
        return backoff.multipliedBy(failedAttempt);
    }
}
