package dev.scopemock.junit.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.scopemock.annotations.Chaos;
import dev.scopemock.annotations.Stub;
import dev.scopemock.engine.criteria.Eq;
import dev.scopemock.engine.criteria.JsonValues;
import dev.scopemock.engine.internal.json.JsonCodec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * Turns a {@link Stub} (with the {@link Chaos} that applies to it) into a control-API stub payload, rejecting
 * invalid combinations with a message that names the annotation, the attribute, the rule and the fix.
 */
final class AnnotationStubs {

    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD");

    private AnnotationStubs() {
    }

    /**
     * @param where e.g. {@code "CheckoutTest.paysOnce"} or {@code "class CheckoutTest"}
     * @param inherited the {@code @Chaos} of the element the stub sits on, or null
     */
    static String payload(Stub stub, Chaos inherited, String where, Class<?> testClass) {
        String origin = describe(stub) + " on " + where;
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("request", request(stub, origin));
        payload.put("action", stub.sequence().length == 0 ? Map.of("response", response(stub, origin, testClass))
                : Map.of("sequence", sequence(stub, origin)));
        if (stub.maxCalls() >= 0) {
            payload.put("max_calls", stub.maxCalls());
        } else if (stub.maxCalls() != -1) {
            throw fail(origin, "maxCalls", "must be -1 (unlimited) or a count of 0 or more, found " + stub.maxCalls(),
                    "use maxCalls = -1 or a non-negative count");
        }
        if (stub.chaos().length > 1) {
            throw fail(origin, "chaos", "takes at most one @Chaos, found " + stub.chaos().length,
                    "keep a single @Chaos in chaos = {...}");
        }
        Chaos chaos = stub.chaos().length == 1 ? stub.chaos()[0] : inherited;
        if (chaos != null) {
            Map<String, Object> wire = chaos(chaos, origin);
            if (wire != null) {
                payload.put("chaos", wire);
            }
        }
        return JsonCodec.writeString(payload);
    }

    static String describe(Stub stub) {
        StringBuilder out = new StringBuilder("@Stub(");
        if (!stub.name().isEmpty()) {
            out.append("name = \"").append(stub.name()).append("\", ");
        }
        if (!stub.method().isEmpty()) {
            out.append("method = \"").append(stub.method()).append("\", ");
        }
        out.append("path = \"").append(stub.path()).append("\")");
        return out.toString();
    }

    private static Map<String, Object> request(Stub stub, String origin) {
        Map<String, Object> request = new LinkedHashMap<>();
        if (!stub.path().isEmpty()) {
            request.put("path", stub.path());
        }
        if (!stub.method().isEmpty()) {
            String method = stub.method().toUpperCase(Locale.ROOT);
            if (!METHODS.contains(method)) {
                throw fail(origin, "method", "must be one of " + new TreeSet<>(METHODS) + ", found \""
                        + stub.method() + "\"", "use a standard HTTP method or leave method empty for any");
            }
            request.put("method", method);
        }
        Map<String, Object> headers = pairs(stub.headers(), ':', origin, "headers", "\"Name: value\"");
        if (!headers.isEmpty()) {
            request.put("headers", headers);
        }
        Map<String, Object> query = pairs(stub.query(), '=', origin, "query", "\"name=value\"");
        if (!query.isEmpty()) {
            request.put("query", query);
        }
        if (!stub.requestBody().isEmpty() && !stub.json().isEmpty()) {
            throw fail(origin, "requestBody and json", "are exclusive: a request has one body",
                    "keep json for JSON equality or requestBody for exact text");
        }
        if (!stub.requestBody().isEmpty()) {
            request.put("body", stub.requestBody());
        }
        if (!stub.json().isEmpty()) {
            request.put("body", JsonValues.toWire(Map.of("$json", Map.of("inner_criteria",
                    new Eq(parseJson(stub.json(), origin, "json"))))));
        }
        if (!stub.host().isEmpty()) {
            request.put("host", stub.host());
        }
        return request;
    }

    private static Map<String, Object> response(Stub stub, String origin, Class<?> testClass) {
        if (stub.status() < 200 || stub.status() > 599) {
            throw fail(origin, "status", "must be between 200 and 599, found " + stub.status(),
                    "use a final HTTP status such as 200, 404 or 503");
        }
        List<String> bodies = new ArrayList<>();
        if (!stub.body().isEmpty()) {
            bodies.add("body");
        }
        if (!stub.responseJson().isEmpty()) {
            bodies.add("responseJson");
        }
        if (!stub.template().isEmpty()) {
            bodies.add("template");
        }
        if (!stub.bodyFile().isEmpty()) {
            bodies.add("bodyFile");
        }
        if (bodies.size() > 1) {
            throw fail(origin, String.join(" and ", bodies), "are exclusive: a response has one body",
                    "keep exactly one of body, responseJson, template and bodyFile");
        }
        Map<String, Object> headers = pairs(stub.responseHeaders(), ':', origin, "responseHeaders",
                "\"Name: value\"");
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("status_code", stub.status());
        response.put("headers", headers);
        if (!stub.template().isEmpty()) {
            response.put("template_body", stub.template());
        } else if (!stub.responseJson().isEmpty()) {
            Object json = parseJson(stub.responseJson(), origin, "responseJson");
            response.put("body", json instanceof String ? JsonCodec.writeString(json) : json);
            if (json instanceof String && !hasHeader(headers, "content-type")) {
                headers.put("Content-Type", "application/json");
            }
        } else if (!stub.bodyFile().isEmpty()) {
            String text = readBodyFile(stub.bodyFile(), origin, testClass);
            if (stub.bodyFile().endsWith(".json") && !hasHeader(headers, "content-type")) {
                headers.put("Content-Type", "application/json");
            }
            response.put("body", text);
        } else {
            response.put("body", stub.body());
        }
        return response;
    }

    private static boolean hasHeader(Map<String, Object> headers, String name) {
        return headers.keySet().stream().anyMatch(k -> k.equalsIgnoreCase(name));
    }

    private static String readBodyFile(String path, String origin, Class<?> testClass) {
        String resource = path.startsWith("/") ? path.substring(1) : path;
        ClassLoader loader = testClass.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw fail(origin, "bodyFile", "names \"" + path + "\", which is not on the test class path",
                        "put the file under src/test/resources/" + resource + " or fix the path");
            }
            byte[] bytes = in.readAllBytes();
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException notText) {
                throw fail(origin, "bodyFile", "names \"" + path + "\", which is not UTF-8 text",
                        "use a text file (binary bodies are not supported by @Stub yet)");
            }
        } catch (IOException e) {
            throw fail(origin, "bodyFile", "names \"" + path + "\", which could not be read: " + e.getMessage(),
                    "check the file's permissions");
        }
    }

    private static Map<String, Object> sequence(Stub stub, String origin) {
        List<String> single = new ArrayList<>();
        if (stub.status() != 200) {
            single.add("status");
        }
        for (String[] attribute : new String[][] {{"body", stub.body()}, {"responseJson", stub.responseJson()},
                {"template", stub.template()}, {"bodyFile", stub.bodyFile()}}) {
            if (!attribute[1].isEmpty()) {
                single.add(attribute[0]);
            }
        }
        if (stub.responseHeaders().length > 0) {
            single.add("responseHeaders");
        }
        if (!single.isEmpty()) {
            throw fail(origin, "sequence and " + String.join(", ", single), "are exclusive: a sequence gives each"
                    + " call its own @Reply", "move the response into the @Reply elements");
        }
        List<Object> responses = new ArrayList<>();
        for (int i = 0; i < stub.sequence().length; i++) {
            dev.scopemock.annotations.Reply reply = stub.sequence()[i];
            String attribute = "sequence[" + i + "]";
            if (reply.status() < 200 || reply.status() > 599) {
                throw fail(origin, attribute + ".status", "must be between 200 and 599, found " + reply.status(),
                        "use a final HTTP status such as 200, 404 or 503");
            }
            if (!reply.body().isEmpty() && !reply.json().isEmpty()) {
                throw fail(origin, attribute + ".body and json", "are exclusive: a response has one body",
                        "keep one of body and json");
            }
            Map<String, Object> response = new LinkedHashMap<>();
            response.put("status_code", reply.status());
            response.put("headers", pairs(reply.headers(), ':', origin, attribute + ".headers", "\"Name: value\""));
            if (!reply.json().isEmpty()) {
                Object json = parseJson(reply.json(), origin, attribute + ".json");
                response.put("body", json instanceof String ? JsonCodec.writeString(json) : json);
                @SuppressWarnings("unchecked")
                Map<String, Object> headers = (Map<String, Object>) response.get("headers");
                if (json instanceof String && !hasHeader(headers, "content-type")) {
                    headers.put("Content-Type", "application/json");
                }
            } else {
                response.put("body", reply.body());
            }
            responses.add(response);
        }
        Map<String, Object> sequence = new LinkedHashMap<>();
        sequence.put("responses", responses);
        sequence.put("on_exhausted", stub.onExhausted().name().toLowerCase(java.util.Locale.ROOT));
        return sequence;
    }

    private static Map<String, Object> chaos(Chaos chaos, String origin) {
        checkChaos(chaos, origin, "chaos ");
        return chaosWire(chaos);
    }

    /** The wire form of a {@code @Chaos}'s faults (its seed aside), or null when it sets none. */
    static Map<String, Object> chaosWire(Chaos chaos) {
        Map<String, Object> faults = new LinkedHashMap<>();
        probability(faults, "connection_drop", chaos.connectionDropProbability());
        probability(faults, "connection_reset", chaos.connectionResetProbability());
        probability(faults, "empty_response", chaos.emptyResponseProbability());
        probability(faults, "random_bytes", chaos.randomBytesProbability());
        probability(faults, "malformed_chunked", chaos.malformedChunkedProbability());
        if (chaos.stallProbability() > 0.0) {
            faults.put("stall", Map.of("probability", chaos.stallProbability(), "max_ms", chaos.stallMaxMs()));
        }
        if (chaos.errorStatus() != 0 && chaos.errorProbability() > 0.0) {
            faults.put("error_status", Map.of("status", chaos.errorStatus(), "probability",
                    chaos.errorProbability()));
        }
        if (chaos.throttleBytes() > 0) {
            faults.put("throttle", Map.of("bytes", chaos.throttleBytes(), "interval_ms", chaos.throttleIntervalMs()));
        }
        if (chaos.sseDropAfterEvents() >= 0 || chaos.sseEventJitterMs() > 0) {
            Map<String, Object> sse = new LinkedHashMap<>();
            if (chaos.sseDropAfterEvents() >= 0) {
                sse.put("drop_after_events", chaos.sseDropAfterEvents());
            }
            sse.put("event_jitter_ms", chaos.sseEventJitterMs());
            faults.put("sse", sse);
        }
        if (chaos.latencyMs() == 0 && chaos.jitterMs() == 0 && faults.isEmpty()) {
            return null;
        }
        Map<String, Object> wire = new LinkedHashMap<>();
        wire.put("latency", Map.of("base_ms", chaos.latencyMs(), "jitter_ms", chaos.jitterMs()));
        if (!faults.isEmpty()) {
            wire.put("faults", faults);
        }
        return wire;
    }

    private static void probability(Map<String, Object> faults, String name, double p) {
        if (p > 0.0) {
            faults.put(name, Map.of("probability", p));
        }
    }

    /**
     * Validates a {@code @Chaos}.
     *
     * @param origin the element named in messages, e.g. {@code "@Chaos on CheckoutTest.pays"}
     * @param prefix put before attribute names, e.g. {@code "chaos "} for a {@code @Chaos} nested in a stub
     */
    static void checkChaos(Chaos chaos, String origin, String prefix) {
        if (chaos.latencyMs() < 0) {
            throw fail(origin, prefix + "latencyMs", "must not be negative, found " + chaos.latencyMs(),
                    "use 0 or a positive number of milliseconds");
        }
        if (chaos.jitterMs() < 0) {
            throw fail(origin, prefix + "jitterMs", "must not be negative, found " + chaos.jitterMs(),
                    "use 0 or a positive number of milliseconds");
        }
        double sum = 0;
        String[] names = {"connectionDropProbability", "connectionResetProbability", "emptyResponseProbability",
            "stallProbability", "randomBytesProbability", "malformedChunkedProbability", "errorProbability"};
        double[] values = {chaos.connectionDropProbability(), chaos.connectionResetProbability(),
            chaos.emptyResponseProbability(), chaos.stallProbability(), chaos.randomBytesProbability(),
            chaos.malformedChunkedProbability(), chaos.errorProbability()};
        for (int i = 0; i < names.length; i++) {
            double p = values[i];
            if (!(p >= 0.0 && p <= 1.0)) {
                throw fail(origin, prefix + names[i], "must be between 0 and 1, found " + p,
                        "use a probability such as 0.25");
            }
            sum += names[i].equals("errorProbability") && chaos.errorStatus() == 0 ? 0 : p;
        }
        if (sum > 1.0 + 1e-9) {
            throw fail(origin, prefix + "probabilities", "add up to " + sum + ", but at most one fault happens per"
                    + " request", "make the fault probabilities add up to at most 1");
        }
        if (chaos.errorStatus() != 0 && (chaos.errorStatus() < 200 || chaos.errorStatus() > 599)) {
            throw fail(origin, prefix + "errorStatus", "must be 0 (none) or between 200 and 599, found "
                    + chaos.errorStatus(), "use a status such as 503");
        }
        if (chaos.stallMaxMs() < 0 || chaos.throttleBytes() < 0 || chaos.throttleIntervalMs() <= 0
                || chaos.sseDropAfterEvents() < -1 || chaos.sseEventJitterMs() < 0) {
            throw fail(origin, prefix + "stallMaxMs/throttleBytes/throttleIntervalMs/sseDropAfterEvents"
                    + "/sseEventJitterMs", "must not be negative (sseDropAfterEvents -1 for none)"
                    + " (and the interval positive)", "use 0 or positive numbers");
        }
    }

    private static Map<String, Object> pairs(String[] lines, char separator, String origin, String attribute,
                                             String form) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (String line : lines) {
            int at = line.indexOf(separator);
            String name = at < 0 ? "" : line.substring(0, at).trim();
            if (at < 0 || !isToken(name)) {
                throw fail(origin, attribute, "entries must be written " + form + " with a name of letters, digits"
                        + " or -_.!#$%&'*+^`|~, found \"" + line + "\"", "write it as " + form);
            }
            map.put(name, line.substring(at + 1).trim());
        }
        return map;
    }

    /** Whether the text is an HTTP token (RFC 9110 §5.6.2), the form of header names. */
    private static boolean isToken(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (char c : text.toCharArray()) {
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-_.!#$%&'*+^`|~".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static Object parseJson(String text, String origin, String attribute) {
        try {
            return JsonCodec.toPlain(JsonCodec.parseTree(text.getBytes(StandardCharsets.UTF_8)));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " (error at line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            throw fail(origin, attribute, "must be valid JSON, found " + text + where, "fix the JSON text");
        } catch (IOException e) {
            throw fail(origin, attribute, "must be valid JSON, found " + text, "fix the JSON text");
        }
    }

    static ExtensionConfigurationException fail(String origin, String attribute, String rule, String fix) {
        return new ExtensionConfigurationException(origin + ": " + attribute + " " + rule + ". Fix: " + fix + ".");
    }
}
