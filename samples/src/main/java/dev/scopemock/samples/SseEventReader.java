package dev.scopemock.samples;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Parses the lines of a {@code text/event-stream} into events as they arrive (the WHATWG event-stream rules for
 * {@code data}, {@code event}, {@code id} and comments; {@code retry} is ignored). Not thread-safe.
 */
final class SseEventReader {

    private final Clock clock;
    private final List<String> data = new ArrayList<>();
    private String event = "";
    private String id = "";

    SseEventReader(Clock clock) {
        this.clock = clock;
    }

    /** Reads lines until the stream ends; each event is stamped when its blank line arrives. */
    List<ServerSentEvent> readAll(Iterator<String> lines) {
        List<ServerSentEvent> events = new ArrayList<>();
        while (lines.hasNext()) {
            String line = lines.next();
            if (line.isEmpty()) {
                dispatch(events);
            } else if (!line.startsWith(":")) {
                field(line);
            }
        }
        return events;
    }

    private void field(String line) {
        int colon = line.indexOf(':');
        String name = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (name) {
            case "data" -> data.add(value);
            case "event" -> event = value;
            case "id" -> id = value;
            default -> { }
        }
    }

    private void dispatch(List<ServerSentEvent> events) {
        if (!data.isEmpty()) {
            events.add(new ServerSentEvent(id, event.isEmpty() ? "message" : event, String.join("\n", data),
                    clock.instant()));
        }
        data.clear();
        event = "";
    }
}
