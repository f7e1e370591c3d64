package dev.scopemock.engine.internal.jetty;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.scopemock.engine.AmbiguousScopeException;
import dev.scopemock.engine.InvalidPayloadException;
import dev.scopemock.engine.PayloadError;
import dev.scopemock.engine.ScopeExistsException;
import dev.scopemock.engine.ScopeNotFoundException;
import dev.scopemock.engine.StubNotFoundException;
import dev.scopemock.engine.criteria.CriterionException;
import dev.scopemock.engine.internal.core.EngineCore;
import dev.scopemock.engine.internal.chaos.ScopeChaos;
import dev.scopemock.engine.internal.json.AssertionPayloadReader;
import dev.scopemock.engine.internal.json.ScopeChaosReader;
import dev.scopemock.engine.internal.json.JsonCodec;
import dev.scopemock.engine.internal.json.StubPayloadReader;
import dev.scopemock.engine.internal.json.WireViews;
import dev.scopemock.engine.internal.match.RegisteredStub;
import dev.scopemock.engine.internal.respond.ResponseWriter;
import dev.scopemock.engine.internal.scope.ScopeState;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.URIUtil;

/**
 * The {@code /__mock__} control API of PROTOCOL.md §3 and §16: it translates JSON to the engine's model and back.
 * Bad input answers 4xx with a JSON body naming the field and the rule; nothing here answers 500.
 */
final class ControlApi {

    static final String PREFIX = "/__mock__";
    static final String DEDICATED_PORT = "dedicated_port";
    static final String CHAOS_SUFFIX = "/chaos";

    private static final List<String> ENDPOINTS = List.of("/__mock__/scopes", "/__mock__/scopes (GET list)",
            "/__mock__/stubs", "/__mock__/stubs/{stub_id}", "/__mock__/assert", "/__mock__/requests",
            "/__mock__/reset");

    private final EngineCore core;
    private final ScopeConnectors scopes;
    private final StubPayloadReader stubs;
    private final TlsControl tls;

    ControlApi(EngineCore core, ScopeConnectors scopes, StubPayloadReader stubs, TlsControl tls) {
        this.core = core;
        this.scopes = scopes;
        this.stubs = stubs;
        this.tls = tls;
    }

    /**
     * Whether this method and path is a control route; anything else is mock traffic.
     *
     * @param path the decoded path
     * @param rawPath the path as sent, so that {@code DELETE /__mock__/stubs/a%2Fb} deletes the stub {@code a/b}
     */
    static boolean routes(String method, String path, String rawPath) {
        if (!path.startsWith(PREFIX)) {
            return false;
        }
        if (path.equals(PREFIX) || TlsControl.routes(method, path)) {
            return true;
        }
        switch (path) {
            case "/__mock__/scopes", "/__mock__/stubs" -> {
                return method.equals("POST") || method.equals("GET");
            }
            case "/__mock__/requests" -> {
                return method.equals("GET");
            }
            case "/__mock__/assert", "/__mock__/reset" -> {
                return method.equals("POST");
            }
            default -> {
                return (method.equals("DELETE") && (isNamedResource(path, rawPath, "/__mock__/scopes/")
                        || isNamedResource(path, rawPath, "/__mock__/stubs/")))
                        || (method.equals("PUT") && isNamedResource(path, rawPath, "/__mock__/stubs/"))
                        || (method.equals("PUT") && path.endsWith(CHAOS_SUFFIX) && rawPath != null
                        && isNamedResource(path.substring(0, path.length() - CHAOS_SUFFIX.length()),
                        rawPath.substring(0, rawPath.length() - CHAOS_SUFFIX.length()), "/__mock__/scopes/"));
            }
        }
    }

    /**
     * Whether the path is {@code prefix} plus exactly one non-empty raw segment; that segment may hold an encoded
     * {@code /} ({@code %2F}), which the decoded path cannot tell from a separator.
     */
    private static boolean isNamedResource(String path, String rawPath, String prefix) {
        if (!path.startsWith(prefix) || path.length() == prefix.length() || rawPath == null) {
            return false;
        }
        String segment = rawPath.substring(rawPath.lastIndexOf('/') + 1);
        int parameters = segment.indexOf(';');
        if (parameters >= 0) {
            segment = segment.substring(0, parameters);
        }
        try {
            return !segment.isEmpty() && path.equals(prefix + URIUtil.decodePath(segment));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    /**
     * @param path the decoded path (a path prefix stripped)
     * @param implied the scope the way in implies (dedicated port, path prefix): the call acts as if that scope's
     *                header were its only scope header; null to resolve the scope from the headers
     */
    void handle(Request request, Response response, Callback callback, byte[] body, String path,
                ScopeState implied) {
        String method = request.getMethod();
        try {
            if (path.equals(PREFIX)) {
                welcome(response, callback);
            } else if (TlsControl.routes(method, path)) {
                tls.handle(request, response, callback, body, path);
            } else if (path.equals("/__mock__/scopes")) {
                if (method.equals("POST")) {
                    createScope(request, response, callback, body);
                } else {
                    listScopes(response, callback);
                }
            } else if (path.equals("/__mock__/stubs")) {
                if (method.equals("POST")) {
                    createStub(request, response, callback, body, implied);
                } else {
                    listStubs(request, response, callback, implied);
                }
            } else if (path.equals("/__mock__/requests")) {
                listRequests(request, response, callback, implied);
            } else if (path.equals("/__mock__/assert")) {
                verify(request, response, callback, body, implied);
            } else if (path.equals("/__mock__/reset")) {
                core.reset();
                ResponseWriter.sendJson(response, callback, 200, Map.of("success", true));
            } else if (method.equals("PUT") && path.startsWith("/__mock__/scopes/")) {
                configureChaos(request, path.substring("/__mock__/scopes/".length(),
                        path.length() - CHAOS_SUFFIX.length()), response, callback, body);
            } else if (path.startsWith("/__mock__/scopes/")) {
                deleteScope(path.substring("/__mock__/scopes/".length()), response, callback);
            } else if (method.equals("PUT")) {
                replaceStub(request, path.substring("/__mock__/stubs/".length()), response, callback, body, implied);
            } else {
                deleteStub(request, path.substring("/__mock__/stubs/".length()), response, callback, implied);
            }
        } catch (InvalidPayloadException invalid) {
            sendValidation(response, callback, 422, invalid.errors());
        } catch (AmbiguousScopeException ambiguous) {
            detail(response, callback, 400, ambiguous.getMessage());
        } catch (ScopeExistsException exists) {
            detail(response, callback, 409, exists.getMessage());
        } catch (ScopeNotFoundException | StubNotFoundException notFound) {
            detail(response, callback, 404, notFound.getMessage());
        } catch (MalformedJson malformed) {
            sendValidation(response, callback, 400, List.of(malformed.error));
        } catch (ScopeConnectors.PortUnavailableException unavailable) {
            detail(response, callback, 503, unavailable.getMessage());
        }
    }

    private void welcome(Response response, Callback callback) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", "Welcome to the Assertive Mock API Server!");
        body.put("available_endpoints", ENDPOINTS);
        tls.describe(body);
        ResponseWriter.sendJson(response, callback, 200, body);
    }

    /** {@code PUT /__mock__/scopes/{name}/chaos}: the scope's default chaos and seed (replacing the previous). */
    private void configureChaos(Request request, String name, Response response, Callback callback, byte[] body) {
        JsonNode root = parseObject(request, body);
        ScopeState scope = core.scopes().find(name);
        if (scope == null) {
            throw new ScopeNotFoundException("Scope '" + name + "' was not found");
        }
        ScopeChaos chaos = ScopeChaosReader.read(root, List.of("body"), scope.chaos().random());
        scope.setChaos(chaos);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("success", true);
        answer.put("name", name);
        answer.put("chaos_seed", chaos.random().seed());
        ResponseWriter.sendJson(response, callback, 200, answer);
    }

    private void createScope(Request request, Response response, Callback callback, byte[] body) {
        JsonNode root = parseObject(request, body);
        JsonNode name = root.get("name");
        List<Object> loc = List.of("body", "name");
        if (name == null || name.isNull()) {
            throw invalid("missing", loc, "Field required");
        }
        if (!name.isTextual()) {
            throw invalid("string_type", loc, "Input should be a valid string");
        }
        JsonNode dedicatedPort = root.get(DEDICATED_PORT);
        if (dedicatedPort != null && !dedicatedPort.isNull() && !dedicatedPort.isBoolean()) {
            throw invalid("bool_type", List.of("body", DEDICATED_PORT), "Input should be a valid boolean:"
                    + " dedicated_port must be true or false, found " + dedicatedPort);
        }
        List<String> unknown = new ArrayList<>();
        root.fieldNames().forEachRemaining(n -> {
            if (!n.equals("name") && !n.equals(DEDICATED_PORT) && !n.equals("chaos")) {
                unknown.add(n);
            }
        });
        if (!unknown.isEmpty()) {
            throw invalid("extra_forbidden", List.of("body", unknown.get(0)), "Extra inputs are not permitted:"
                    + " unknown field '" + unknown.get(0) + "'; allowed fields are [name, dedicated_port, chaos]");
        }
        ScopeChaos chaos = root.get("chaos") == null || root.get("chaos").isNull() ? null
                : ScopeChaosReader.read(root.get("chaos"), List.of("body", "chaos"), null);
        ScopeState created = scopes.create(name.textValue(), dedicatedPort != null && dedicatedPort.asBoolean());
        if (chaos != null) {
            created.setChaos(chaos);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("success", true);
        answer.put("name", created.name());
        if (chaos != null) {
            answer.put("chaos_seed", chaos.random().seed());
        }
        if (created.dedicatedPort() != 0) {
            answer.put("port", created.dedicatedPort());
        }
        ResponseWriter.sendJson(response, callback, 201, answer);
    }

    /** {@code scopes}: the names, as the protocol has it; {@code details}: name and dedicated port (or null). */
    private void listScopes(Response response, Callback callback) {
        List<String> names = new ArrayList<>();
        List<Object> details = new ArrayList<>();
        for (ScopeState scope : core.scopes().list()) {
            names.add(scope.name());
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("name", scope.name());
            detail.put("port", scope.dedicatedPort() == 0 ? null : scope.dedicatedPort());
            details.add(detail);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("scopes", names);
        answer.put("details", details);
        ResponseWriter.sendJson(response, callback, 200, answer);
    }

    private void deleteScope(String name, Response response, Callback callback) {
        String deleted = core.deleteScope(name);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("success", true);
        answer.put("name", deleted);
        ResponseWriter.sendJson(response, callback, 200, answer);
    }

    private void createStub(Request request, Response response, Callback callback, byte[] body,
                            ScopeState implied) {
        JsonNode root = parseObject(request, body);
        var definition = stubs.read(root, List.of("body"));
        ScopeState scope = resolve(request, implied);
        List<Object> idLoc = List.of("body", root.hasNonNull("stub_id") ? "stub_id" : "id");
        RegisteredStub stub = core.addStub(scope == null ? core.scopes().global() : scope, definition, idLoc);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("success", true);
        answer.put("stub_id", stub.id());
        ResponseWriter.sendJson(response, callback, 200, answer);
    }

    private void listStubs(Request request, Response response, Callback callback, ScopeState implied) {
        List<RegisteredStub> visible = wantsAll(request) ? core.allStubs()
                : core.visibleStubs(resolve(request, implied));
        List<Object> views = new ArrayList<>(visible.size());
        visible.forEach(s -> views.add(WireViews.stub(s)));
        ResponseWriter.sendJson(response, callback, 200, Map.of("stubs", views));
    }

    /** {@code PUT /__mock__/stubs/{id}}: replaces the stub atomically, keeping its id and scope (a Scopemock addition). */
    private void replaceStub(Request request, String id, Response response, Callback callback, byte[] body,
                             ScopeState implied) {
        JsonNode root = parseObject(request, body);
        var definition = stubs.read(root, List.of("body"));
        resolve(request, implied);
        core.replaceStub(id, definition);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("success", true);
        answer.put("stub_id", id);
        ResponseWriter.sendJson(response, callback, 200, answer);
    }

    private void deleteStub(Request request, String id, Response response, Callback callback, ScopeState implied) {
        resolve(request, implied);
        core.deleteStub(id);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("success", true);
        answer.put("stub_id", id);
        ResponseWriter.sendJson(response, callback, 200, answer);
    }

    private void listRequests(Request request, Response response, Callback callback, ScopeState implied) {
        boolean all = wantsAll(request);
        ScopeState scope = all ? null : resolve(request, implied);
        Map<String, List<String>> query = queryOf(request);
        long after = nonNegative(query, "after", Long.MAX_VALUE);
        long waitMillis = nonNegative(query, "wait_ms", RequestsWait.MAX_WAIT_MS);
        new RequestsWait(core, scope, all, after).answer(request, response, callback, waitMillis);
    }

    /** A whole number in [0, max] from the query, 0 when absent; otherwise a 422 naming the parameter. */
    private static long nonNegative(Map<String, List<String>> query, String name, long max) {
        List<String> values = query.get(name);
        if (values == null) {
            return 0;
        }
        String text = values.get(values.size() - 1);
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException notNumber) {
            value = -1;
        }
        if (value < 0 || value > max) {
            throw invalid("int_parsing", List.of("query", name), "Input should be a whole number from 0 to "
                    + max + ", found '" + text + "'");
        }
        return value;
    }

    private static Map<String, List<String>> queryOf(Request request) {
        String query = request.getHttpURI().getQuery();
        return query == null ? Map.of() : RequestReader.query(query);
    }

    private void verify(Request request, Response response, Callback callback, byte[] body, ScopeState implied) {
        JsonNode root = parseObject(request, body);
        AssertionPayloadReader.Assertion assertion = AssertionPayloadReader.read(root);
        ScopeState scope = resolve(request, implied);
        boolean result;
        try {
            result = core.verify(scope, assertion.matcher(), assertion.times());
        } catch (CriterionException notEvaluable) {
            result = false;
        }
        ResponseWriter.sendJson(response, callback, 200, Map.of("result", result));
    }

    private ScopeState resolve(Request request, ScopeState implied) {
        return implied != null ? implied : core.scopes().resolve(TrafficHandler.headerNames(request));
    }

    private static boolean wantsAll(Request request) {
        String query = request.getHttpURI().getQuery();
        if (query == null) {
            return false;
        }
        List<String> all = RequestReader.query(query).get("all");
        return all != null && all.contains("true");
    }

    static JsonNode parseObject(Request request, byte[] body) {
        String contentType = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (contentType != null && !isJson(contentType)) {
            throw invalid("model_attributes_type", List.of("body"), "the control API takes JSON: send"
                    + " Content-Type: application/json, found '" + contentType + "'");
        }
        if (body.length == 0) {
            throw invalid("missing", List.of("body"), "Field required: the request body must be a JSON object");
        }
        JsonNode root;
        try {
            root = JsonCodec.parseTree(body);
        } catch (JsonProcessingException e) {
            long offset = errorOffset(e);
            throw new MalformedJson(new PayloadError("json_invalid", List.of("body", offset),
                    "JSON decode error: " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new MalformedJson(new PayloadError("json_invalid", List.of("body", 0), "JSON decode error: "
                    + e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            throw invalid("model_attributes_type", List.of("body"), "Input should be a valid dictionary or object"
                    + " to extract fields from");
        }
        return root;
    }

    /** The offset of a JSON syntax error from the start of the body (not from the start of its line). */
    private static long errorOffset(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        if (location == null) {
            return 0;
        }
        long offset = location.getCharOffset() >= 0 ? location.getCharOffset() : location.getByteOffset();
        return Math.max(0, offset);
    }

    private static boolean isJson(String contentType) {
        String media = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return media.equals("application/json") || (media.startsWith("application/") && media.endsWith("+json"));
    }

    static InvalidPayloadException invalid(String type, List<Object> loc, String msg) {
        return new InvalidPayloadException(List.of(new PayloadError(type, loc, msg)));
    }

    private static void detail(Response response, Callback callback, int status, String message) {
        ResponseWriter.sendJson(response, callback, status, Map.of("detail", message));
    }

    private static void sendValidation(Response response, Callback callback, int status, List<PayloadError> errors) {
        List<Object> entries = new ArrayList<>(errors.size());
        for (PayloadError error : errors) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("type", error.type());
            entry.put("loc", error.loc());
            entry.put("msg", error.msg());
            entries.add(entry);
        }
        ResponseWriter.sendJson(response, callback, status, Map.of("detail", entries));
    }

    /** Malformed JSON in a control body; answered 400. */
    private static final class MalformedJson extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient PayloadError error;

        MalformedJson(PayloadError error) {
            super(error.msg(), null, false, false);
            this.error = error;
        }
    }
}
