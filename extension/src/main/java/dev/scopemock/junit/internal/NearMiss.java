package dev.scopemock.junit.internal;

import dev.scopemock.engine.criteria.CriterionException;
import dev.scopemock.engine.criteria.Eq;
import dev.scopemock.engine.criteria.Json;
import dev.scopemock.engine.criteria.JsonValues;
import dev.scopemock.engine.internal.json.JsonCodec;
import dev.scopemock.engine.internal.json.StubPayloadReader;
import dev.scopemock.engine.internal.match.MatchSubject;
import dev.scopemock.engine.model.CriterionMatch;
import dev.scopemock.engine.model.JsonEquals;
import dev.scopemock.engine.model.KeyValuesMatcher;
import dev.scopemock.engine.model.MapMatcher;
import dev.scopemock.engine.model.RecordedRequest;
import dev.scopemock.engine.model.RequestMatcher;
import dev.scopemock.engine.model.StubDefinition;
import dev.scopemock.engine.model.ValueMatcher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Explains why requests and matchers missed each other: for a request, the stub that came closest; for a
 * verification, the recorded requests that came closest; each with every field that differed, expected and found
 * printed in wire form with invisible characters made visible.
 */
public final class NearMiss {

    private static final StubPayloadReader READER = new StubPayloadReader(source -> null);

    /**
     * A recorded request and the fields in which it missed a matcher.
     *
     * @param request the request
     * @param differences one entry per differing field; an entry may span lines (details indented by two spaces)
     */
    public record Miss(RecordedRequest request, List<String> differences) {
    }

    private NearMiss() {
    }

    static String unmatchedReport(TestScope scope, List<RecordedRequest> unmatched) {
        return unmatchedRequests(scope.name(), scope.mock().registeredStubs(), unmatched)
                + "\n(@MockServer(strict = false) turns this check off.)";
    }

    /**
     * The report of requests that matched no stub: each request with the closest of the test's stubs.
     *
     * @param scope the scope name
     * @param stubs the test's stubs as {@code ScopedMock.registeredStubs()} lists them
     * @param unmatched the requests, not empty
     * @return the multi-line report
     */
    public static String unmatchedRequests(String scope, List<String[]> stubs, List<RecordedRequest> unmatched) {
        StringBuilder out = new StringBuilder("Expecting every request in scope " + scope
                + " to match a stub, but " + unmatched.size() + (unmatched.size() == 1 ? " request" : " requests")
                + " matched none:");
        for (RecordedRequest request : unmatched) {
            out.append("\n  ").append(Verifier.describe(request));
            appendClosestStub(out, request, stubs);
        }
        return out.toString();
    }

    private static void appendClosestStub(StringBuilder out, RecordedRequest request, List<String[]> stubs) {
        String bestOrigin = null;
        List<String> bestDiffs = null;
        for (String[] stub : stubs) {
            RequestMatcher matcher = matcherOf(stub[3]);
            if (matcher == null) {
                continue;
            }
            List<String> diffs = differences(matcher, request);
            if (bestDiffs == null || diffs.size() < bestDiffs.size()) {
                bestDiffs = diffs;
                bestOrigin = stub[1] != null ? "\"" + stub[1] + "\" " + stub[2] : stub[2];
                if (stub[2].equals("fluent")) {
                    bestOrigin = (stub[1] != null ? "\"" + stub[1] + "\" " : "") + "whenRequestedWith "
                            + wire(requestWire(stub[3]));
                }
            }
        }
        if (bestDiffs == null) {
            out.append("\n    (the test declared no stubs)");
            return;
        }
        out.append("\n    closest stub: ").append(bestOrigin);
        if (bestDiffs.isEmpty()) {
            out.append("\n      every field matches: the stub was used up (maxCalls) or an earlier one was chosen");
        }
        for (String diff : bestDiffs) {
            out.append('\n').append(indent(diff, "      "));
        }
    }

    /**
     * The requests that came closest to a matcher: fewest differing fields first, then in arrival order.
     *
     * @param matcher the engine matcher (see {@link Verifier#compile})
     * @param candidates the requests that did not match
     * @param limit how many to return at most
     * @return the closest requests with their differences
     */
    public static List<Miss> closest(RequestMatcher matcher, List<RecordedRequest> candidates, int limit) {
        List<Miss> misses = new ArrayList<>(candidates.size());
        for (RecordedRequest request : candidates) {
            misses.add(new Miss(request, differences(matcher, request)));
        }
        misses.sort(Comparator.comparingInt(miss -> miss.differences().size()));
        return List.copyOf(misses.subList(0, Math.min(limit, misses.size())));
    }

    /**
     * Prefixes every line of a possibly multi-line entry with {@code indent}.
     *
     * @param entry the entry
     * @param indent the prefix
     * @return the indented entry
     */
    public static String indent(String entry, String indent) {
        return indent + entry.replace("\n", "\n" + indent);
    }

    /**
     * The fields of {@code matcher} that {@code request} fails, each as {@code field: expected X but was Y}. A
     * header or query parameter differs per name ({@code header "x-id": ...}); a JSON body is followed by lines
     * naming each differing member ({@code   $.amount: expected 42 but was 41}).
     *
     * @param matcher the engine matcher
     * @param request the request
     * @return one entry per differing field, in the order method, path, headers, body, host, query
     */
    public static List<String> differences(RequestMatcher matcher, RecordedRequest request) {
        MatchSubject subject = new MatchSubject(request);
        List<String> diffs = new ArrayList<>();
        if (matcher.method() != null && !test(() -> matcher.method().test(subject.method()))) {
            diffs.add("method: " + mismatch(matcher.method().toWire(), request.method()));
        }
        if (matcher.path() != null && !test(() -> matcher.path().match(subject.path()) != null)) {
            diffs.add("path: " + mismatch(matcher.path().toWire(), request.path()));
        }
        if (matcher.headers() != null
                && !test(() -> matcher.headers().test(subject.singleHeaders(), subject.allHeaders()))) {
            mapDifferences("header", "headers", matcher.headers(), request.headers(), request.singleHeaders(), diffs);
        }
        if (matcher.body() != null && !test(() -> matcher.body().test(subject.body()))) {
            diffs.add(bodyDifference(matcher.body(), request));
        }
        if (matcher.host() != null && !test(() -> matcher.host().test(subject.host()))) {
            diffs.add("host: " + mismatch(matcher.host().toWire(), request.host()));
        }
        if (matcher.query() != null
                && !test(() -> matcher.query().test(subject.singleQuery(), subject.allQuery()))) {
            mapDifferences("query", "query", matcher.query(), request.query(), request.singleQuery(), diffs);
        }
        return diffs;
    }

    private static void mapDifferences(String one, String all, MapMatcher matcher, Map<String, List<String>> actual,
                                       Map<String, String> single, List<String> diffs) {
        if (!(matcher instanceof KeyValuesMatcher keyValues)) {
            diffs.add(all + ": expected " + wire(matcher.toWire()) + " but was " + wire(single));
            return;
        }
        for (Map.Entry<String, Object> entry : keyValues.expected().entrySet()) {
            List<String> values = actual.get(entry.getKey());
            String field = one + " " + wire(entry.getKey()) + ": ";
            if (values == null) {
                diffs.add(field + "expected " + wire(entry.getValue()) + " but was absent");
            } else if (!anyMatches(entry.getValue(), values)) {
                diffs.add(field + mismatch(entry.getValue(), values.size() == 1 ? values.get(0) : values));
            }
        }
    }

    private static boolean anyMatches(Object expected, List<String> values) {
        for (String value : values) {
            if (test(() -> JsonValues.matches(expected, value))) {
                return true;
            }
        }
        return false;
    }

    private static String bodyDifference(ValueMatcher matcher, RecordedRequest request) {
        String text = request.bodyText();
        if (text == null) {
            return "body: expected " + wire(matcher.toWire()) + " but was " + request.body().length
                    + " bytes (not UTF-8)";
        }
        StringBuilder out = new StringBuilder("body: " + mismatch(matcher.toWire(), text));
        Object expectedJson = expectedJson(matcher);
        if (expectedJson != null && !text.isEmpty()) {
            try {
                Object actualJson = JsonCodec.parseValue(text);
                for (String line : JsonDiff.differences(expectedJson, actualJson)) {
                    out.append("\n  ").append(line);
                }
            } catch (CriterionException notJson) {
                out.append("\n  (the body is not JSON)");
            }
        }
        return out.toString();
    }

    /** The JSON value a body matcher compares with, or null when it is not a JSON comparison. */
    private static Object expectedJson(ValueMatcher matcher) {
        if (matcher instanceof JsonEquals equals) {
            return equals.value();
        }
        if (matcher instanceof CriterionMatch match && match.criterion() instanceof Json json) {
            return json.innerCriteria() instanceof Eq eq ? eq.value() : json.innerCriteria();
        }
        return null;
    }

    /** {@code expected X but was Y}, naming the first differing character when it is not plain ASCII. */
    private static String mismatch(Object expected, Object actual) {
        String text = "expected " + wire(expected) + " but was " + wire(actual);
        if (expected instanceof String e && actual instanceof String a) {
            return text + firstDifference(e, a);
        }
        return text;
    }

    /**
     * Where two texts that may print alike part, as {@code " (first difference at index 2: expected U+0061 but was
     * U+0430)"}; empty unless the first differing character is not plain ASCII.
     *
     * @param expected the expected text
     * @param actual the actual text
     * @return the hint with a leading space, or {@code ""}
     */
    public static String firstDifference(String expected, String actual) {
        int i = 0;
        while (i < expected.length() && i < actual.length() && expected.charAt(i) == actual.charAt(i)) {
            i++;
        }
        if (i == expected.length() || i == actual.length()) {
            return "";
        }
        int e = expected.codePointAt(i);
        int a = actual.codePointAt(i);
        if (e < 0x7f && a < 0x7f) {
            return "";
        }
        return " (first difference at index " + i + ": expected " + codePoint(e) + " but was " + codePoint(a) + ")";
    }

    private static String codePoint(int cp) {
        return String.format("U+%04X", cp);
    }

    private interface Check {
        boolean run();
    }

    private static boolean test(Check check) {
        try {
            return check.run();
        } catch (CriterionException notEvaluable) {
            return false;
        }
    }

    /**
     * JSON text of a value (criteria in wire form) with invisible characters made visible as {@code \\uXXXX}, so
     * two values that print alike can be told apart.
     *
     * @param value a JSON value or criterion
     * @return the text
     */
    public static String wire(Object value) {
        String json = JsonValues.toJson(value);
        StringBuilder out = new StringBuilder(json.length());
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (invisible(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean invisible(char c) {
        if (c < 0x20 || c == 0x7f) {
            return true;
        }
        if (c < 0x7f) {
            return false;
        }
        int type = Character.getType(c);
        return type == Character.SPACE_SEPARATOR || type == Character.FORMAT || type == Character.CONTROL
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.UNASSIGNED;
    }

    private static RequestMatcher matcherOf(String payload) {
        try {
            StubDefinition stub = READER.read(JsonCodec.parseTree(payload.getBytes(StandardCharsets.UTF_8)),
                    List.of("body"));
            return stub.request();
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
    }

    private static Object requestWire(String payload) {
        return JsonValues.toWire(Verifier.parseObject(payload).get("request"));
    }
}
