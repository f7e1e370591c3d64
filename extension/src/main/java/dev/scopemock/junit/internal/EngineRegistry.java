package dev.scopemock.junit.internal;

import java.net.URI;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Keeps one engine connection per target (the in-process engine, or each remote URL) in the root store, so every
 * test class of the run shares it; the store closes it when the run ends.
 */
final class EngineRegistry {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(EngineRegistry.class);

    private EngineRegistry() {
    }

    /**
     * Uses {@code getOrComputeIfAbsent} (deprecated in JUnit 6, present since 5.0) rather than JUnit 6's
     * {@code computeIfAbsent}, so the extension keeps working on Jupiter 5.10+.
     */
    @SuppressWarnings("deprecation")
    static EngineConnection connect(ExtensionContext context, MockServerConfig config) {
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        if (config.url() != null) {
            URI url = config.url();
            return store.getOrComputeIfAbsent("remote:" + url, key -> new StoredConnection(remote(url, config, context)),
                    StoredConnection.class).connection();
        }
        StoredConnection stored = store.getOrComputeIfAbsent("in-process",
                key -> new StoredConnection(new InProcessConnection(config.port())), StoredConnection.class);
        int running = stored.connection().baseUrl().getPort();
        if (config.port() != 0 && running != config.port()) {
            throw new ExtensionConfigurationException(config.setting("port", String.valueOf(config.port())) + " on "
                    + context.getRequiredTestClass().getName() + " cannot be honoured: the shared in-process engine"
                    + " already runs on port " + running + ", started by an earlier test class. Fix: give every"
                    + " @MockServer and ScopemockExtension of the run the same port, or none.");
        }
        return stored.connection();
    }

    private static RemoteConnection remote(URI url, MockServerConfig config, ExtensionContext context) {
        try {
            return new RemoteConnection(url);
        } catch (IllegalStateException unreachable) {
            throw new ExtensionConfigurationException("The engine at " + url + " (from " + config.urlSource()
                    + ") for " + context.getRequiredTestClass().getName() + " is not usable: "
                    + unreachable.getMessage() + ". Fix: start the engine (java -jar"
                    + " scopemock-engine-<version>-standalone.jar --port <port>) or correct the URL.", unreachable);
        }
    }

    /**
     * The root store's handle on a connection, closed when the test run ends: JUnit 6 closes {@link AutoCloseable}
     * values, JUnit 5 closes {@code CloseableResource}s; closing twice is harmless.
     */
    @SuppressWarnings("deprecation")
    record StoredConnection(EngineConnection connection, java.util.concurrent.atomic.AtomicBoolean closed)
            implements AutoCloseable, ExtensionContext.Store.CloseableResource {

        StoredConnection(EngineConnection connection) {
            this(connection, new java.util.concurrent.atomic.AtomicBoolean());
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                connection.close();
            }
        }
    }
}
