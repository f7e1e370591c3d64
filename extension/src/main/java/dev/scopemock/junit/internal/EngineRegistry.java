package dev.scopemock.junit.internal;

import java.net.URI;
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

    static EngineConnection connect(ExtensionContext context, MockServerConfig config) {
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        if (config.url() != null) {
            URI url = config.url();
            return store.computeIfAbsent("remote:" + url, key -> new StoredConnection(new RemoteConnection(url)),
                    StoredConnection.class).connection();
        }
        StoredConnection stored = store.computeIfAbsent("in-process",
                key -> new StoredConnection(new InProcessConnection(config.port())), StoredConnection.class);
        if (config.port() != 0 && stored.connection().baseUrl().getPort() != config.port()) {
            throw new org.junit.jupiter.api.extension.ExtensionConfigurationException("@MockServer(port = "
                    + config.port() + ") on " + context.getRequiredTestClass().getName() + ": the shared engine"
                    + " already runs on port " + stored.connection().baseUrl().getPort() + ", started by an earlier"
                    + " class. Fix: give every @MockServer the same port, or none.");
        }
        return stored.connection();
    }

    /** The root store's handle on a connection: closed once, when the test run ends. */
    record StoredConnection(EngineConnection connection) implements AutoCloseable {
        @Override
        public void close() {
            connection.close();
        }
    }
}
