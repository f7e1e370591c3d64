package dev.scopemock.engine.internal.jetty;

import dev.scopemock.engine.internal.core.EngineCore;
import dev.scopemock.engine.internal.json.StubPayloadReader;
import dev.scopemock.engine.internal.respond.ResponderRuntime;
import dev.scopemock.engine.internal.respond.ResponseWriter;
import dev.scopemock.engine.internal.scope.ScopeNames;
import dev.scopemock.engine.internal.scope.ScopeState;
import dev.scopemock.engine.internal.tls.EngineTls;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
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
 *
 * <p>Before routing it settles a scope that the request's way in implies, in this order: the connector of a scope's
 * dedicated port (then headers and {@code /__scope__/} mean nothing special), else a {@code /__scope__/{name}} path
 * prefix (stripped; headers are then ignored), else none (headers decide, as the protocol says). A prefix naming no
 * existing scope, or a port whose scope is being deleted, answers {@code 404 SCOPE_NOT_FOUND}, unrecorded.
 */
public final class EngineHandler extends Handler.Abstract.NonBlocking {

    static final Set<String> ROUTED_METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD");
    static final String SCOPE_NOT_FOUND = "SCOPE_NOT_FOUND";
    private static final String ALLOW = "GET, POST, PUT, DELETE, PATCH, OPTIONS, HEAD";

    private final ControlApi control;
    private final TrafficHandler traffic;
    private final int maxBodyBytes;

    private final EngineCore core;

    /**
     * @param httpsUrl the engine's HTTPS base URL, or null when it serves no HTTPS
     * @param tls the engine's TLS material, or null when it serves no HTTPS
     */
    public EngineHandler(EngineCore core, ScopeConnectors scopes, StubPayloadReader stubs, ResponderRuntime runtime,
                         String fallbackHost, int maxBodyBytes, Supplier<URI> httpsUrl, EngineTls tls) {
        this.core = core;
        this.control = new ControlApi(core, scopes, stubs, new TlsControl(httpsUrl, tls));
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
        Callback answer = callback;
        try {
            String path = request.getHttpURI().getDecodedPath();
            String rawPath = request.getHttpURI().getPath();
            ScopeState implied = null;
            ScopeConnector port = request.getConnectionMetaData().getConnector() instanceof ScopeConnector c ? c : null;
            if (port != null) {
                implied = port.scope();
            } else if (path != null && ScopePrefix.applies(path)) {
                ScopePrefix prefix = ScopePrefix.parse(path, rawPath);
                implied = prefixScope(prefix, response, callback);
                if (implied == null) {
                    return;
                }
                path = prefix.path();
                rawPath = prefix.rawPath();
            }
            if (implied != null && implied.isClosed()) {
                ResponseWriter.sendError(response, callback, 404, SCOPE_NOT_FOUND, "Scope '" + implied.name()
                        + "' was deleted; its requests are no longer answered");
                return;
            }
            if (path != null && ControlApi.routes(request.getMethod(), path, rawPath)) {
                if (port != null) {
                    answer = holding(port, callback);
                }
                control.handle(request, response, answer, body, path, implied);
            } else {
                traffic.handle(request, response, callback, body, path, implied);
            }
        } catch (RuntimeException | StackOverflowError unexpected) {
            if (!response.isCommitted()) {
                ResponseWriter.sendError(response, answer, 500, "ENGINE_ERROR", String.valueOf(unexpected));
            } else {
                answer.failed(unexpected);
            }
        }
    }

    /** Holds a dedicated port open until this control call has answered (see {@link ScopeConnector}). */
    private static Callback holding(ScopeConnector port, Callback callback) {
        port.hold();
        return new Callback.Nested(callback) {
            @Override
            public void completed() {
                port.release();
            }
        };
    }

    /** The existing scope a path prefix names; otherwise answers 404 and returns null. */
    private ScopeState prefixScope(ScopePrefix prefix, Response response, Callback callback) {
        String name = prefix.name();
        if (name.isEmpty()) {
            ResponseWriter.sendError(response, callback, 404, SCOPE_NOT_FOUND, "The path prefix " + ScopePrefix.PREFIX
                    + "/ names no scope; send /__scope__/{name}/path, with {name} the name of an existing scope");
            return null;
        }
        String violation = ScopeNames.violation(name);
        if (violation != null) {
            ResponseWriter.sendError(response, callback, 404, SCOPE_NOT_FOUND, "The path prefix " + ScopePrefix.PREFIX
                    + "/" + name + "/ names no scope: " + violation);
            return null;
        }
        ScopeState scope = core.scopes().find(name);
        if (scope == null) {
            ResponseWriter.sendError(response, callback, 404, SCOPE_NOT_FOUND, "Scope '" + name + "' (from the path"
                    + " prefix " + ScopePrefix.PREFIX + "/" + name + "/) was not found; create it first with POST"
                    + " /__mock__/scopes");
        }
        return scope;
    }
}
