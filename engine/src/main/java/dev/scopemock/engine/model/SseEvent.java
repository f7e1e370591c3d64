package dev.scopemock.engine.model;

import java.time.Duration;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One server-sent event. {@code data}, {@code event} and {@code id} are templates rendered per request.
 *
 * @param data the data (one {@code data:} line per line), required
 * @param event the event name, or null
 * @param id the event id, or null
 * @param retry the reconnection time in milliseconds, or null
 * @param delay the wait before this event, or null for the stream's default
 * @param comment a comment line ({@code : text}) sent before the event, or null
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record SseEvent(String data, String event, String id, Integer retry, Duration delay, String comment) {

    /**
     * Validates the event.
     *
     * @param data the data
     * @param event the event name
     * @param id the id
     * @param retry the retry time
     * @param delay the delay
     * @param comment the comment
     */
    public SseEvent {
        Objects.requireNonNull(data, "data");
        if (event != null && hasLineBreak(event)) {
            throw new IllegalArgumentException("an SSE event name must not contain line breaks");
        }
        if (id != null && hasLineBreak(id)) {
            throw new IllegalArgumentException("an SSE id must not contain line breaks");
        }
        if (retry != null && retry < 0) {
            throw new IllegalArgumentException("retry must not be negative, found " + retry);
        }
        if (delay != null && delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative, found " + delay);
        }
    }

    /**
     * Whether a value contains a character that ends an SSE line.
     *
     * @param value the value
     * @return true when it holds CR or LF
     */
    public static boolean hasLineBreak(String value) {
        return value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0;
    }
}
