package dev.scopemock.engine.internal.respond;

import dev.scopemock.engine.internal.json.JsonCodec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Writes complete responses, JSON error bodies and the truncated-then-aborted responses of a connection drop. */
public final class ResponseWriter {

    private ResponseWriter() {
    }

    /**
     * Sends status, headers and body; with {@code drop}, sends the headers without a length, the first
     * {@code max(1, n/2)} body bytes as one chunk, and aborts the connection.
     */
    public static void send(Response response, Callback callback, int status, HttpFields headers, byte[] body,
                            boolean drop) {
        response.setStatus(status);
        HttpFields.Mutable out = response.getHeaders();
        for (HttpField field : headers) {
            if (field.getHeader() != HttpHeader.CONTENT_LENGTH) {
                out.add(field);
            }
        }
        if (drop) {
            int half = body.length == 0 ? 0 : Math.max(1, body.length / 2);
            response.write(false, ByteBuffer.wrap(body, 0, half), Callback.from(
                    () -> callback.failed(new ConnectionDroppedException()), callback::failed));
            return;
        }
        out.put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    /**
     * Answers a HEAD request without a body but with the {@code Content-Length} the representation has (a proxied
     * HEAD carries no body to measure, so the upstream's length is relayed).
     */
    public static void sendHead(Response response, Callback callback, int status, HttpFields headers,
                                String contentLength) {
        response.setStatus(status);
        HttpFields.Mutable out = response.getHeaders();
        for (HttpField field : headers) {
            if (field.getHeader() != HttpHeader.CONTENT_LENGTH) {
                out.add(field);
            }
        }
        out.put(HttpHeader.CONTENT_LENGTH, contentLength);
        response.write(true, null, callback);
    }

    /** Sends {@code {"error": code, "detail": detail}} as JSON. */
    public static void sendError(Response response, Callback callback, int status, String code, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("detail", detail);
        sendJson(response, callback, status, body);
    }

    /** Sends a JSON value with {@code application/json}. */
    public static void sendJson(Response response, Callback callback, int status, Object json) {
        byte[] bytes = JsonCodec.writeBytes(json);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, MimeTypes.Type.APPLICATION_JSON.asString());
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }

    /** Sends plain text with {@code text/plain; charset=utf-8}. */
    public static void sendText(Response response, Callback callback, int status, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }
}
