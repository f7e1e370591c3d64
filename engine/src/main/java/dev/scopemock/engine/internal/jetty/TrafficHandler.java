package dev.scopemock.engine.internal.jetty;

import dev.scopemock.engine.AmbiguousScopeException;
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
import java.util.concurrent.ThreadLocalRandom;
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
        ScopeState scope = implied;
        if (scope == null) {
            try {
                scope = core.scopes().resolve(headerNames(request));
            } catch (AmbiguousScopeException ambiguous) {
                ResponseWriter.sendJson(response, callback, 400, Map.of("detail", ambiguous.getMessage()));
                return;
            }
        }
        RecordedRequest incoming = RequestReader.read(request, body, fallbackHost, path);
        Selection selection = core.select(scope, new MatchSubject(incoming));
        RecordedRequest recorded = core.record(scope, incoming, selection);
        if (selection == null) {
            ResponseWriter.sendText(response, callback, 404, NO_MATCH);
            return;
        }
        Chaos chaos = selection.stub().definition().chaos();
        boolean drop = chaos != null && chaos.dropProbability() != null
                && ThreadLocalRandom.current().nextDouble() < chaos.dropProbability();
        Exchange exchange = new Exchange(request, response, callback, recorded, selection.pathMatch().params(),
                scope == null ? core.scopes().global() : scope, runtime);
        long delay = chaos == null ? 0 : latencyMillis(chaos);
        if (delay <= 0) {
            selection.stub().responder().respond(exchange, drop);
            return;
        }
        Delays.schedule(exchange, delay, () -> selection.stub().responder().respond(exchange, drop),
                () -> Delays.answerCancelled(exchange));
    }

    /** A delay drawn from {@code [base, base + jitter]}, both ends included, saturating instead of overflowing. */
    static long latencyMillis(Chaos chaos) {
        long base = chaos.latencyBase().toMillis();
        long jitter = chaos.latencyJitter().toMillis();
        if (jitter == 0) {
            return base;
        }
        long extra = jitter == Long.MAX_VALUE ? ThreadLocalRandom.current().nextLong(jitter)
                : ThreadLocalRandom.current().nextLong(jitter + 1);
        long total = base + extra;
        return total < 0 ? Long.MAX_VALUE : total;
    }

    static List<String> headerNames(Request request) {
        List<String> names = new ArrayList<>(request.getHeaders().size());
        for (HttpField field : request.getHeaders()) {
            names.add(field.getLowerCaseName());
        }
        return names;
    }
}
