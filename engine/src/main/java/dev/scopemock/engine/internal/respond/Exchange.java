package dev.scopemock.engine.internal.respond;

import dev.scopemock.engine.internal.scope.ScopeState;
import dev.scopemock.engine.model.RecordedRequest;
import java.util.Map;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** One mock-traffic request being answered: the Jetty triple plus what the engine decided about it. */
public record Exchange(Request request, Response response, Callback callback, RecordedRequest recorded,
                       Map<String, String> pathParams, ScopeState scope, ResponderRuntime runtime) {
}
