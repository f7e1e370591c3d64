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
        Double[] bands = {faults.errorProbability(), faults.resetProbability(), faults.emptyProbability(),
            faults.stallProbability(), faults.randomBytesProbability(), faults.malformedChunkedProbability(),
            chaos.dropProbability()};
        Fault[] kinds = {Fault.ERROR_STATUS, Fault.CONNECTION_RESET, Fault.EMPTY_RESPONSE, Fault.STALL,
            Fault.RANDOM_BYTES, Fault.MALFORMED_CHUNKED, Fault.CONNECTION_DROP};
        boolean any = false;
        for (Double band : bands) {
            any |= band != null;
        }
        if (!any) {
            return new ChaosDecision(delay, Fault.NONE);
        }
        double r = random.nextDouble();
        double upper = 0;
        for (int i = 0; i < bands.length; i++) {
            if (bands[i] != null) {
                upper += bands[i];
                if (r < upper) {
                    return new ChaosDecision(delay, kinds[i]);
                }
            }
        }
        return new ChaosDecision(delay, Fault.NONE);
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
