package dev.scopemock.engine.model;

import java.time.Duration;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Faults applied to a matched request: a latency drawn from {@code [base, base + jitter]} before the response,
 * a connection drop (half the body, then an abort) with a probability, and the further {@link ChaosFaults}. All
 * random draws come from the seeded generator of the request's scope.
 *
 * @param latencyBase the minimum delay
 * @param latencyJitter the extra random delay, uniform
 * @param dropProbability the probability in [0, 1] of a connection drop, or null for none
 * @param faults the further faults
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Chaos(Duration latencyBase, Duration latencyJitter, Double dropProbability, ChaosFaults faults) {

    /** No faults. */
    public static final Chaos NONE = new Chaos(Duration.ZERO, Duration.ZERO, null);

    /**
     * Latency and connection drop only.
     *
     * @param latencyBase the minimum delay
     * @param latencyJitter the jitter
     * @param dropProbability the drop probability or null
     */
    public Chaos(Duration latencyBase, Duration latencyJitter, Double dropProbability) {
        this(latencyBase, latencyJitter, dropProbability, ChaosFaults.NONE);
    }

    /**
     * Validates the chaos settings.
     *
     * @param latencyBase the minimum delay
     * @param latencyJitter the jitter
     * @param dropProbability the drop probability or null
     * @param faults the further faults (null for none)
     */
    public Chaos {
        faults = faults == null ? ChaosFaults.NONE : faults;
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
