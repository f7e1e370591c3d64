package dev.scopemock.engine.internal.jetty;

import dev.scopemock.engine.AmbiguousScopeException;
import dev.scopemock.engine.internal.chaos.ChaosDecision;
import dev.scopemock.engine.internal.chaos.Faults;
import dev.scopemock.engine.internal.chaos.ScopeChaos;
import dev.scopemock.engine.internal.chaos.SseChaos;
import dev.scopemock.engine.internal.chaos.ThrottledResponse;
import dev.scopemock.engine.internal.core.EngineCore;
import dev.scopemock.engine.internal.match.MatchSubject;
import dev.scopemock.engine.internal.match.Selection;
import dev.scopemock.engine.internal.respond.Delays;
import dev.scopemock.engine.internal.respond.Exchange;
import dev.scopemock.engine.internal.respond.ResponderRuntime;
import dev.scopemock.engine.internal.respond.ResponseWriter;
import dev.scopemock.engine.internal.scope.ScopeState;
import dev.scopemock.engine.model.Chaos;
import dev.scopemock.engine.model.RecordedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Answers mock traffic: resolve the scope, choose and count the serving stub, record the request, apply chaos,
 * respond. No stub answers the protocol's {@code 404 NO_STUB_MATCH_FOUND}.
 */
final class TrafficHandler {

    static final String NO_MATCH = "NO_STUB_MATCH_FOUND";

    private final EngineCore core;
    private final ResponderRuntime runtime;
    private final String fallbackHost;

    TrafficHandler(EngineCore core, ResponderRuntime runtime, String fallbackHost) {
        this.core = core;
        this.runtime = runtime;
        this.fallbackHost = fallbackHost;
    }

    /**
     * @param path the decoded path to match and record (a path prefix stripped), or null to read it from the URI
     * @param implied the scope the way in implies (dedicated port, path prefix), or null to resolve it from headers
     */
    void handle(Request request, Response response, Callback callback, byte[] body, String path,
                ScopeState implied) {
        RecordedRequest incoming = RequestReader.read(request, body, fallbackHost, path);
        ScopeState scope = implied;
        if (scope == null) {
            try {
                // the recorded header map already holds every name lower-cased: no second walk over the headers
                scope = core.scopes().resolve(incoming.headers().keySet());
            } catch (AmbiguousScopeException ambiguous) {
                ResponseWriter.sendJson(response, callback, 400, Map.of("detail", ambiguous.getMessage()));
                return;
            }
        }
        Selection selection = core.select(scope, new MatchSubject(incoming));
        RecordedRequest recorded = core.record(scope, incoming, selection);
        if (selection == null) {
            ResponseWriter.sendText(response, callback, 404, NO_MATCH);
            return;
        }
        ScopeState effective = scope == null ? core.scopes().global() : scope;
        ScopeChaos scopeChaos = effective.chaos();
        Chaos chaos = scopeChaos.effective(selection.stub().definition().chaos());
        ChaosDecision decision = ChaosDecision.draw(chaos, scopeChaos.random());
        SseChaos.attach(request, chaos, scopeChaos.random());
        Response out = response;
        if (chaos != null && chaos.faults().throttleBytes() != null) {
            out = new ThrottledResponse(request, response, effective, runtime.scheduler(),
                    chaos.faults().throttleBytes(), chaos.faults().throttleInterval().toMillis());
        }
        Exchange exchange = new Exchange(request, out, callback, recorded, selection.pathMatch().params(),
                effective, runtime);
        if (decision.delayMillis() <= 0) {
            Faults.apply(decision.fault(), chaos, scopeChaos.random(), exchange, selection.stub().responder());
            return;
        }
        Delays.schedule(exchange, decision.delayMillis(), () -> Faults.apply(decision.fault(), chaos,
                scopeChaos.random(), exchange, selection.stub().responder()), () -> Delays.answerCancelled(exchange));
    }

    static List<String> headerNames(Request request) {
        List<String> names = new ArrayList<>(request.getHeaders().size());
        for (HttpField field : request.getHeaders()) {
            names.add(field.getLowerCaseName());
        }
        return names;
    }
}
