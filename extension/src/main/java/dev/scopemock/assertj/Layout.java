package dev.scopemock.assertj;

import dev.scopemock.engine.model.RecordedRequest;
import dev.scopemock.junit.internal.VisibleText;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** The pieces every failure text is made of: the request block, quoted values, counts and durations. */
final class Layout {

    private Layout() {
    }

    /** {@code Expecting request:} and the request on its own indented line, then a line break. */
    static String expectingRequest(RecordedRequest request) {
        return "Expecting request:\n  " + request + "\n";
    }

    /** A value in JSON quotes with escapes, invisible characters made visible. */
    static String quote(String value) {
        return VisibleText.wire(value);
    }

    /** {@code "name" = "value"}. */
    static String pair(String name, String value) {
        return quote(name) + " = " + quote(value);
    }

    /** One indented {@code "name" = "value"} line per value. */
    static String pairs(String name, List<String> values) {
        return values.stream().map(v -> "  " + pair(name, v)).collect(Collectors.joining("\n"));
    }

    /** Quoted names on one line, comma separated. */
    static String names(Collection<String> names) {
        return names.stream().map(Layout::quote).collect(Collectors.joining(", "));
    }

    /** A line naming the first differing character when two texts may print alike, else empty. */
    static String firstDifference(String expected, String actual) {
        String hint = VisibleText.firstDifference(expected, actual).strip();
        return hint.isEmpty() ? "" : "\n" + hint;
    }

    static String times(int n) {
        return n == 1 ? "1 time" : n + " times";
    }

    /** {@code 2s}, {@code 150ms}. */
    static String duration(Duration duration) {
        long millis = duration.toMillis();
        if (duration.equals(Duration.ofMillis(millis))) {
            return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
        }
        return duration.toString();
    }
}
