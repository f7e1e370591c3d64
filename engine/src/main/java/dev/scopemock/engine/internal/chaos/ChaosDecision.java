package dev.scopemock.engine.internal.chaos;

import dev.scopemock.engine.model.Chaos;
import dev.scopemock.engine.model.ChaosFaults;

/**
 * What chaos does to one request: its delay and its fault. Drawn from the scope's generator in a fixed order (one
 * draw for the delay when there is jitter, one draw for the fault when any fault is configured), so a seed replays.
 *
 * @param delayMillis the latency before the response
 * @param fault the fault
 */
public record ChaosDecision(long delayMillis, Fault fault) {

    /** No delay, no fault. */
    public static final ChaosDecision NONE = new ChaosDecision(0, Fault.NONE);

    public static ChaosDecision draw(Chaos chaos, ChaosRandom random) {
        if (chaos == null) {
            return NONE;
        }
        long delay = latencyMillis(chaos, random);
        ChaosFaults faults = chaos.faults();
        if (faults.errorProbability() == null && faults.resetProbability() == null
                && faults.emptyProbability() == null && faults.stallProbability() == null
                && faults.randomBytesProbability() == null && faults.malformedChunkedProbability() == null
                && chaos.dropProbability() == null) {
            return delay == 0 ? NONE : new ChaosDecision(delay, Fault.NONE);
        }
        double r = random.nextDouble();
        double upper = band(0, faults.errorProbability());
        if (r < upper) {
            return new ChaosDecision(delay, Fault.ERROR_STATUS);
        }
        upper = band(upper, faults.resetProbability());
        if (r < upper) {
            return new ChaosDecision(delay, Fault.CONNECTION_RESET);
        }
        upper = band(upper, faults.emptyProbability());
        if (r < upper) {
            return new ChaosDecision(delay, Fault.EMPTY_RESPONSE);
        }
        upper = band(upper, faults.stallProbability());
        if (r < upper) {
            return new ChaosDecision(delay, Fault.STALL);
        }
        upper = band(upper, faults.randomBytesProbability());
        if (r < upper) {
            return new ChaosDecision(delay, Fault.RANDOM_BYTES);
        }
        upper = band(upper, faults.malformedChunkedProbability());
        if (r < upper) {
            return new ChaosDecision(delay, Fault.MALFORMED_CHUNKED);
        }
        upper = band(upper, chaos.dropProbability());
        if (r < upper) {
            return new ChaosDecision(delay, Fault.CONNECTION_DROP);
        }
        return delay == 0 ? NONE : new ChaosDecision(delay, Fault.NONE);
    }

    private static double band(double lower, Double probability) {
        return probability == null ? lower : lower + probability;
    }

    /** A delay drawn from {@code [base, base + jitter]}, both ends included, saturating instead of overflowing. */
    public static long latencyMillis(Chaos chaos, ChaosRandom random) {
        long base = chaos.latencyBase().toMillis();
        long jitter = chaos.latencyJitter().toMillis();
        if (jitter == 0) {
            return base;
        }
        long extra = jitter == Long.MAX_VALUE ? random.nextLong(jitter) : random.nextLong(jitter + 1);
        long total = base + extra;
        return total < 0 ? Long.MAX_VALUE : total;
    }
}
