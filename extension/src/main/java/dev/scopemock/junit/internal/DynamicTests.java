package dev.scopemock.junit.internal;

import dev.scopemock.junit.ScopedMock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The state of one {@code @TestFactory} invocation. The factory has a scope of its own (for its {@code @BeforeEach},
 * body and {@code @AfterEach}); each dynamic test gets a fresh scope holding copies of the stubs the factory's scope
 * has when the dynamic test starts. The {@link ScopedMock} handed to the factory (parameter or field) acts for the
 * dynamic test running on the calling thread; from another thread, for the only dynamic test running; when none
 * runs, for the factory's scope. Lives in the factory method's store.
 */
final class DynamicTests {

    private final TestScope factoryScope;
    private final String factory;
    private final ThreadLocal<ScopedMock> onThisThread = new ThreadLocal<>();
    private final Set<ScopedMock> running = ConcurrentHashMap.newKeySet();
    private final ScopedMock router;

    /**
     * @param factory the factory method, for messages
     */
    DynamicTests(TestScope factoryScope, String factory) {
        this.factoryScope = factoryScope;
        this.factory = factory;
        this.router = ScopedMock.routing(factoryScope.engine(), this::current);
    }

    /** The factory's own scope. */
    TestScope factoryScope() {
        return factoryScope;
    }

    /** The mock handed to the factory method and its fields. */
    ScopedMock router() {
        return router;
    }

    /** Routes the factory's mock to {@code mock} while a dynamic test runs on this thread. */
    AutoCloseable bind(ScopedMock mock) {
        running.add(mock);
        onThisThread.set(mock);
        return () -> {
            onThisThread.remove();
            running.remove(mock);
        };
    }

    private ScopedMock current() {
        ScopedMock mine = onThisThread.get();
        if (mine != null) {
            return mine;
        }
        List<ScopedMock> now = new ArrayList<>(running);
        if (now.size() == 1) {
            return now.get(0);
        }
        if (now.isEmpty()) {
            return factoryScope.mock();
        }
        throw new IllegalStateException("The ScopedMock of @TestFactory " + factory + " was used from thread "
                + Thread.currentThread().getName() + ", which runs none of the " + now.size() + " dynamic tests"
                + " running concurrently, so its scope is ambiguous. Fix: call the mock from the dynamic test's own"
                + " thread, or run the factory's dynamic tests on one thread with @Execution(SAME_THREAD).");
    }
}
