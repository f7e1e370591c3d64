package dev.scopemock.junit;

import dev.scopemock.engine.criteria.Criterion;
import dev.scopemock.engine.criteria.JsonValues;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Which requests a stub answers or a verification counts. Immutable: every refinement returns a new matcher.
 *
 * <pre>{@code
 * mock.whenRequestedWith(post("/orders").withJson("{\"sku\": \"a-1\"}")).respondWith(status(201));
 * mock.confirmRequest(get("/orders/7").withHeader("Accept", "application/json"));   // true once it arrived
 * mock.confirmRequest(path("/search").withQuery("q", Criteria.ignoreCase("Book")), Times.once());
 * }</pre>
 *
 * <p>In a stub, a path may contain {@code {param}} segments; in a verification a path is compared exactly (use
 * {@link #path(Criterion)} with a criterion such as {@link Criteria#regex(String)} for patterns). Header names
 * and methods compare ignoring case.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class RequestMatcher {

    private final Object path;
    private final Object method;
    private final Map<String, Object> headers;
    private final Map<String, Object> query;
    private final Object body;
    private final Object host;

    private RequestMatcher(Object path, Object method, Map<String, Object> headers, Map<String, Object> query,
                           Object body, Object host) {
        this.path = path;
        this.method = method;
        this.headers = headers;
        this.query = query;
        this.body = body;
        this.host = host;
    }

    /**
     * Any request.
     *
     * @return a matcher without constraints
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public static RequestMatcher anyRequest() {
        return new RequestMatcher(null, null, Map.of(), Map.of(), null, null);
    }

    /**
     * Requests to a path, any method.
     *
     * @param path the path; {@code {param}} segments match any one segment in stubs
     * @return the matcher
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public static RequestMatcher path(String path) {
        return anyRequest().withPath(path);
    }

    /**
     * Requests whose path satisfies a criterion.
     *
     * @param path a criterion over the decoded path, e.g. {@code Criteria.regex("/orders/\\d+")}
     * @return the matcher
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public static RequestMatcher path(Criterion path) {
        return new RequestMatcher(Objects.requireNonNull(path, "path"), null, Map.of(), Map.of(), null, null);
    }

    /**
     * {@code GET} requests to a path.
     *
     * @param path the path
     * @return the matcher
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public static RequestMatcher get(String path) {
        return path(path).method("GET");
    }

    /**
     * {@code POST} requests to a path.
     *
     * @param path the path
     * @return the matcher
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public static RequestMatcher post(String path) {
        return path(path).method("POST");
    }

    /**
     * {@code PUT} requests to a path.
     *
     * @param path the path
     * @return the matcher
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public static RequestMatcher put(String path) {
        return path(path).method("PUT");
    }

    /**
     * {@code PATCH} requests to a path.
     *
     * @param path the path
     * @return the matcher
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public static RequestMatcher patch(String path) {
        return path(path).method("PATCH");
    }

    /**
     * {@code DELETE} requests to a path.
     *
     * @param path the path
     * @return the matcher
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public static RequestMatcher delete(String path) {
        return path(path).method("DELETE");
    }

    private RequestMatcher withPath(String newPath) {
        return new RequestMatcher(Objects.requireNonNull(newPath, "path"), method, headers, query, body, host);
    }

    /**
     * This matcher restricted to a method (compared ignoring case).
     *
     * @param newMethod the method, e.g. {@code "POST"}
     * @return a new matcher
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public RequestMatcher method(String newMethod) {
        if (Objects.requireNonNull(newMethod, "method").isBlank()) {
            throw new IllegalArgumentException("method must not be blank");
        }
        return new RequestMatcher(path, newMethod.toUpperCase(Locale.ROOT), headers, query, body, host);
    }

    /**
     * This matcher also requiring a header (other headers are allowed).
     *
     * @param name the header name (any case)
     * @param value the exact value, or a {@link Criterion} over it
     * @return a new matcher
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public RequestMatcher withHeader(String name, Object value) {
        return new RequestMatcher(path, method, plus(headers, name.toLowerCase(Locale.ROOT), value), query, body,
                host);
    }

    /**
     * This matcher also requiring a query parameter (other parameters are allowed).
     *
     * @param name the parameter name
     * @param value the exact decoded value, or a {@link Criterion} over it
     * @return a new matcher
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public RequestMatcher withQuery(String name, Object value) {
        return new RequestMatcher(path, method, headers, plus(query, name, value), body, host);
    }

    /**
     * This matcher also requiring the body: exact text, or a {@link Criterion} over the body text.
     *
     * @param expected the text or criterion
     * @return a new matcher
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public RequestMatcher withBody(Object expected) {
        if (!(expected instanceof String) && !(expected instanceof Criterion)) {
            throw new IllegalArgumentException("withBody takes a String or a Criterion; for JSON use withJson(..)");
        }
        return new RequestMatcher(path, method, headers, query, expected, host);
    }

    /**
     * This matcher also requiring a JSON body equal to the given JSON (key order and spacing do not matter).
     *
     * @param json JSON text
     * @return a new matcher
     * @throws IllegalArgumentException when the text is not JSON
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public RequestMatcher withJson(String json) {
        return new RequestMatcher(path, method, headers, query, Criteria.jsonEquals(json), host);
    }

    /**
     * This matcher also requiring a host (compared ignoring case, without port).
     *
     * @param expected the host, or a {@link Criterion}
     * @return a new matcher
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public RequestMatcher withHost(Object expected) {
        return new RequestMatcher(path, method, headers, query, body, expected);
    }

    /**
     * The wire form ({@code request} of a stub payload, or the fields of an assertion payload).
     *
     * @return an ordered JSON map
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public Map<String, Object> toWire() {
        Map<String, Object> wire = new LinkedHashMap<>();
        put(wire, "path", path);
        put(wire, "method", method);
        if (!headers.isEmpty()) {
            wire.put("headers", JsonValues.toWire(headers));
        }
        if (!query.isEmpty()) {
            wire.put("query", JsonValues.toWire(query));
        }
        put(wire, "body", body);
        put(wire, "host", host);
        return wire;
    }

    private static void put(Map<String, Object> wire, String key, Object value) {
        if (value != null) {
            wire.put(key, JsonValues.toWire(value));
        }
    }

    private static Map<String, Object> plus(Map<String, Object> map, String key, Object value) {
        Objects.requireNonNull(value, "value");
        Map<String, Object> copy = new LinkedHashMap<>(map);
        copy.put(key, value);
        return Collections.unmodifiableMap(copy);
    }

    /** Prints as {@code POST /orders} with its other constraints, the form used in failure messages. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        out.append(method == null ? "ANY" : method).append(' ');
        out.append(path == null ? "*" : path instanceof String s ? s : JsonValues.toJson(path));
        if (!query.isEmpty()) {
            out.append(" query ").append(JsonValues.toJson(query));
        }
        if (!headers.isEmpty()) {
            out.append(" headers ").append(JsonValues.toJson(headers));
        }
        if (body instanceof dev.scopemock.engine.criteria.Json json
                && json.innerCriteria() instanceof dev.scopemock.engine.criteria.Eq eq
                && !(eq.value() instanceof Criterion)) {
            out.append(" json ").append(JsonValues.toJson(eq.value()));
        } else if (body != null) {
            out.append(" body ").append(JsonValues.toJson(body));
        }
        if (host != null) {
            out.append(" host ").append(JsonValues.toJson(host));
        }
        return out.toString();
    }
}
