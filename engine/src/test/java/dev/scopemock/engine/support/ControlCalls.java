package dev.scopemock.engine.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;

/**
 * Small, generic helpers for control-API calls and payloads in tests: JSON written with single quotes, text stubs,
 * listings and reset.
 */
public final class ControlCalls {

    private ControlCalls() {
    }

    /**
     * JSON written with single quotes for readability in Java strings: {@code wire("{'a': 1}")} is {@code {"a": 1}}.
     * Only usable for JSON that contains no apostrophes.
     */
    public static String wire(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    /** Parses JSON written with single quotes (see {@link #wire(String)}) into a tree, for exact comparisons. */
    public static JsonNode tree(String singleQuoted) {
        try {
            return TestEngine.JSON.readTree(wire(singleQuoted));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A stub payload: the given request matcher object, answering 200 with a text body and no extra headers. */
    public static String textStub(String requestJson, String body) {
        return "{\"request\":" + requestJson + ",\"action\":{\"response\":{\"status_code\":200,\"headers\":{},"
                + "\"body\":" + TestEngine.JSON.valueToTree(body) + "}}}";
    }

    /** Like {@link #textStub(String, String)} with a {@code max_calls} limit. */
    public static String textStub(String requestJson, String body, int maxCalls) {
        String stub = textStub(requestJson, body);
        return stub.substring(0, stub.length() - 1) + ",\"max_calls\":" + maxCalls + "}";
    }

    /** {@code POST /__mock__/reset}, checking the 200. */
    public static void reset(TestEngine engine) {
        HttpResponse<String> response = engine.send("POST", "/__mock__/reset", null);
        if (response.statusCode() != 200) {
            throw new AssertionError("reset failed: " + response.statusCode() + " " + response.body());
        }
    }

    /** The {@code requests} array of {@code GET /__mock__/requests} (global view, or the scope's view). */
    public static JsonNode requests(TestEngine engine, String scopeOrNull) {
        HttpResponse<String> response = scopeOrNull == null ? engine.get("/__mock__/requests")
                : engine.get("/__mock__/requests", scopeOrNull, "1");
        if (response.statusCode() != 200) {
            throw new AssertionError("listing requests failed: " + response.statusCode() + " " + response.body());
        }
        return TestEngine.json(response).get("requests");
    }

    /** The {@code stubs} array of {@code GET /__mock__/stubs} (global view, or the scope's view). */
    public static JsonNode stubs(TestEngine engine, String scopeOrNull) {
        HttpResponse<String> response = scopeOrNull == null ? engine.get("/__mock__/stubs")
                : engine.get("/__mock__/stubs", scopeOrNull, "1");
        if (response.statusCode() != 200) {
            throw new AssertionError("listing stubs failed: " + response.statusCode() + " " + response.body());
        }
        return TestEngine.json(response).get("stubs");
    }
}
