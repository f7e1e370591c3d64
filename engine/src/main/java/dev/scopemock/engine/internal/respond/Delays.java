package dev.scopemock.engine.internal.respond;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Schedules a delayed step of a response without holding a thread, and registers it with the request's scope
 * so deleting the scope (or a reset) cancels it. Exactly one of {@code action} and {@code onCancel} runs.
 */
public final class Delays {

    private Delays() {
    }

    public static void schedule(Exchange exchange, long delayMillis, Runnable action, Runnable onCancel) {
        AtomicBoolean claimed = new AtomicBoolean();
        Runnable cancel = () -> {
            if (claimed.compareAndSet(false, true)) {
                onCancel.run();
            }
        };
        if (!exchange.scope().addPending(cancel)) {
            cancel.run();
            return;
        }
        exchange.runtime().scheduler().schedule(() -> {
            exchange.scope().removePending(cancel);
            if (claimed.compareAndSet(false, true)) {
                action.run();
            }
        }, delayMillis, TimeUnit.MILLISECONDS);
    }
}
