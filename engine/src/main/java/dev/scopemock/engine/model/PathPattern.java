package dev.scopemock.engine.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A stub path such as {@code /users/{id}/posts}: both pattern and request path are stripped of leading and
 * trailing slashes and split on {@code /}; segment counts must be equal; a segment that is entirely
 * {@code {name}} matches any one segment (even an empty one) and captures it; other segments compare
 * case-sensitively. The query string is never looked at.
 *
 * @param pattern the pattern as written
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record PathPattern(String pattern) implements PathMatcher {

    /**
     * Checks the pattern is present.
     *
     * @param pattern the pattern as written
     */
    public PathPattern {
        Objects.requireNonNull(pattern, "pattern");
    }

    /**
     * The path with all leading and trailing slashes removed: the form literal paths are indexed under.
     *
     * @param path a pattern or request path
     * @return the trimmed path
     */
    public static String trim(String path) {
        int start = 0;
        int end = path.length();
        while (start < end && path.charAt(start) == '/') {
            start++;
        }
        while (end > start && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(start, end);
    }

    /**
     * Splits a path into its segments (after trimming); the root path has none.
     *
     * @param path a pattern or request path
     * @return the segments
     */
    public static List<String> segments(String path) {
        String trimmed = trim(path);
        List<String> segments = new ArrayList<>();
        if (trimmed.isEmpty()) {
            return segments;
        }
        int from = 0;
        while (true) {
            int slash = trimmed.indexOf('/', from);
            if (slash < 0) {
                segments.add(trimmed.substring(from));
                return segments;
            }
            segments.add(trimmed.substring(from, slash));
            from = slash + 1;
        }
    }

    /**
     * The parameter name of a segment that is entirely {@code {name}}, or null for a literal segment.
     *
     * @param segment one pattern segment
     * @return the parameter name or null
     */
    public static String parameterName(String segment) {
        if (segment.length() < 3 || segment.charAt(0) != '{' || segment.charAt(segment.length() - 1) != '}') {
            return null;
        }
        String name = segment.substring(1, segment.length() - 1);
        return name.indexOf('{') >= 0 || name.indexOf('}') >= 0 ? null : name;
    }

    /**
     * Whether the pattern has no parameter segments, so it can be found by hash lookup.
     *
     * @return true for a literal path
     */
    public boolean isLiteral() {
        for (String segment : segments(pattern)) {
            if (parameterName(segment) != null) {
                return false;
            }
        }
        return true;
    }

    /**
     * The number of non-empty literal segments.
     *
     * @return the specificity every match of this pattern has
     */
    public int specificity() {
        int count = 0;
        for (String segment : segments(pattern)) {
            if (parameterName(segment) == null && !segment.isEmpty()) {
                count++;
            }
        }
        return count;
    }

    @Override
    public PathMatch match(String path) {
        // Walks both paths segment by segment in place: no split lists or substrings for literal segments, and a
        // shared PathMatch when nothing is captured (the request path calls this once per candidate stub).
        String expected = pattern;
        int expectedEnd = trimmedEnd(expected, trimmedStart(expected));
        int expectedAt = trimmedStart(expected);
        int actualAt = trimmedStart(path);
        int actualEnd = trimmedEnd(path, actualAt);
        if (expectedAt == expectedEnd || actualAt == actualEnd) {
            return expectedAt == expectedEnd && actualAt == actualEnd ? plain(0) : null;
        }
        // The first capture is held in two locals (most patterns have one parameter); a map only from the second.
        String firstName = null;
        String firstValue = null;
        Map<String, String> params = null;
        int specificity = 0;
        while (true) {
            int expectedSlash = slashOrEnd(expected, expectedAt, expectedEnd);
            int actualSlash = slashOrEnd(path, actualAt, actualEnd);
            if (isParameter(expected, expectedAt, expectedSlash)) {
                String name = expected.substring(expectedAt + 1, expectedSlash - 1);
                String value = path.substring(actualAt, actualSlash);
                if (firstName == null) {
                    firstName = name;
                    firstValue = value;
                } else {
                    if (params == null) {
                        params = new LinkedHashMap<>();
                        params.put(firstName, firstValue);
                    }
                    params.put(name, value);
                }
            } else {
                int length = expectedSlash - expectedAt;
                if (length != actualSlash - actualAt || !expected.regionMatches(expectedAt, path, actualAt, length)) {
                    return null;
                }
                if (length > 0) {
                    specificity++;
                }
            }
            boolean expectedDone = expectedSlash == expectedEnd;
            boolean actualDone = actualSlash == actualEnd;
            if (expectedDone || actualDone) {
                if (expectedDone != actualDone) {
                    return null;
                }
                if (firstName == null) {
                    return plain(specificity);
                }
                return new PathMatch(specificity, params == null ? Map.of(firstName, firstValue) : params);
            }
            expectedAt = expectedSlash + 1;
            actualAt = actualSlash + 1;
        }
    }

    private static final PathMatch[] PLAIN = new PathMatch[32];

    static {
        for (int i = 0; i < PLAIN.length; i++) {
            PLAIN[i] = new PathMatch(i, Map.of());
        }
    }

    /** A match without captures (shared instances: a PathMatch is an immutable value). */
    private static PathMatch plain(int specificity) {
        return specificity < PLAIN.length ? PLAIN[specificity] : new PathMatch(specificity, Map.of());
    }

    private static int trimmedStart(String path) {
        int start = 0;
        while (start < path.length() && path.charAt(start) == '/') {
            start++;
        }
        return start;
    }

    private static int trimmedEnd(String path, int start) {
        int end = path.length();
        while (end > start && path.charAt(end - 1) == '/') {
            end--;
        }
        return end;
    }

    /** The index of the next {@code /} at or after {@code from}, or {@code end} when there is none before it. */
    private static int slashOrEnd(String path, int from, int end) {
        int slash = path.indexOf('/', from);
        return slash < 0 || slash > end ? end : slash;
    }

    /** {@link #parameterName} without the substring: whether {@code text[from, to)} is entirely {@code {name}}. */
    private static boolean isParameter(String text, int from, int to) {
        if (to - from < 3 || text.charAt(from) != '{' || text.charAt(to - 1) != '}') {
            return false;
        }
        for (int i = from + 1; i < to - 1; i++) {
            char c = text.charAt(i);
            if (c == '{' || c == '}') {
                return false;
            }
        }
        return true;
    }

    @Override
    public Object toWire() {
        return pattern;
    }
}
