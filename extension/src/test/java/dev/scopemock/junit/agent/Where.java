package dev.scopemock.junit.agent;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Where the system under test does its work: on the test's thread, on a thread it starts, or on executors created
 * outside the test (before it ran, their worker threads started lazily by whichever test submits first).
 */
enum Where {

    TEST_THREAD {
        @Override
        <T> T run(Callable<T> work) throws Exception {
            return work.call();
        }
    },
    STARTED_THREAD {
        @Override
        <T> T run(Callable<T> work) throws Exception {
            AtomicReference<Object> outcome = new AtomicReference<>();
            Thread thread = new Thread(() -> {
                try {
                    outcome.set(work.call());
                } catch (Exception | Error e) {
                    outcome.set(e);
                }
            }, "started-by-the-test");
            thread.start();
            thread.join(TIMEOUT_MS);
            return unwrap(outcome.get());
        }
    },
    FIXED_POOL {
        @Override
        <T> T run(Callable<T> work) throws Exception {
            return await(Pools.get().fixed.submit(work));
        }
    },
    SCHEDULED_POOL {
        @Override
        <T> T run(Callable<T> work) throws Exception {
            return await(Pools.get().scheduled.schedule(work, 1, TimeUnit.MILLISECONDS));
        }
    },
    FORK_JOIN_POOL {
        @Override
        <T> T run(Callable<T> work) throws Exception {
            return await(Pools.get().forkJoin.submit(work));
        }
    },
    SUPPLY_ASYNC {
        @Override
        <T> T run(Callable<T> work) throws Exception {
            return await(CompletableFuture.supplyAsync(supplier(work)));
        }
    },
    SUPPLY_ASYNC_ON_COMMON_POOL {
        @Override
        <T> T run(Callable<T> work) throws Exception {
            return await(CompletableFuture.supplyAsync(supplier(work), ForkJoinPool.commonPool()));
        }
    };

    private static final long TIMEOUT_MS = 20_000;

    /** Does the work there and returns its result (its exception rethrown). */
    abstract <T> T run(Callable<T> work) throws Exception;

    private static <T> T await(java.util.concurrent.Future<T> future) throws Exception {
        try {
            return future.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
        } catch (TimeoutException e) {
            throw new IllegalStateException("the work did not finish within " + TIMEOUT_MS + " ms", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T unwrap(Object outcome) throws Exception {
        if (outcome instanceof Exception) {
            throw (Exception) outcome;
        }
        if (outcome instanceof Error) {
            throw (Error) outcome;
        }
        return (T) outcome;
    }

    private static <T> Supplier<T> supplier(Callable<T> work) {
        return () -> {
            try {
                return work.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    /** The executors, created before the fixtures run and shut down after them. */
    static final class Pools implements AutoCloseable {

        private static volatile Pools current;

        final ExecutorService fixed = java.util.concurrent.Executors.newFixedThreadPool(2);
        final ScheduledExecutorService scheduled = java.util.concurrent.Executors.newScheduledThreadPool(2);
        final ForkJoinPool forkJoin = new ForkJoinPool(2);

        static Pools open() {
            current = new Pools();
            return current;
        }

        static Pools get() {
            Pools executors = current;
            if (executors == null) {
                throw new IllegalStateException("no executors: the test running the fixtures must open them");
            }
            return executors;
        }

        @Override
        public void close() {
            current = null;
            fixed.shutdownNow();
            scheduled.shutdownNow();
            forkJoin.shutdownNow();
        }
    }
}
