package dev.scopemock.engine.internal.respond;

import dev.scopemock.engine.model.ProxyAction;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.CompletableResponseListener;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;

/**
 * Forwards the request to the stub's URL: the target's own query is kept and the incoming one appended; the
 * target's own Host is sent; hop-by-hop headers are dropped; stub headers replace forwarded ones of the same
 * name; bodies and their encoding are relayed untouched. An upstream failure answers {@code 502} with a JSON
 * error naming the target.
 */
public final class ProxyResponder implements Responder {

    private static final int MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

    /** Headers that belong to one connection, never forwarded. */
    static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "host",
            "content-length", "expect");

    private final ProxyAction action;
    private final long timeoutMillis;

    public ProxyResponder(ProxyAction action) {
        this.action = action;
        this.timeoutMillis = timeoutMillis(action);
    }

    @Override
    public void respond(Exchange exchange, boolean drop) {
        String target = targetUrl(action.url().toString(), exchange.recorded().rawQuery());
        var upstream = exchange.runtime().httpClient().newRequest(target)
                .method(exchange.recorded().method())
                .followRedirects(false)
                .timeout(timeoutMillis, TimeUnit.MILLISECONDS);
        Set<String> nominated = connectionNominated(exchange.recorded().headers().get("connection"));
        upstream.headers(headers -> {
            headers.clear();
            for (Map.Entry<String, List<String>> header : exchange.recorded().headers().entrySet()) {
                if (HOP_BY_HOP.contains(header.getKey()) || nominated.contains(header.getKey())
                        || overridden(header.getKey())) {
                    continue;
                }
                for (String value : header.getValue()) {
                    headers.add(header.getKey(), value);
                }
            }
            action.headers().forEach(headers::put);
        });
        byte[] body = exchange.recorded().body();
        if (body.length > 0) {
            String contentType = exchange.recorded().header("content-type");
            upstream.body(new BytesRequestContent(contentType, body));
        }
        new CompletableResponseListener(upstream, MAX_RESPONSE_BYTES).send().whenComplete((response, failure) -> {
            if (failure != null) {
                ResponseWriter.sendError(exchange.response(), exchange.callback(), 502, "PROXY_ERROR",
                        "the proxy target " + action.url() + " failed: " + failure);
                return;
            }
            relay(exchange, response, drop);
        });
    }

    /** The timeout in milliseconds, saturated: a timeout of billions of years means "no practical limit". */
    private static long timeoutMillis(ProxyAction action) {
        try {
            return action.timeout().toMillis();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }

    private boolean overridden(String name) {
        for (String own : action.headers().keySet()) {
            if (own.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /** The header names a {@code Connection} header lists: hop-by-hop as well (RFC 9110 §7.6.1). */
    static Set<String> connectionNominated(List<String> connectionValues) {
        if (connectionValues == null || connectionValues.isEmpty()) {
            return Set.of();
        }
        Set<String> names = new HashSet<>();
        for (String value : connectionValues) {
            for (String token : value.split(",")) {
                String name = token.trim().toLowerCase(Locale.ROOT);
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    private static void relay(Exchange exchange, ContentResponse response, boolean drop) {
        Set<String> nominated = connectionNominated(response.getHeaders().getValuesList(HttpHeader.CONNECTION));
        HttpFields.Mutable headers = HttpFields.build();
        for (HttpField field : response.getHeaders()) {
            String name = field.getName().toLowerCase(Locale.ROOT);
            if (!HOP_BY_HOP.contains(name) && !nominated.contains(name) && field.getHeader() != HttpHeader.DATE
                    && field.getHeader() != HttpHeader.SERVER) {
                headers.add(field);
            }
        }
        if (!headers.contains(HttpHeader.CONTENT_TYPE)) {
            headers.put(HttpHeader.CONTENT_TYPE, "application/octet-stream");
        }
        String upstreamLength = response.getHeaders().get(HttpHeader.CONTENT_LENGTH);
        if (!drop && upstreamLength != null && "HEAD".equalsIgnoreCase(exchange.recorded().method())) {
            ResponseWriter.sendHead(exchange.response(), exchange.callback(), response.getStatus(), headers,
                    upstreamLength);
            return;
        }
        ResponseWriter.send(exchange.response(), exchange.callback(), response.getStatus(), headers,
                response.getContent(), drop);
    }

    static String targetUrl(String url, String incomingQuery) {
        if (incomingQuery == null || incomingQuery.isEmpty()) {
            return url;
        }
        int fragment = url.indexOf('#');
        String base = fragment < 0 ? url : url.substring(0, fragment);
        return base + (base.indexOf('?') < 0 ? "?" : "&") + incomingQuery;
    }
}
