package dev.scopemock.engine.model;

import java.time.Duration;
import java.util.List;
import org.apiguardian.api.API;

/**
 * A {@code text/event-stream} response that sends its events one by one, each after its delay.
 *
 * @param events the events, at least one
 * @param defaultDelay the wait before an event that sets no delay of its own
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record SseAction(List<SseEvent> events, Duration defaultDelay) implements StubAction {

    /**
     * Validates and copies.
     *
     * @param events the events
     * @param defaultDelay the default delay, not negative
     */
    public SseAction {
        events = List.copyOf(events);
        if (events.isEmpty()) {
            throw new IllegalArgumentException("an SSE action needs at least one event");
        }
        if (defaultDelay.isNegative()) {
            throw new IllegalArgumentException("defaultDelay must not be negative, found " + defaultDelay);
        }
    }
}
