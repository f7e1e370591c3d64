package dev.scopemock.engine.internal.respond;

import org.eclipse.jetty.http.HttpFields;

/** A canned response whose status, headers and body bytes were prepared at registration. */
public final class StaticResponder implements Responder {

    private final int status;
    private final HttpFields headers;
    private final byte[] body;

    public StaticResponder(int status, HttpFields headers, byte[] body) {
        this.status = status;
        this.headers = headers;
        this.body = body;
    }

    @Override
    public void respond(Exchange exchange, boolean drop) {
        ResponseWriter.send(exchange.response(), exchange.callback(), status, headers, body, drop);
    }
}
