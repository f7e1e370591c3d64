package dev.scopemock.junit.internal.agent.bootstrap;

import java.util.concurrent.Callable;

/** A callable that runs under the binding of the thread that submitted it. */
final class ScopedCallable<T> implements Callable<T> {

    private final Callable<T> task;
    private final ScopeBinding binding;

    ScopedCallable(Callable<T> task, ScopeBinding binding) {
        this.task = task;
        this.binding = binding;
    }

    @Override
    public T call() throws Exception {
        Object previous = ScopeContext.swap(binding);
        try {
            return task.call();
        } finally {
            ScopeContext.restore(previous);
        }
    }

    @Override
    public String toString() {
        return task.toString();
    }
}
