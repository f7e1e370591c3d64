package dev.scopemock.junit.internal;

import dev.scopemock.junit.ScopedMock;
import java.util.concurrent.atomic.AtomicBoolean;

/** One test's scope on the engine; closing deletes it (once), also when the test failed. */
record TestScope(EngineConnection engine, String name, ScopedMock mock, MockServerConfig config, AtomicBoolean closed)
        implements AutoCloseable {

    TestScope(EngineConnection engine, String name, ScopedMock mock, MockServerConfig config) {
        this(engine, name, mock, config, new AtomicBoolean());
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            engine.deleteScope(name);
        }
    }
}
