package dev.scopemock.engine.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopemock.engine.model.Chaos;
import dev.scopemock.engine.model.HeaderValue;
import dev.scopemock.engine.model.ProxyAction;
import dev.scopemock.engine.model.RequestMatcher;
import dev.scopemock.engine.model.ResponseAction;
import dev.scopemock.engine.model.ResponseBody;
import dev.scopemock.engine.model.SequenceAction;
import dev.scopemock.engine.model.SseAction;
import dev.scopemock.engine.model.SseEvent;
import dev.scopemock.engine.model.StubAction;
import dev.scopemock.engine.model.StubDefinition;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Reads and validates a stub payload ({@code POST /__mock__/stubs}, start-up stub files). Every rule that fails
 * is reported with its field path; nothing is stored unless the whole payload is valid.
 */
public final class StubPayloadReader {

    static final String BODY_XOR_TEMPLATE = "Exactly one of body or template_body must be provided.";
    static final String BODY_XOR_TEMPLATE_OR_BASE64 =
            "Exactly one of body, template_body, or body_base64 must be provided.";
    static final String ONE_ACTION = "Exactly one of response, proxy, or sse must be provided.";
    /** {@link #ONE_ACTION} when the payload uses our {@code sequence} kind (the reference's text stays for the rest). */
    static final String ONE_ACTION_WITH_SEQUENCE =
            "Exactly one of response, proxy, sse, or sequence must be provided.";
    static final String LEGACY_DROP = "Use chaos.faults.connection_drop instead of chaos.connection_drop";

    private static final Set<String> TOP = Set.of("request", "action", "max_calls", "chaos", "id", "stub_id");

    private final UnaryOperator<String> templateSyntaxError;

    /**
     * @param templateSyntaxError returns the syntax problem of a template, or null when it is valid
     */
    public StubPayloadReader(UnaryOperator<String> templateSyntaxError) {
        this.templateSyntaxError = templateSyntaxError;
    }

    /** Reads one stub; throws {@link dev.scopemock.engine.InvalidPayloadException} listing every broken rule. */
    public StubDefinition read(JsonNode root, List<Object> loc) {
        WireErrors errors = new WireErrors();
        StubDefinition stub = read(root, loc, errors);
        errors.throwIfAny();
        return stub;
    }

    StubDefinition read(JsonNode root, List<Object> loc, WireErrors errors) {
        if (!root.isObject()) {
            errors.add("model_attributes_type", loc, "Input should be a valid dictionary or object to extract"
                    + " fields from, found " + WireErrors.kind(root));
            return null;
        }
        if (root.has("scope")) {
            errors.add("extra_forbidden", WireErrors.at(loc, "scope"), "a stub payload must not name its scope:"
                    + " send the scope header with the request instead (start-up stubs are always global)");
        }
        errors.rejectUnknown(root, loc, withScope(TOP));
        String id = id(root, loc, errors);
        RequestMatcher request = null;
        if (errors.requireObject(root.get("request"), WireErrors.at(loc, "request"))) {
            errors.rejectUnknown(root.get("request"), WireErrors.at(loc, "request"), MatcherReader.FIELDS);
            request = new MatcherReader(errors).read(root.get("request"), WireErrors.at(loc, "request"), true);
        }
        StubAction action = null;
        if (errors.requireObject(root.get("action"), WireErrors.at(loc, "action"))) {
            action = action(root.get("action"), WireErrors.at(loc, "action"), errors);
        }
        Integer maxCalls = null;
        JsonNode maxCallsNode = root.get("max_calls");
        if (!WireErrors.isAbsent(maxCallsNode)) {
            Long value = errors.integer(maxCallsNode, WireErrors.at(loc, "max_calls"));
            if (value != null) {
                maxCalls = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
            }
        }
        Chaos chaos = null;
        JsonNode chaosNode = root.get("chaos");
        if (!WireErrors.isAbsent(chaosNode)) {
            chaos = new ChaosReader(errors).read(chaosNode, WireErrors.at(loc, "chaos"));
        }
        if (request == null || action == null || !errors.isEmpty()) {
            return null;
        }
        return new StubDefinition(id, request, action, maxCalls, chaos);
    }

    private static Set<String> withScope(Set<String> allowed) {
        Set<String> all = new java.util.HashSet<>(allowed);
        all.add("scope");
        return all;
    }

    private static String id(JsonNode root, List<Object> loc, WireErrors errors) {
        JsonNode node = !WireErrors.isAbsent(root.get("stub_id")) ? root.get("stub_id") : root.get("id");
        if (WireErrors.isAbsent(node)) {
            return null;
        }
        String field = !WireErrors.isAbsent(root.get("stub_id")) ? "stub_id" : "id";
        if (!node.isTextual() && !node.isNumber()) {
            errors.add("string_type", WireErrors.at(loc, field), "a stub id must be a string or a number, found "
                    + WireErrors.kind(node));
            return null;
        }
        String id = node.asText().trim();
        if (id.isEmpty()) {
            errors.add("string_too_short", WireErrors.at(loc, field), "a stub id must not be empty");
            return null;
        }
        return id;
    }

    private StubAction action(JsonNode action, List<Object> loc, WireErrors errors) {
        errors.rejectUnknown(action, loc, Set.of("response", "proxy", "sse", "sequence"));
        int present = 0;
        for (String kind : List.of("response", "proxy", "sse", "sequence")) {
            if (!WireErrors.isAbsent(action.get(kind))) {
                present++;
            }
        }
        if (present != 1) {
            errors.add("value_error", loc, "Value error, "
                    + (WireErrors.isAbsent(action.get("sequence")) ? ONE_ACTION : ONE_ACTION_WITH_SEQUENCE));
            return null;
        }
        if (!WireErrors.isAbsent(action.get("response"))) {
            return response(action.get("response"), WireErrors.at(loc, "response"), errors);
        }
        if (!WireErrors.isAbsent(action.get("proxy"))) {
            return proxy(action.get("proxy"), WireErrors.at(loc, "proxy"), errors);
        }
        if (!WireErrors.isAbsent(action.get("sequence"))) {
            return sequence(action.get("sequence"), WireErrors.at(loc, "sequence"), errors);
        }
        return sse(action.get("sse"), WireErrors.at(loc, "sse"), errors);
    }

    private StubAction sequence(JsonNode node, List<Object> loc, WireErrors errors) {
        if (!errors.requireObject(node, loc)) {
            return null;
        }
        errors.rejectUnknown(node, loc, Set.of("responses", "on_exhausted"));
        SequenceAction.Exhausted policy = SequenceAction.Exhausted.REPEAT_LAST;
        JsonNode policyNode = node.get("on_exhausted");
        if (!WireErrors.isAbsent(policyNode)) {
            String text = errors.string(policyNode, WireErrors.at(loc, "on_exhausted"));
            if (text != null) {
                policy = null;
                for (SequenceAction.Exhausted candidate : SequenceAction.Exhausted.values()) {
                    if (candidate.wire().equals(text)) {
                        policy = candidate;
                    }
                }
                if (policy == null) {
                    errors.add("enum", WireErrors.at(loc, "on_exhausted"), "Input should be 'repeat_last', 'cycle'"
                            + " or 'fail', found '" + text + "'");
                }
            }
        }
        JsonNode responsesNode = node.get("responses");
        List<Object> responsesLoc = WireErrors.at(loc, "responses");
        if (WireErrors.isAbsent(responsesNode)) {
            errors.add("missing", responsesLoc, "Field required");
            return null;
        }
        if (!responsesNode.isArray() || responsesNode.isEmpty()) {
            errors.add("too_short", responsesLoc, "responses must be a non-empty array of response objects");
            return null;
        }
        int before = errors.size();
        List<ResponseAction> responses = new ArrayList<>();
        for (int i = 0; i < responsesNode.size(); i++) {
            StubAction response = response(responsesNode.get(i), WireErrors.at(responsesLoc, i), errors);
            if (response instanceof ResponseAction r) {
                responses.add(r);
            }
        }
        if (errors.size() != before || policy == null) {
            return null;
        }
        return new SequenceAction(responses, policy);
    }

    private StubAction response(JsonNode node, List<Object> loc, WireErrors errors) {
        if (!errors.requireObject(node, loc)) {
            return null;
        }
        errors.rejectUnknown(node, loc, Set.of("status_code", "headers", "body", "template_body", "body_base64"));
        Integer status = null;
        JsonNode statusNode = node.get("status_code");
        if (WireErrors.isAbsent(statusNode)) {
            errors.add("missing", WireErrors.at(loc, "status_code"), "Field required");
        } else {
            Long value = errors.integer(statusNode, WireErrors.at(loc, "status_code"));
            if (value != null && (value < 200 || value > 599)) {
                errors.add("status_range", WireErrors.at(loc, "status_code"), "status_code must be between 200"
                        + " and 599 (a 1xx status cannot end a response), found " + value);
            } else if (value != null) {
                status = value.intValue();
            }
        }
        List<HeaderValue> headers = responseHeaders(node.get("headers"), WireErrors.at(loc, "headers"), errors);
        JsonNode body = node.get("body");
        JsonNode template = node.get("template_body");
        ResponseBody responseBody = null;
        JsonNode base64 = node.get("body_base64");
        if (!WireErrors.isAbsent(base64)) {
            if (!WireErrors.isAbsent(body) || !WireErrors.isAbsent(template)) {
                errors.add("value_error", loc, "Value error, " + BODY_XOR_TEMPLATE_OR_BASE64);
            } else {
                String encoded = errors.string(base64, WireErrors.at(loc, "body_base64"));
                if (encoded != null) {
                    try {
                        responseBody = new ResponseBody.Bytes(java.util.Base64.getDecoder().decode(encoded));
                    } catch (IllegalArgumentException e) {
                        errors.add("base64", WireErrors.at(loc, "body_base64"), "body_base64 is not valid base64: "
                                + e.getMessage());
                    }
                }
            }
        } else if (WireErrors.isAbsent(body) == WireErrors.isAbsent(template)) {
            errors.add("value_error", loc, "Value error, " + BODY_XOR_TEMPLATE);
        } else if (!WireErrors.isAbsent(template)) {
            String source = errors.string(template, WireErrors.at(loc, "template_body"));
            if (source != null) {
                String problem = templateSyntaxError.apply(source);
                if (problem != null) {
                    errors.add("template_syntax", WireErrors.at(loc, "template_body"), "invalid template: "
                            + problem);
                } else {
                    responseBody = new ResponseBody.Template(source);
                }
            }
        } else if (body.isTextual()) {
            responseBody = new ResponseBody.Text(body.textValue());
        } else {
            responseBody = new ResponseBody.Json(JsonCodec.toPlain(body));
        }
        if (status == null || headers == null || responseBody == null) {
            return null;
        }
        return new ResponseAction(status, headers, responseBody);
    }

    private static List<HeaderValue> responseHeaders(JsonNode node, List<Object> loc, WireErrors errors) {
        if (!errors.requireObject(node, loc)) {
            return null;
        }
        List<HeaderValue> headers = new ArrayList<>();
        int before = errors.size();
        node.fields().forEachRemaining(field -> {
            List<Object> here = WireErrors.at(loc, field.getKey());
            JsonNode value = field.getValue();
            if (!validHeaderName(field.getKey())) {
                errors.add("header_name", here, "'" + field.getKey() + "' is not a valid header name");
            } else if (value.isTextual()) {
                checkHeaderValue(value.textValue(), here, errors);
                headers.add(new HeaderValue(field.getKey(), List.of(value.textValue())));
            } else if (value.isNumber() || value.isBoolean()) {
                headers.add(new HeaderValue(field.getKey(), List.of(value.asText())));
            } else if (value.isArray() && value.size() > 0) {
                List<String> values = new ArrayList<>();
                for (int i = 0; i < value.size(); i++) {
                    String item = errors.string(value.get(i), WireErrors.at(here, i));
                    if (item != null) {
                        checkHeaderValue(item, WireErrors.at(here, i), errors);
                        values.add(item);
                    }
                }
                headers.add(new HeaderValue(field.getKey(), values));
            } else {
                errors.add("string_type", here, "a header value must be a string or a non-empty array of strings,"
                        + " found " + WireErrors.kind(value));
            }
        });
        return errors.size() == before ? headers : null;
    }

    private static boolean validHeaderName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= ' ' || c >= 127 || "()<>@,;:\\\"/[]?={}".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    private static void checkHeaderValue(String value, List<Object> loc, WireErrors errors) {
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            errors.add("header_value", loc, "a header value must not contain line breaks");
        }
    }

    private static StubAction proxy(JsonNode node, List<Object> loc, WireErrors errors) {
        if (!errors.requireObject(node, loc)) {
            return null;
        }
        errors.rejectUnknown(node, loc, Set.of("url", "headers", "timeout"));
        URI url = null;
        JsonNode urlNode = node.get("url");
        if (WireErrors.isAbsent(urlNode)) {
            errors.add("missing", WireErrors.at(loc, "url"), "Field required");
        } else {
            String text = errors.string(urlNode, WireErrors.at(loc, "url"));
            if (text != null) {
                try {
                    url = new URI(text);
                    if (url.getScheme() == null || !(url.getScheme().equalsIgnoreCase("http")
                            || url.getScheme().equalsIgnoreCase("https")) || url.getHost() == null) {
                        errors.add("url_scheme", WireErrors.at(loc, "url"), "the proxy url must be an absolute"
                                + " http or https URL, found '" + text + "'");
                        url = null;
                    }
                } catch (URISyntaxException e) {
                    errors.add("url_parsing", WireErrors.at(loc, "url"), "invalid URL '" + text + "': "
                            + e.getReason());
                }
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        JsonNode headersNode = node.get("headers");
        if (!WireErrors.isAbsent(headersNode)) {
            if (errors.requireObject(headersNode, WireErrors.at(loc, "headers"))) {
                headersNode.fields().forEachRemaining(f -> {
                    String value = errors.string(f.getValue(), WireErrors.at(loc, "headers", f.getKey()));
                    if (value != null) {
                        headers.put(f.getKey(), value);
                    }
                });
            }
        }
        long timeout = 5;
        JsonNode timeoutNode = node.get("timeout");
        if (!WireErrors.isAbsent(timeoutNode)) {
            Long value = errors.integer(timeoutNode, WireErrors.at(loc, "timeout"));
            if (value != null && value <= 0) {
                errors.add("greater_than", WireErrors.at(loc, "timeout"), "timeout must be at least 1 second");
            } else if (value != null) {
                timeout = value;
            }
        }
        return url == null ? null : new ProxyAction(url, headers, Duration.ofSeconds(timeout));
    }

    private StubAction sse(JsonNode node, List<Object> loc, WireErrors errors) {
        if (!errors.requireObject(node, loc)) {
            return null;
        }
        errors.rejectUnknown(node, loc, Set.of("events", "default_delay_ms"));
        long defaultDelay = 0;
        JsonNode delayNode = node.get("default_delay_ms");
        if (!WireErrors.isAbsent(delayNode)) {
            Long value = errors.nonNegative(delayNode, WireErrors.at(loc, "default_delay_ms"));
            defaultDelay = value == null ? 0 : value;
        }
        JsonNode eventsNode = node.get("events");
        List<Object> eventsLoc = WireErrors.at(loc, "events");
        if (WireErrors.isAbsent(eventsNode)) {
            errors.add("missing", eventsLoc, "Field required");
            return null;
        }
        if (!eventsNode.isArray() || eventsNode.isEmpty()) {
            errors.add("too_short", eventsLoc, "events must be a non-empty array");
            return null;
        }
        List<SseEvent> events = new ArrayList<>();
        int before = errors.size();
        for (int i = 0; i < eventsNode.size(); i++) {
            SseEvent event = event(eventsNode.get(i), WireErrors.at(eventsLoc, i), errors);
            if (event != null) {
                events.add(event);
            }
        }
        return errors.size() == before ? new SseAction(events, Duration.ofMillis(defaultDelay)) : null;
    }

    private SseEvent event(JsonNode node, List<Object> loc, WireErrors errors) {
        if (!errors.requireObject(node, loc)) {
            return null;
        }
        errors.rejectUnknown(node, loc, Set.of("data", "event", "id", "retry", "delay_ms", "comment"));
        int before = errors.size();
        String data = null;
        if (WireErrors.isAbsent(node.get("data"))) {
            errors.add("missing", WireErrors.at(loc, "data"), "Field required");
        } else {
            data = template(node.get("data"), WireErrors.at(loc, "data"), errors);
        }
        String event = optionalLine(node.get("event"), WireErrors.at(loc, "event"), errors);
        String id = optionalLine(node.get("id"), WireErrors.at(loc, "id"), errors);
        String comment = WireErrors.isAbsent(node.get("comment")) ? null
                : errors.string(node.get("comment"), WireErrors.at(loc, "comment"));
        Integer retry = null;
        if (!WireErrors.isAbsent(node.get("retry"))) {
            Long value = errors.nonNegative(node.get("retry"), WireErrors.at(loc, "retry"));
            retry = value == null ? null : (int) Math.min(Integer.MAX_VALUE, value);
        }
        Duration delay = null;
        if (!WireErrors.isAbsent(node.get("delay_ms"))) {
            Long value = errors.nonNegative(node.get("delay_ms"), WireErrors.at(loc, "delay_ms"));
            delay = value == null ? null : Duration.ofMillis(value);
        }
        if (errors.size() != before) {
            return null;
        }
        return new SseEvent(data, event, id, retry, delay, comment);
    }

    private String optionalLine(JsonNode node, List<Object> loc, WireErrors errors) {
        if (WireErrors.isAbsent(node)) {
            return null;
        }
        String value = template(node, loc, errors);
        if (value != null && SseEvent.hasLineBreak(value)) {
            errors.add("sse_line_break", loc, "an SSE " + loc.get(loc.size() - 1) + " must not contain line"
                    + " breaks (they would corrupt the stream)");
            return null;
        }
        return value;
    }

    private String template(JsonNode node, List<Object> loc, WireErrors errors) {
        String source = errors.string(node, loc);
        if (source == null) {
            return null;
        }
        String problem = templateSyntaxError.apply(source);
        if (problem != null) {
            errors.add("template_syntax", loc, "invalid template: " + problem);
            return null;
        }
        return source;
    }
}
