package dev.scopemock.engine.internal.jetty;

import dev.scopemock.engine.internal.core.EngineCore;
import dev.scopemock.engine.internal.json.WireViews;
import dev.scopemock.engine.internal.respond.ResponseWriter;
import dev.scopemock.engine.internal.scope.ScopeState;
import dev.scopemock.engine.model.RecordedRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * One {@code GET /__mock__/requests} listing, optionally restricted to requests after a sequence number and
 * optionally waiting for one ({@code ?after=N&wait_ms=M}): the answer goes out as soon as a request with a
 * sequence above N is visible to the caller, or after M milliseconds with what there is. Waiting holds no thread:
 * a request listener of the core and a scheduler task race to answer, the first one wins.
 */
final class RequestsWait {

    /** The longest wait, kept below the connector's idle timeout (30 s) so a waiting connection never times out. */
    static final long MAX_WAIT_MS = 20_000;

    private final EngineCore core;
    private final ScopeState scope;
    private final boolean all;
    private final long after;

    /**
     * @param scope the caller's scope, null for the global view
     * @param all whether every scope's requests are listed ({@code ?all=true})
     * @param after only requests with a higher sequence are listed (0 lists all)
     */
    RequestsWait(EngineCore core, ScopeState scope, boolean all, long after) {
        this.core = core;
        this.scope = scope;
        this.all = all;
        this.after = after;
    }

    /** Answers now when {@code waitMillis} is 0 or a newer request is already visible, otherwise when one arrives. */
    void answer(Request request, Response response, Callback callback, long waitMillis) {
        if (waitMillis <= 0) {
            ResponseWriter.sendJson(response, callback, 200, listing());
            return;
        }
        AtomicBoolean answered = new AtomicBoolean();
        AtomicReference<AutoCloseable> listener = new AtomicReference<>();
        AtomicReference<Scheduler.Task> timer = new AtomicReference<>();
        Runnable release = () -> {
            closeQuietly(listener.get());
            Scheduler.Task task = timer.get();
            if (task != null) {
                task.cancel();
            }
        };
        Runnable finish = () -> {
            if (answered.compareAndSet(false, true)) {
                release.run();
                ResponseWriter.sendJson(response, callback, 200, listing());
            }
        };
        Executor executor = request.getComponents().getExecutor();
        // registered before the journal is read, so a request recorded in between still wakes the wait
        listener.set(core.onRequest(recorded -> {
            if (!answered.get() && isVisible(recorded)) {
                executor.execute(finish);
            }
        }));
        request.addFailureListener(failure -> {
            if (answered.compareAndSet(false, true)) {
                release.run();
                callback.failed(failure);
            }
        });
        if (!newer().isEmpty()) {
            finish.run();
            return;
        }
        timer.set(request.getComponents().getScheduler().schedule(finish, waitMillis, TimeUnit.MILLISECONDS));
        if (answered.get()) {
            timer.get().cancel();
        }
    }

    private boolean isVisible(RecordedRequest recorded) {
        if (recorded.sequence() <= after) {
            return false;
        }
        return all || recorded.scope() == null || (scope != null && scope.name().equals(recorded.scope()));
    }

    private List<RecordedRequest> newer() {
        List<RecordedRequest> source = all ? core.allRequests() : core.visibleRequests(scope);
        if (after <= 0) {
            return source;
        }
        List<RecordedRequest> newer = new ArrayList<>();
        for (RecordedRequest recorded : source) {
            if (recorded.sequence() > after) {
                newer.add(recorded);
            }
        }
        return newer;
    }

    private Map<String, Object> listing() {
        List<RecordedRequest> requests = newer();
        List<Object> views = new ArrayList<>(requests.size());
        requests.forEach(r -> views.add(WireViews.request(r)));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("requests", views);
        answer.put("evicted", all ? core.evictedEverywhere() : core.evicted(scope));
        return answer;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception ignored) {
            // removing a listener from the core cannot fail
        }
    }
}
