package dev.scopemock.junit.internal.agent.bootstrap;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RunnableFuture;
import java.util.function.BiPredicate;

/**
 * The scope header of the test running on the current thread, as the instrumented HTTP clients and executors see
 * it. Loaded by the bootstrap class loader (so code of {@code java.base} and every other loader can call it), and
 * therefore written against {@code java.base} only; the extension reaches it through method handles.
 */
public final class ScopeContext {

    private static final InheritedBinding CURRENT = new InheritedBinding();

    private ScopeContext() {
    }

    /**
     * Binds the current thread (and the threads and tasks it starts from now on) to a scope header.
     *
     * @return the previous binding, for {@link #restore}
     */
    public static Object bind(String host, int port, String headerName, String headerValue) {
        ScopeBinding previous = CURRENT.get();
        CURRENT.set(new ScopeBinding(host, port, headerName, headerValue));
        return previous;
    }

    /** Puts back the binding {@link #bind} returned (null for none). */
    public static void restore(Object previous) {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set((ScopeBinding) previous);
        }
    }

    static ScopeBinding current() {
        return CURRENT.get();
    }

    static Object swap(ScopeBinding binding) {
        ScopeBinding previous = CURRENT.get();
        CURRENT.set(binding);
        return previous;
    }

    /**
     * The header to add to a request for that target, or null when the thread is unbound or the target is not the
     * bound engine.
     *
     * @return {name, value}; shared, not to be modified
     */
    public static String[] headerFor(String scheme, String host, int port, String path) {
        ScopeBinding binding = CURRENT.get();
        return binding != null && binding.targets(scheme, host, port, path) ? binding.header() : null;
    }

    /** The filter that keeps every header, for {@code HttpRequest.newBuilder(request, filter)}. */
    public static BiPredicate<String, String> anyHeader() {
        return KeepAllHeaders.INSTANCE;
    }

    /**
     * The task, carrying the current binding to the thread that runs it; the task itself when the thread is unbound
     * or the task is a fork-join task that is not a {@code CompletableFuture} stage (its identity matters there).
     */
    public static Runnable wrap(Runnable task) {
        ScopeBinding binding = CURRENT.get();
        if (binding == null || task == null || task instanceof ScopedRunnable || task instanceof ScopedRunnableFuture
                || task instanceof ForkJoinTask<?> && !(task instanceof CompletableFuture.AsynchronousCompletionTask)) {
            return task;
        }
        if (task instanceof RunnableFuture<?>) {
            return new ScopedRunnableFuture<>((RunnableFuture<?>) task, binding);
        }
        return new ScopedRunnable(task, binding);
    }

    /** The task, carrying the current binding to the thread that runs it (itself when the thread is unbound). */
    public static <T> Callable<T> wrap(Callable<T> task) {
        ScopeBinding binding = CURRENT.get();
        if (binding == null || task == null || task instanceof ScopedCallable) {
            return task;
        }
        return new ScopedCallable<>(task, binding);
    }

    /**
     * Marks the current thread as creating a pool worker until {@link #endPoolWorkerCreation}: the worker inherits
     * no binding.
     *
     * @return the previous mark
     */
    public static boolean beginPoolWorkerCreation() {
        return CURRENT.beginPoolWorkerCreation();
    }

    /** Ends the mark {@link #beginPoolWorkerCreation} set. */
    public static void endPoolWorkerCreation(boolean previous) {
        CURRENT.endPoolWorkerCreation(previous);
    }
}
