package dev.scopemock.engine.internal.respond;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Response;

/**
 * A canned response whose status, headers and body bytes were prepared at registration: the header fields are held
 * as an array, {@code Content-Type} (when plain ASCII) and {@code Content-Length} pre-encoded, so answering copies
 * prepared fields and wraps the body without formatting anything.
 */
public final class StaticResponder implements Responder {

    private final int status;
    private final HttpFields headers;
    private final HttpField[] fields;
    private final HttpField contentLength;
    private final byte[] body;

    public StaticResponder(int status, HttpFields headers, byte[] body) {
        this.status = status;
        this.headers = headers;
        this.body = body;
        this.fields = prepare(headers);
        this.contentLength = new PreEncodedHttpField(HttpHeader.CONTENT_LENGTH, body.length);
    }

    @Override
    public void respond(Exchange exchange, boolean drop) {
        if (drop) {
            ResponseWriter.send(exchange.response(), exchange.callback(), status, headers, body, true);
            return;
        }
        // What ResponseWriter.send does for a complete answer, with the fields prepared.
        Response response = exchange.response();
        response.setStatus(status);
        HttpFields.Mutable out = response.getHeaders();
        for (HttpField field : fields) {
            out.add(field);
        }
        out.put(contentLength);
        response.write(true, ByteBuffer.wrap(body), exchange.callback());
    }

    /** The fields ResponseWriter.send would copy (all but Content-Length), a plain-ASCII Content-Type pre-encoded. */
    private static HttpField[] prepare(HttpFields headers) {
        java.util.List<HttpField> kept = new java.util.ArrayList<>(headers.size());
        for (HttpField field : headers) {
            if (field.getHeader() == HttpHeader.CONTENT_LENGTH) {
                continue;
            }
            if (field.getHeader() == HttpHeader.CONTENT_TYPE
                    && field.getName().equals(HttpHeader.CONTENT_TYPE.asString()) && visibleAscii(field.getValue())) {
                kept.add(new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, field.getValue()));
            } else {
                kept.add(field);
            }
        }
        return kept.toArray(new HttpField[0]);
    }

    /** Text the HTTP/1 generator would write unchanged (no control characters, nothing outside ASCII). */
    private static boolean visibleAscii(String value) {
        if (value == null) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }
}
