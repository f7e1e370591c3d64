package dev.scopemock.junit.internal;

import dev.scopemock.engine.criteria.CriterionException;
import dev.scopemock.engine.criteria.JsonValues;
import dev.scopemock.engine.internal.json.JsonCodec;
import dev.scopemock.engine.internal.json.StubPayloadReader;
import dev.scopemock.engine.internal.match.MatchSubject;
import dev.scopemock.engine.model.RecordedRequest;
import dev.scopemock.engine.model.RequestMatcher;
import dev.scopemock.engine.model.StubDefinition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Explains why requests matched no stub: for each, the test's stub that came closest and, for that stub, each
 * field that differed with what was expected and what arrived.
 */
public final class NearMiss {

    private static final StubPayloadReader READER = new StubPayloadReader(source -> null);

    private NearMiss() {
    }

    static String unmatchedReport(TestScope scope, List<RecordedRequest> unmatched) {
        StringBuilder out = new StringBuilder("Expecting every request in scope " + scope.name()
                + " to match a stub, but " + unmatched.size() + (unmatched.size() == 1 ? " request" : " requests")
                + " matched none:");
        List<String[]> stubs = scope.mock().registeredStubs();
        for (RecordedRequest request : unmatched) {
            out.append("\n  ").append(dev.scopemock.junit.internal.Verifier.describe(request));
            appendClosest(out, request, stubs);
        }
        out.append("\n(@MockServer(strict = false) turns this check off.)");
        return out.toString();
    }

    private static void appendClosest(StringBuilder out, RecordedRequest request, List<String[]> stubs) {
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
                            + JsonValues.toJson(JsonValues.toWire(requestWire(stub[3])));
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
            out.append("\n      ").append(diff);
        }
    }

    /** The fields of {@code matcher} that {@code request} fails, each as "field: expected X but was Y". */
    public static List<String> differences(RequestMatcher matcher, RecordedRequest request) {
        MatchSubject subject = new MatchSubject(request);
        List<String> diffs = new ArrayList<>();
        if (matcher.method() != null && !test(() -> matcher.method().test(subject.method()))) {
            diffs.add("method: expected " + wire(matcher.method().toWire()) + " but was " + wire(request.method()));
        }
        if (matcher.path() != null && !test(() -> matcher.path().match(subject.path()) != null)) {
            diffs.add("path: expected " + wire(matcher.path().toWire()) + " but was " + wire(request.path()));
        }
        if (matcher.headers() != null
                && !test(() -> matcher.headers().test(subject.singleHeaders(), subject.allHeaders()))) {
            diffs.add("headers: expected " + wire(matcher.headers().toWire()) + " but were "
                    + wire(request.singleHeaders()));
        }
        if (matcher.body() != null && !test(() -> matcher.body().test(subject.body()))) {
            String text = request.bodyText();
            diffs.add("body: expected " + wire(matcher.body().toWire()) + " but was "
                    + (text == null ? request.body().length + " bytes (not UTF-8)" : wire(text)));
        }
        if (matcher.host() != null && !test(() -> matcher.host().test(subject.host()))) {
            diffs.add("host: expected " + wire(matcher.host().toWire()) + " but was " + wire(request.host()));
        }
        if (matcher.query() != null
                && !test(() -> matcher.query().test(subject.singleQuery(), subject.allQuery()))) {
            diffs.add("query: expected " + wire(matcher.query().toWire()) + " but was "
                    + wire(request.singleQuery()));
        }
        return diffs;
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

    /** JSON text with invisible characters made visible, so two values that print alike can be told apart. */
    static String wire(Object value) {
        String json = JsonValues.toJson(value);
        StringBuilder out = new StringBuilder(json.length());
        for (char c : json.toCharArray()) {
            if (c == '\u00a0' || c == '\u200b' || c == '\ufeff' || (c < 0x20 && c != '\n')) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
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
        return Verifier.parseObject(payload).get("request");
    }
}
