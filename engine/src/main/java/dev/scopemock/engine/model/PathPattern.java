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
        List<String> expected = segments(pattern);
        List<String> actual = segments(path);
        if (expected.size() != actual.size()) {
            return null;
        }
        Map<String, String> params = null;
        int specificity = 0;
        for (int i = 0; i < expected.size(); i++) {
            String segment = expected.get(i);
            String name = parameterName(segment);
            if (name != null) {
                if (params == null) {
                    params = new LinkedHashMap<>();
                }
                params.put(name, actual.get(i));
            } else if (!segment.equals(actual.get(i))) {
                return null;
            } else if (!segment.isEmpty()) {
                specificity++;
            }
        }
        return new PathMatch(specificity, params == null ? Map.of() : params);
    }

    @Override
    public Object toWire() {
        return pattern;
    }
}
