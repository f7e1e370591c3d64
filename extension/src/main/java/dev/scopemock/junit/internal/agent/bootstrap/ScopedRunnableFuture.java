package dev.scopemock.junit.internal.agent.bootstrap;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.RunnableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A future task (what {@code submit} hands to {@code execute}) that runs under the submitter's binding and still
 * answers as the future, so {@code afterExecute} hooks that read {@code ((Future<?>) task).get()} keep working.
 */
final class ScopedRunnableFuture<T> implements RunnableFuture<T> {

    private final RunnableFuture<T> task;
    private final ScopeBinding binding;

    ScopedRunnableFuture(RunnableFuture<T> task, ScopeBinding binding) {
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
    public boolean cancel(boolean mayInterruptIfRunning) {
        return task.cancel(mayInterruptIfRunning);
    }

    @Override
    public boolean isCancelled() {
        return task.isCancelled();
    }

    @Override
    public boolean isDone() {
        return task.isDone();
    }

    @Override
    public T get() throws InterruptedException, ExecutionException {
        return task.get();
    }

    @Override
    public T get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
        return task.get(timeout, unit);
    }

    @Override
    public String toString() {
        return task.toString();
    }
}
