package dev.scopemock.engine.model;

import java.time.Duration;
import org.apiguardian.api.API;

/**
 * The faults beyond latency and connection drop ({@code chaos.faults} on the wire). The per-request faults are
 * exclusive: one uniform draw {@code r} in {@code [0, 1)} picks at most one, walking the bands in the order
 * error status, connection reset, empty response, stall, random bytes, malformed chunked, connection drop (so their
 * probabilities must add up to at most 1). Throttling and the SSE faults apply to every response they fit.
 *
 * @param errorStatus the injected status (200–599), or null for none
 * @param errorProbability the probability of {@code errorStatus}
 * @param resetProbability the probability of a connection reset (RST, nothing sent), or null
 * @param emptyProbability the probability of an empty response (the connection closed before a status line), or null
 * @param stallProbability the probability of a stall (nothing sent until {@code stallMax}, then a close), or null
 * @param stallMax how long a stall lasts at most
 * @param randomBytesProbability the probability of random bytes instead of a response, then a close, or null
 * @param malformedChunkedProbability the probability of a chunked body with an invalid chunk size, or null
 * @param throttleBytes bytes written per {@code throttleInterval}, or null for no throttling
 * @param throttleInterval the throttling interval
 * @param sseDropAfterEvents SSE: the number of complete events after which the connection is aborted, or null
 * @param sseEventJitter SSE: an extra uniform random delay in {@code [0, jitter]} before each event
 * @since 0.2
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record ChaosFaults(Integer errorStatus, Double errorProbability, Double resetProbability,
                          Double emptyProbability, Double stallProbability, Duration stallMax,
                          Double randomBytesProbability, Double malformedChunkedProbability, Integer throttleBytes,
                          Duration throttleInterval, Integer sseDropAfterEvents, Duration sseEventJitter) {

    /** No faults. */
    public static final ChaosFaults NONE = new ChaosFaults(null, null, null, null, null, Duration.ZERO, null, null,
            null, Duration.ZERO, null, Duration.ZERO);

    /**
     * Validates the faults.
     *
     * @param errorStatus the injected status
     * @param errorProbability its probability
     * @param resetProbability the reset probability
     * @param emptyProbability the empty-response probability
     * @param stallProbability the stall probability
     * @param stallMax the stall bound
     * @param randomBytesProbability the random-bytes probability
     * @param malformedChunkedProbability the malformed-chunked probability
     * @param throttleBytes bytes per interval
     * @param throttleInterval the interval
     * @param sseDropAfterEvents events before an SSE abort
     * @param sseEventJitter per-event jitter
     */
    public ChaosFaults {
        if (errorStatus != null && (errorStatus < 200 || errorStatus > 599)) {
            throw new IllegalArgumentException("errorStatus must be between 200 and 599, found " + errorStatus);
        }
        double sum = 0;
        for (Double p : new Double[] {errorProbability, resetProbability, emptyProbability, stallProbability,
                randomBytesProbability, malformedChunkedProbability}) {
            if (p != null && !(p >= 0.0 && p <= 1.0)) {
                throw new IllegalArgumentException("a fault probability must be in [0, 1], found " + p);
            }
            sum += p == null ? 0 : p;
        }
        if (sum > 1.0 + 1e-9) {
            throw new IllegalArgumentException("the fault probabilities add up to " + sum + "; at most one fault"
                    + " happens per request, so they must add up to at most 1");
        }
        stallMax = stallMax == null ? Duration.ZERO : stallMax;
        throttleInterval = throttleInterval == null ? Duration.ZERO : throttleInterval;
        sseEventJitter = sseEventJitter == null ? Duration.ZERO : sseEventJitter;
        if (throttleBytes != null && (throttleBytes < 1 || throttleInterval.isZero() || throttleInterval.isNegative())) {
            throw new IllegalArgumentException("throttling needs at least 1 byte per positive interval");
        }
        if (sseDropAfterEvents != null && sseDropAfterEvents < 0) {
            throw new IllegalArgumentException("sseDropAfterEvents must not be negative");
        }
    }
}
