package dev.scopemock.engine.internal.json;

import dev.scopemock.engine.internal.match.RegisteredStub;
import dev.scopemock.engine.model.Chaos;
import dev.scopemock.engine.model.HeaderValue;
import dev.scopemock.engine.model.ProxyAction;
import dev.scopemock.engine.model.RecordedRequest;
import dev.scopemock.engine.model.RequestMatcher;
import dev.scopemock.engine.model.ResponseAction;
import dev.scopemock.engine.model.ResponseBody;
import dev.scopemock.engine.model.SequenceAction;
import dev.scopemock.engine.model.SseAction;
import dev.scopemock.engine.model.SseEvent;
import dev.scopemock.engine.model.StubDefinition;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON views the control API answers with: stubs (§3.6) and recorded requests (§8), plus our additions. */
public final class WireViews {

    private WireViews() {
    }

    public static Map<String, Object> stub(RegisteredStub stub) {
        StubDefinition definition = stub.definition();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("stub_id", stub.id());
        view.put("request", request(definition.request()));
        view.put("action", action(definition));
        view.put("scope", stub.scope());
        view.put("chaos", chaos(definition.chaos()));
        view.put("max_calls", definition.maxCalls());
        view.put("call_count", stub.callCount());
        return view;
    }

    private static Map<String, Object> request(RequestMatcher matcher) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("method", matcher.method() == null ? null : matcher.method().toWire());
        view.put("path", matcher.path() == null ? null : matcher.path().toWire());
        view.put("body", matcher.body() == null ? null : matcher.body().toWire());
        view.put("headers", matcher.headers() == null ? null : matcher.headers().toWire());
        view.put("host", matcher.host() == null ? null : matcher.host().toWire());
        view.put("query", matcher.query() == null ? null : matcher.query().toWire());
        return view;
    }

    private static Map<String, Object> action(StubDefinition definition) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("response", definition.action() instanceof ResponseAction r ? response(r) : null);
        view.put("proxy", definition.action() instanceof ProxyAction p ? proxy(p) : null);
        view.put("sse", definition.action() instanceof SseAction s ? sse(s) : null);
        if (definition.action() instanceof dev.scopemock.engine.model.CallbackAction callback) {
            view.put("callback", callback.description());
        }
        if (definition.action() instanceof SequenceAction sequence) {
            List<Object> responses = new ArrayList<>();
            for (ResponseAction response : sequence.responses()) {
                responses.add(response(response));
            }
            Map<String, Object> sequenceView = new LinkedHashMap<>();
            sequenceView.put("responses", responses);
            sequenceView.put("on_exhausted", sequence.onExhausted().wire());
            view.put("sequence", sequenceView);
        }
        return view;
    }

    private static Map<String, Object> response(ResponseAction action) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("status_code", action.status());
        Map<String, Object> headers = new LinkedHashMap<>();
        for (HeaderValue header : action.headers()) {
            headers.put(header.name(), header.values().size() == 1 ? header.values().get(0) : header.values());
        }
        view.put("headers", headers);
        ResponseBody body = action.body();
        Object bodyView = null;
        if (body instanceof ResponseBody.Text text) {
            bodyView = text.text();
        } else if (body instanceof ResponseBody.Json json) {
            bodyView = json.value();
        }
        view.put("body", bodyView);
        view.put("template_body", body instanceof ResponseBody.Template t ? t.source() : null);
        if (body instanceof ResponseBody.Bytes bytes) {
            view.put("body_base64", Base64.getEncoder().encodeToString(bytes.bytes()));
        }
        return view;
    }

    private static Map<String, Object> proxy(ProxyAction action) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("url", action.url().toString());
        view.put("headers", action.headers());
        view.put("timeout", action.timeout().toSeconds());
        return view;
    }

    private static Map<String, Object> sse(SseAction action) {
        List<Object> events = new ArrayList<>();
        for (SseEvent event : action.events()) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("data", event.data());
            view.put("event", event.event());
            view.put("id", event.id());
            view.put("retry", event.retry());
            view.put("delay_ms", event.delay() == null ? null : event.delay().toMillis());
            if (event.comment() != null) {
                view.put("comment", event.comment());
            }
            events.add(view);
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("events", events);
        view.put("default_delay_ms", action.defaultDelay().toMillis());
        return view;
    }

    private static Map<String, Object> chaos(Chaos chaos) {
        if (chaos == null) {
            return null;
        }
        Map<String, Object> latency = new LinkedHashMap<>();
        latency.put("base_ms", chaos.latencyBase().toMillis());
        latency.put("jitter_ms", chaos.latencyJitter().toMillis());
        Map<String, Object> faults = new LinkedHashMap<>();
        faults.put("connection_drop", chaos.dropProbability() == null ? null
                : Map.of("probability", chaos.dropProbability()));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("latency", latency);
        view.put("faults", faults);
        return view;
    }

    public static Map<String, Object> request(RecordedRequest request) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("method", request.method());
        view.put("path", request.path());
        view.put("query", request.singleQuery());
        view.put("headers", request.singleHeaders());
        String text = request.bodyText();
        view.put("body", text != null ? text : Base64.getEncoder().encodeToString(request.body()));
        view.put("host", request.host());
        view.put("scope", request.scope());
        view.put("matched_stub_id", request.matchedStubId());
        view.put("body_encoding", text != null ? "utf-8" : "base64");
        view.put("sequence", request.sequence());
        view.put("timestamp", request.timestamp().toString());
        view.put("raw_query", request.rawQuery());
        view.put("query_all", request.query());
        view.put("headers_all", request.headers());
        view.put("path_params", request.pathParams());
        view.put("protocol", request.protocol());
        return view;
    }
}
