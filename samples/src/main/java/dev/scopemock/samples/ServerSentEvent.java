package dev.scopemock.samples;

import java.time.Instant;
import java.util.Objects;

/**
 * One event of a {@code text/event-stream}, as received.
 *
 * @param id the {@code id:} field, empty when absent
 * @param event the {@code event:} field, {@code "message"} when absent
 * @param data the {@code data:} lines joined with {@code \n}
 * @param receivedAt when the event's terminating blank line was read
 */
public record ServerSentEvent(String id, String event, String data, Instant receivedAt) {

    /**
     * Validates the event.
     *
     * @param id id
     * @param event event name
     * @param data data
     * @param receivedAt arrival time
     */
    public ServerSentEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
