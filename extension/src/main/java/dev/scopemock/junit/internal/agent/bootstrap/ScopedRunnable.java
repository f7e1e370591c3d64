package dev.scopemock.junit.internal.agent.bootstrap;

/** A task that runs under the binding of the thread that submitted it. */
final class ScopedRunnable implements Runnable {

    private final Runnable task;
    private final ScopeBinding binding;

    ScopedRunnable(Runnable task, ScopeBinding binding) {
        this.task = task;
        this.binding = binding;
    }

    @Override
    public void run() {
        Object previous = ScopeContext.swap(binding);
        try {
            task.run();
        } finally {
            ScopeContext.restore(previous);
        }
    }

    @Override
    public String toString() {
        return task.toString();
    }
}
