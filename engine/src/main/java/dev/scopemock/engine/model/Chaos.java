package dev.scopemock.engine.model;

import java.time.Duration;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Faults applied to a matched request: a latency drawn from {@code [base, base + jitter]} before the response,
 * and a connection drop (half the body, then an abort) with a probability.
 *
 * @param latencyBase the minimum delay
 * @param latencyJitter the extra random delay, uniform
 * @param dropProbability the probability in [0, 1] of a connection drop, or null for none
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Chaos(Duration latencyBase, Duration latencyJitter, Double dropProbability) {

    /** No faults. */
    public static final Chaos NONE = new Chaos(Duration.ZERO, Duration.ZERO, null);

    /**
     * Validates the chaos settings.
     *
     * @param latencyBase the minimum delay
     * @param latencyJitter the jitter
     * @param dropProbability the drop probability or null
     */
    public Chaos {
        Objects.requireNonNull(latencyBase, "latencyBase");
        Objects.requireNonNull(latencyJitter, "latencyJitter");
        if (latencyBase.isNegative() || latencyJitter.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative");
        }
        if (dropProbability != null && !(dropProbability >= 0.0 && dropProbability <= 1.0)) {
            throw new IllegalArgumentException("dropProbability must be in [0, 1], found " + dropProbability);
        }
    }

    /**
     * Whether any latency is configured.
     *
     * @return true when base or jitter is positive
     */
    public boolean hasLatency() {
        return !latencyBase.isZero() || !latencyJitter.isZero();
    }
}
