package dev.scopemock.engine.internal.chaos;

import dev.scopemock.engine.model.Chaos;
import org.eclipse.jetty.server.Request;

/**
 * The SSE faults of a request, handed to the SSE responder as a request attribute: abort after a number of complete
 * events, and a random extra delay before each event (drawn from the scope's generator, in event order).
 *
 * @param dropAfterEvents complete events before the abort, or null
 * @param eventJitterMillis the maximum extra delay per event
 * @param random the scope's generator
 */
public record SseChaos(Integer dropAfterEvents, long eventJitterMillis, ChaosRandom random) {

    /** The request attribute that carries it. */
    public static final String ATTRIBUTE = "dev.scopemock.chaos.sse";

    /** Attaches the SSE faults of {@code chaos} to the request, when it has any. */
    public static void attach(Request request, Chaos chaos, ChaosRandom random) {
        if (chaos != null && (chaos.faults().sseDropAfterEvents() != null
                || !chaos.faults().sseEventJitter().isZero())) {
            request.setAttribute(ATTRIBUTE, new SseChaos(chaos.faults().sseDropAfterEvents(),
                    chaos.faults().sseEventJitter().toMillis(), random));
        }
    }

    /** The request's SSE faults, or null. */
    public static SseChaos of(Request request) {
        return request.getAttribute(ATTRIBUTE) instanceof SseChaos sse ? sse : null;
    }

    /** The extra delay of the next event. */
    public long jitter() {
        return eventJitterMillis <= 0 ? 0 : random.nextLong(eventJitterMillis + 1);
    }
}
