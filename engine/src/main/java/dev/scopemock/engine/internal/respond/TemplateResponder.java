package dev.scopemock.engine.internal.respond;

import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;

/** Renders the stub's Jinja template per request; a render failure answers {@code 500 TEMPLATE_RENDER_ERROR}. */
public final class TemplateResponder implements Responder {

    private final int status;
    private final HttpFields headers;
    private final String source;

    public TemplateResponder(int status, HttpFields headers, String source) {
        this.status = status;
        this.headers = headers;
        this.source = source;
    }

    @Override
    public void respond(Exchange exchange, boolean drop) {
        String body;
        try {
            body = exchange.runtime().templates().render(source,
                    TemplateContext.of(exchange.recorded(), exchange.pathParams()));
        } catch (RuntimeException e) {
            ResponseWriter.sendError(exchange.response(), exchange.callback(), 500, "TEMPLATE_RENDER_ERROR",
                    String.valueOf(e.getMessage()));
            return;
        }
        ResponseWriter.send(exchange.response(), exchange.callback(), status, headers,
                body.getBytes(StandardCharsets.UTF_8), drop);
    }
}
