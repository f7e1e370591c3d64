package dev.scopemock.junit.internal;

import dev.scopemock.engine.internal.json.AssertionPayloadReader;
import dev.scopemock.engine.internal.json.JsonCodec;
import dev.scopemock.engine.internal.match.MatchSubject;
import dev.scopemock.engine.internal.match.RequestEvaluator;
import dev.scopemock.engine.model.RecordedRequest;
import dev.scopemock.engine.model.RequestMatcher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Evaluates a verification locally over a scope's recorded requests, with the engine's own assertion semantics
 * (the wire form of the matcher is read by the engine's assertion reader), so in-process and remote engines agree.
 */
public final class Verifier {

    private Verifier() {
    }

    /** The engine's matcher for the wire form of an assertion (its {@code times} is ignored here). */
    public static RequestMatcher compile(Map<String, Object> wire) {
        try {
            byte[] json = JsonCodec.writeBytes(wire);
            return AssertionPayloadReader.read(JsonCodec.parseTree(json)).matcher();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Predicate<RecordedRequest> predicate(Map<String, Object> wire) {
        RequestMatcher matcher = compile(wire);
        return request -> RequestEvaluator.matchesAssertion(matcher, new MatchSubject(request));
    }

    public static List<RecordedRequest> matching(List<RecordedRequest> requests, Map<String, Object> wire) {
        Predicate<RecordedRequest> predicate = predicate(wire);
        List<RecordedRequest> matches = new ArrayList<>();
        for (RecordedRequest request : requests) {
            if (predicate.test(request)) {
                matches.add(request);
            }
        }
        return matches;
    }

    /**
     * Renders a request for failure messages: {@code POST /orders?id=7} plus its body when it has one, on one line,
     * invisible characters made visible.
     */
    public static String describe(RecordedRequest request) {
        String text = request.bodyText();
        String body = text == null ? " [" + request.bodyLength() + " bytes, not UTF-8]"
                : text.isEmpty() ? "" : " " + abbreviate(text);
        return request + body;
    }

    private static String abbreviate(String text) {
        String oneLine = VisibleText.visible(text.replace("\n", "\\n").replace("\r", "\\r"));
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
    }

    /** Parses a JSON object payload into an ordered map. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(String json) {
        try {
            return (Map<String, Object>) JsonCodec.toPlain(JsonCodec.parseTree(json.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
