package dev.scopemock.engine.internal.jetty;

import dev.scopemock.engine.internal.core.EngineCore;
import dev.scopemock.engine.internal.json.StubPayloadReader;
import dev.scopemock.engine.internal.respond.ResponderRuntime;
import dev.scopemock.engine.internal.respond.ResponseWriter;
import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Promise;

/**
 * The root Jetty handler: reads the body without blocking, then routes control calls to {@link ControlApi} and
 * everything else to {@link TrafficHandler}. Methods outside the routed set answer 405. Any unexpected failure
 * answers a JSON 500 for that request only; the engine keeps running.
 */
public final class EngineHandler extends Handler.Abstract.NonBlocking {

    static final Set<String> ROUTED_METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD");
    private static final String ALLOW = "GET, POST, PUT, DELETE, PATCH, OPTIONS, HEAD";

    private final ControlApi control;
    private final TrafficHandler traffic;
    private final int maxBodyBytes;

    public EngineHandler(EngineCore core, StubPayloadReader stubs, ResponderRuntime runtime, String fallbackHost,
                         int maxBodyBytes) {
        this.control = new ControlApi(core, stubs);
        this.traffic = new TrafficHandler(core, runtime, fallbackHost);
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String method = request.getMethod();
        if (!ROUTED_METHODS.contains(method)) {
            response.getHeaders().put(HttpHeader.ALLOW, ALLOW);
            ResponseWriter.sendJson(response, callback, 405, Map.of("detail", "Method Not Allowed"));
            return true;
        }
        if (request.getLength() > maxBodyBytes) {
            ResponseWriter.sendError(response, callback, 413, "REQUEST_BODY_TOO_LARGE",
                    "the request body exceeds the limit of " + maxBodyBytes + " bytes");
            return true;
        }
        // Jetty fails the read with an IllegalStateException when the body outgrows the limit.
        Content.Source.asByteArrayAsync(request, maxBodyBytes, new Promise.Invocable.NonBlocking<>() {
            @Override
            public void succeeded(byte[] body) {
                dispatch(request, response, callback, body);
            }

            @Override
            public void failed(Throwable failure) {
                if (failure instanceof IllegalStateException) {
                    ResponseWriter.sendError(response, callback, 413, "REQUEST_BODY_TOO_LARGE",
                            "the request body exceeds the limit of " + maxBodyBytes + " bytes");
                } else {
                    ResponseWriter.sendError(response, callback, 400, "REQUEST_BODY_UNREADABLE",
                            "the request body could not be read: " + failure.getMessage());
                }
            }
        });
        return true;
    }

    private void dispatch(Request request, Response response, Callback callback, byte[] body) {
        try {
            String path = request.getHttpURI().getDecodedPath();
            if (path != null && ControlApi.routes(request.getMethod(), path, request.getHttpURI().getPath())) {
                control.handle(request, response, callback, body);
            } else {
                traffic.handle(request, response, callback, body);
            }
        } catch (RuntimeException | StackOverflowError unexpected) {
            if (!response.isCommitted()) {
                ResponseWriter.sendError(response, callback, 500, "ENGINE_ERROR", String.valueOf(unexpected));
            } else {
                callback.failed(unexpected);
            }
        }
    }
}
