package dev.scopemock.junit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A response for a stub. Immutable: every refinement returns a new response. At most one kind of body: text,
 * JSON, bytes, a stream (read once, when the stub is registered) or a template — giving a second kind throws an
 * {@link IllegalArgumentException} naming both; giving the same kind again replaces it. No body means an empty
 * one. Explicit headers win over the Content-Type a body kind implies.
 *
 * <pre>{@code
 * mock.whenRequestedWith(get("/health")).respondWith(ok().withBody("up"));
 * mock.whenRequestedWith(post("/orders")).respondWith(status(201).withJson("{\"id\": 7}")
 *                                                                .withHeader("Location", "/orders/7"));
 * }</pre>
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class MockResponse {

    private enum Kind { TEXT, JSON, BYTES, STREAM, TEMPLATE }

    private final int status;
    private final List<Map.Entry<String, String>> headers;
    private final Kind kind;
    private final Object body;

    private MockResponse(int status, List<Map.Entry<String, String>> headers, Kind kind, Object body) {
        this.status = status;
        this.headers = headers;
        this.kind = kind;
        this.body = body;
    }

    /**
     * {@code 200} with an empty text body.
     *
     * @return the response
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public static MockResponse ok() {
        return status(200);
    }

    /**
     * A status with an empty text body.
     *
     * @param status 200 to 599
     * @return the response
     * @throws IllegalArgumentException for other statuses
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public static MockResponse status(int status) {
        if (status < 200 || status > 599) {
            throw new IllegalArgumentException("status must be between 200 and 599, found " + status);
        }
        return new MockResponse(status, List.of(), null, "");
    }

    /**
     * This response with a text body ({@code text/plain; charset=utf-8} unless a Content-Type header is set).
     *
     * @param text the body
     * @return a new response
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public MockResponse withBody(String text) {
        return withKind(Kind.TEXT, Objects.requireNonNull(text, "text"));
    }

    /**
     * This response with a JSON body, sent compact with {@code application/json}.
     *
     * @param json JSON text
     * @return a new response
     * @throws IllegalArgumentException when the text is not JSON
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public MockResponse withJson(String json) {
        return withKind(Kind.JSON, Criteria.parseJson(json));
    }

    /**
     * This response with a Jinja template body rendered per request ({@code request.path_params.id},
     * {@code request.query.q}, {@code request.body}, ...).
     *
     * @param template the template
     * @return a new response
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public MockResponse withTemplate(String template) {
        return withKind(Kind.TEMPLATE, Objects.requireNonNull(template, "template"));
    }

    /**
     * This response with a raw byte body ({@code application/octet-stream} unless a Content-Type header is set).
     *
     * @param bytes the body (copied)
     * @return a new response
     * @throws IllegalArgumentException when another kind of body was given
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2")
    public MockResponse withBytes(byte[] bytes) {
        return withKind(Kind.BYTES, Objects.requireNonNull(bytes, "bytes").clone());
    }

    /**
     * This response with a body read from a stream, now (the stream is read to its end and closed; the bytes are
     * sent like {@link #withBytes(byte[])}).
     *
     * @param stream the body
     * @return a new response
     * @throws IllegalArgumentException when another kind of body was given
     * @throws java.io.UncheckedIOException when the stream cannot be read
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2")
    public MockResponse withStream(java.io.InputStream stream) {
        Objects.requireNonNull(stream, "stream");
        requireKind(Kind.STREAM);
        try (stream) {
            return withKind(Kind.STREAM, stream.readAllBytes());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read the response body stream: " + e.getMessage(), e);
        }
    }

    private MockResponse withKind(Kind newKind, Object newBody) {
        requireKind(newKind);
        return new MockResponse(status, headers, newKind, newBody);
    }

    private void requireKind(Kind newKind) {
        if (kind != null && kind != newKind) {
            throw new IllegalArgumentException("a response has exactly one kind of body, but this one already has a "
                    + label(kind) + " body and was given a " + label(newKind) + " body. Fix: keep one of "
                    + method(kind) + " and " + method(newKind) + ".");
        }
    }

    private static String label(Kind kind) {
        return kind == Kind.JSON ? "JSON" : kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String method(Kind kind) {
        return switch (kind) {
            case TEXT -> "withBody(String)";
            case JSON -> "withJson(String)";
            case BYTES -> "withBytes(byte[])";
            case STREAM -> "withStream(InputStream)";
            case TEMPLATE -> "withTemplate(String)";
        };
    }

    /**
     * This response with one more header (a name given twice is sent twice).
     *
     * @param name the header name
     * @param value the value
     * @return a new response
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public MockResponse withHeader(String name, String value) {
        List<Map.Entry<String, String>> copy = new ArrayList<>(headers);
        copy.add(Map.entry(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value")));
        return new MockResponse(status, Collections.unmodifiableList(copy), kind, body);
    }

    /**
     * The status code.
     *
     * @return the status
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public int status() {
        return status;
    }

    /**
     * The wire form: the {@code response} object of a stub's action.
     *
     * @return an ordered JSON map
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public Map<String, Object> toWire() {
        Map<String, Object> wireHeaders = new LinkedHashMap<>();
        for (Map.Entry<String, String> header : headers) {
            Object previous = wireHeaders.get(header.getKey());
            if (previous == null) {
                wireHeaders.put(header.getKey(), header.getValue());
            } else {
                List<Object> values = new ArrayList<>();
                if (previous instanceof List<?> list) {
                    values.addAll(list);
                } else {
                    values.add(previous);
                }
                values.add(header.getValue());
                wireHeaders.put(header.getKey(), values);
            }
        }
        Map<String, Object> wire = new LinkedHashMap<>();
        wire.put("status_code", status);
        wire.put("headers", wireHeaders);
        if (kind == Kind.BYTES || kind == Kind.STREAM) {
            wire.put("body_base64", java.util.Base64.getEncoder().encodeToString((byte[]) body));
        } else {
            wire.put(kind == Kind.TEMPLATE ? "template_body" : "body", body);
        }
        return wire;
    }

    /** The engine's form of this response (for callbacks, which answer in process). */
    dev.scopemock.engine.model.ResponseAction toAction() {
        List<dev.scopemock.engine.model.HeaderValue> list = new ArrayList<>();
        Map<String, List<String>> grouped = new LinkedHashMap<>();
        for (Map.Entry<String, String> header : headers) {
            grouped.computeIfAbsent(header.getKey(), k -> new ArrayList<>()).add(header.getValue());
        }
        grouped.forEach((name, values) -> list.add(new dev.scopemock.engine.model.HeaderValue(name, values)));
        dev.scopemock.engine.model.ResponseBody engineBody;
        if (kind == Kind.BYTES || kind == Kind.STREAM) {
            engineBody = new dev.scopemock.engine.model.ResponseBody.Bytes((byte[]) body);
        } else if (kind == Kind.TEMPLATE) {
            engineBody = new dev.scopemock.engine.model.ResponseBody.Template((String) body);
        } else if (body instanceof String text) {
            engineBody = new dev.scopemock.engine.model.ResponseBody.Text(text);
        } else {
            engineBody = new dev.scopemock.engine.model.ResponseBody.Json(body);
        }
        return new dev.scopemock.engine.model.ResponseAction(status, list, engineBody);
    }

    @Override
    public String toString() {
        if (kind == Kind.BYTES || kind == Kind.STREAM) {
            return status + " " + label(kind) + " " + ((byte[]) body).length + " bytes";
        }
        return status + " " + (kind == null ? "text" : label(kind)) + " " + body;
    }
}
