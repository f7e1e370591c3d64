package dev.scopemock.engine.internal.respond;

import dev.scopemock.engine.internal.json.JsonCodec;
import dev.scopemock.engine.model.CallbackAction;
import dev.scopemock.engine.model.HeaderValue;
import dev.scopemock.engine.model.ProxyAction;
import dev.scopemock.engine.model.ResponseAction;
import dev.scopemock.engine.model.ResponseBody;
import dev.scopemock.engine.model.SequenceAction;
import dev.scopemock.engine.model.SseAction;
import dev.scopemock.engine.model.StubAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;

/** Prepares a stub's responder at registration: body bytes serialised and headers encoded once. */
public final class ResponderFactory {

    private ResponderFactory() {
    }

    public static Responder prepare(StubAction action) {
        if (action instanceof ResponseAction response) {
            return prepareResponse(response);
        }
        if (action instanceof ProxyAction proxy) {
            return new ProxyResponder(proxy);
        }
        if (action instanceof CallbackAction callback) {
            return new CallbackResponder(callback);
        }
        if (action instanceof SequenceAction sequence) {
            List<Responder> responses = new ArrayList<>();
            for (ResponseAction response : sequence.responses()) {
                responses.add(prepareResponse(response));
            }
            return new SequenceResponder(responses, sequence.onExhausted());
        }
        return new SseResponder((SseAction) action);
    }

    private static Responder prepareResponse(ResponseAction action) {
        HttpFields.Mutable headers = HttpFields.build();
        for (HeaderValue header : action.headers()) {
            if (header.name().equalsIgnoreCase("content-length")) {
                continue;
            }
            for (String value : header.values()) {
                headers.add(header.name(), value);
            }
        }
        ResponseBody body = action.body();
        if (!headers.contains(HttpHeader.CONTENT_TYPE)) {
            String contentType = defaultContentType(body);
            if (contentType != null) {
                headers.put(HttpHeader.CONTENT_TYPE, contentType);
            }
        }
        HttpFields prepared = headers.asImmutable();
        if (body instanceof ResponseBody.Template template) {
            return new TemplateResponder(action.status(), prepared, template.source());
        }
        return new StaticResponder(action.status(), prepared, bytesOf(body));
    }

    static String defaultContentType(ResponseBody body) {
        if (body instanceof ResponseBody.Json) {
            return "application/json";
        }
        if (body instanceof ResponseBody.Bytes) {
            return "application/octet-stream";
        }
        return "text/plain; charset=utf-8";
    }

    static byte[] bytesOf(ResponseBody body) {
        if (body instanceof ResponseBody.Text text) {
            return text.text().getBytes(StandardCharsets.UTF_8);
        }
        if (body instanceof ResponseBody.Json json) {
            return JsonCodec.writeBytes(json.value());
        }
        if (body instanceof ResponseBody.Bytes bytes) {
            return bytes.bytes();
        }
        throw new IllegalArgumentException("a template body has no static bytes");
    }
}
