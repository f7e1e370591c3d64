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
                + "\n(" + scope.config().setting("strict", "false") + " turns this check off.)";
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
            out.append("\n      every field matches: the stub was used up (maxCalls), or registered or replaced after the request"
                    + " arrived");
        }
        for (String diff : bestDiffs) {
            out.append('\n').append(indent(diff, "      "));
        }
    }

    /**
     * The requests that came closest to a matcher: fewest differing fields first, then the least important ones
     * (the engine's ranking weights: path, method, body, host, query, headers), then fewest differing JSON members,
     * then in arrival order.
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
        misses.sort(Comparator.<Miss>comparingInt(miss -> miss.differences().size())
                .thenComparingInt(NearMiss::weight)
                .thenComparingInt(NearMiss::detailLines));
        return List.copyOf(misses.subList(0, Math.min(limit, misses.size())));
    }

    /**
     * The engine's ranking weights of the differing fields: a request differing only in its body is closer than one
     * differing only in its path.
     */
    private static int weight(Miss miss) {
        int weight = 0;
        for (String difference : miss.differences()) {
            weight += difference.startsWith("path:") ? RequestMatcher.PATH_WEIGHT
                    : difference.startsWith("method:") ? RequestMatcher.METHOD_WEIGHT
                    : difference.startsWith("body:") ? RequestMatcher.BODY_WEIGHT
                    : difference.startsWith("host:") ? RequestMatcher.HOST_WEIGHT
                    : difference.startsWith("query") ? RequestMatcher.QUERY_WEIGHT
                    : RequestMatcher.HEADERS_WEIGHT;
        }
        return weight;
    }

    /** Fields differing alike, the request with fewer differing JSON members is the closer one. */
    private static int detailLines(Miss miss) {
        int lines = 0;
        for (String difference : miss.differences()) {
            lines += (int) difference.chars().filter(c -> c == '\n').count();
        }
        return lines;
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
            return "body: expected " + wire(matcher.toWire()) + " but was " + request.bodyLength()
                    + " bytes (not UTF-8)";
        }
        Object expectedJson = expectedJson(matcher);
        boolean literalJson = expectedJson != null && !(expectedJson instanceof dev.scopemock.engine.criteria.Criterion);
        StringBuilder out = new StringBuilder(literalJson
                ? "body: expected JSON " + wire(expectedJson) + " but was "
                        + (text.isEmpty() ? "an empty body" : VisibleText.visible(text))
                : "body: " + mismatch(matcher.toWire(), text));
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
            return text + VisibleText.firstDifference(e, a);
        }
        return text;
    }

    private static String wire(Object value) {
        return VisibleText.wire(value);
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

    /** The engine matcher of a stub payload, or null when it cannot be read. */
    static RequestMatcher matcherOf(String payload) {
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
