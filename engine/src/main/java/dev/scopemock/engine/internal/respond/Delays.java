package dev.scopemock.engine.internal.respond;

import dev.scopemock.engine.internal.scope.ScopeState;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Schedules a delayed step of a response without holding a thread, and registers it with the request's scope
 * so deleting the scope (or a reset) cancels it. Exactly one of {@code action} and {@code onCancel} runs.
 */
public final class Delays {

    /** The detail of the {@code 503 RESPONSE_CANCELLED} answer. */
    static final String CANCELLED_DETAIL =
            "the delayed response was cancelled because its scope was deleted or the engine reset";

    private Delays() {
    }

    /**
     * Answers a cancelled delayed response: {@code 503 RESPONSE_CANCELLED} when nothing was sent yet, otherwise
     * the connection is aborted (a stream already under way cannot change its status).
     *
     * @param exchange the request whose pending response was cancelled
     */
    public static void answerCancelled(Exchange exchange) {
        if (exchange.response().isCommitted()) {
            exchange.callback().failed(new ResponseCancelledException());
            return;
        }
        exchange.response().reset();
        ResponseWriter.sendError(exchange.response(), exchange.callback(), 503, "RESPONSE_CANCELLED",
                CANCELLED_DETAIL);
    }

    /**
     * Runs {@code action} after {@code delayMillis} on the engine's scheduler, unless the request's scope is deleted
     * or the engine reset first, in which case {@code onCancel} runs instead (at most one of them runs).
     *
     * @param exchange the request the delay belongs to
     * @param delayMillis the delay
     * @param action the delayed step
     * @param onCancel what to do when cancelled
     */
    public static void schedule(Exchange exchange, long delayMillis, Runnable action, Runnable onCancel) {
        schedule(exchange.scope(), exchange.runtime().scheduler(), delayMillis, action, onCancel);
    }

    /**
     * Runs {@code action} after {@code delayMillis} on {@code scheduler}, unless {@code scope} is deleted or the
     * engine reset first, in which case {@code onCancel} runs instead (at most one of them runs).
     *
     * @param scope the scope whose deletion cancels the step
     * @param scheduler the engine's scheduler
     * @param delayMillis the delay
     * @param action the delayed step
     * @param onCancel what to do when cancelled
     */
    public static void schedule(ScopeState scope, Scheduler scheduler, long delayMillis, Runnable action,
                                Runnable onCancel) {
        AtomicBoolean claimed = new AtomicBoolean();
        AtomicReference<Scheduler.Task> timer = new AtomicReference<>();
        Runnable cancel = () -> {
            if (claimed.compareAndSet(false, true)) {
                Scheduler.Task task = timer.get();
                if (task != null) {
                    task.cancel();
                }
                onCancel.run();
            }
        };
        if (!scope.addPending(cancel)) {
            cancel.run();
            return;
        }
        timer.set(scheduler.schedule(() -> {
            scope.removePending(cancel);
            if (claimed.compareAndSet(false, true)) {
                action.run();
            }
        }, delayMillis, TimeUnit.MILLISECONDS));
        if (claimed.get()) {
            timer.get().cancel();
        }
    }

    /**
     * The failure a stream already under way ends with when its scope is deleted or the engine reset: the
     * connection is aborted.
     *
     * @return the exception to fail the response's callback with
     */
    public static RuntimeException cancelledMidStream() {
        return new ResponseCancelledException();
    }
}
