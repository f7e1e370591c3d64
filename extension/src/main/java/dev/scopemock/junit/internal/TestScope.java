package dev.scopemock.junit.internal;

import dev.scopemock.junit.ScopedMock;
import java.net.URI;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** One test's scope on the engine; closing deletes it (once), also when the test failed. */
record TestScope(EngineConnection engine, String name, ScopedMock mock, MockServerConfig config, AtomicBoolean closed)
        implements AutoCloseable {

    /** Attempts at a fresh name when a random suffix collides with a live scope of the same test. */
    private static final int ATTEMPTS = 5;

    TestScope(EngineConnection engine, String name, ScopedMock mock, MockServerConfig config) {
        this(engine, name, mock, config, new AtomicBoolean());
    }

    /**
     * Creates a scope under a fresh name from {@code names} (retrying when the name is taken).
     *
     * @param names draws a new name each call
     */
    static TestScope create(EngineConnection engine, Supplier<String> names, MockServerConfig config) {
        URI engineUrl = engineUrl(engine, config);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            String name = names.get();
            URI baseUrl = ScopeIsolation.create(engine, engineUrl, name, config.isolation());
            if (baseUrl != null) {
                return new TestScope(engine, name, new ScopedMock(engine, name, baseUrl, config.isolation()), config);
            }
        }
        throw new ExtensionConfigurationException("Could not create a scope for the test at " + engine.baseUrl()
                + ": " + ATTEMPTS + " fresh names were all taken. Fix: delete the stale scopes of this test class"
                + " (DELETE /__mock__/scopes/{name}); a reset would also wipe other suites' scopes on a shared"
                + " engine.");
    }

    /**
     * The engine URL the test's traffic uses: the HTTPS one when {@code @MockServer(https = true)}.
     *
     * @throws ExtensionConfigurationException when HTTPS is asked for and the engine serves none
     */
    static URI engineUrl(EngineConnection engine, MockServerConfig config) {
        if (!config.https()) {
            return engine.baseUrl();
        }
        URI https = engine.httpsUrl();
        if (https == null) {
            throw new ExtensionConfigurationException(config.setting("https", "true")
                    + " asks for HTTPS, but the engine at "
                    + engine.baseUrl() + " (from " + config.urlSource() + ") serves no HTTPS: its GET /__mock__"
                    + " reports no https_url. Fix: start it with --https-port 0 (and --ca-out FILE for other"
                    + " processes), or leave HTTPS off (" + config.setting("https", "false") + ").");
        }
        return https;
    }

    /**
     * Registers declared stubs in this scope.
     *
     * @throws ExtensionConfigurationException when the engine rejects one, naming the annotation
     */
    void register(Iterable<DeclaredStub> stubs) {
        for (DeclaredStub stub : stubs) {
            try {
                mock.registerDeclared(stub.name(), stub.payload(), stub.origin());
            } catch (IllegalArgumentException rejected) {
                throw new ExtensionConfigurationException(stub.origin() + ": the engine rejected the stub: "
                        + rejected.getMessage() + ". Fix: correct the annotation's attributes.", rejected);
            }
        }
    }

    /** Registers copies of another scope's stubs (same names, matchers and answers; fresh ids). */
    void copyStubsOf(ScopedMock source) {
        source.copyStubsTo(mock);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            engine.deleteScope(name);
        }
    }
}
