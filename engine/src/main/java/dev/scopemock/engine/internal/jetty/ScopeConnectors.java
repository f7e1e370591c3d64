package dev.scopemock.engine.internal.jetty;

import dev.scopemock.engine.ScopeNotFoundException;
import dev.scopemock.engine.internal.core.EngineCore;
import dev.scopemock.engine.internal.scope.ScopeState;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Creates scopes, opening a dedicated port for those that ask: a {@link ScopeConnector} on a free port of the
 * engine's bind address, added to the running server and closed with the scope. The port speaks what the engine's
 * ports speak ({@link Protocols#dedicated()}): HTTP/1.1 and h2c, and when the engine serves HTTPS, TLS too. The
 * thread pool grows by one
 * thread per open port (its selector), so open ports never starve request handling.
 */
public final class ScopeConnectors {

    private final EngineCore core;
    private final Server server;
    private final QueuedThreadPool threads;
    private final Protocols protocols;
    private final String host;

    public ScopeConnectors(EngineCore core, Server server, QueuedThreadPool threads, Protocols protocols,
                           String host) {
        this.core = core;
        this.server = server;
        this.threads = threads;
        this.protocols = protocols;
        this.host = host;
    }

    /**
     * Validates and creates a scope, with its own port when {@code dedicatedPort}.
     *
     * @throws PortUnavailableException when the port cannot be opened (the scope is then removed again)
     */
    public ScopeState create(String name, boolean dedicatedPort) {
        if (dedicatedPort && !server.isStarted()) {
            throw new PortUnavailableException("could not open a dedicated port for scope '" + name + "': the engine"
                    + " is not running", null);
        }
        ScopeState scope = core.createScopeState(name);
        if (dedicatedPort) {
            open(scope);
        }
        return scope;
    }

    private void open(ScopeState scope) {
        ScopeConnector connector = new ScopeConnector(server, scope, protocols.dedicated());
        connector.setHost(host);
        connector.setPort(0);
        connector.setReuseAddress(true);
        connector.setName("scope:" + scope.name());
        addThread(1);
        try {
            server.addConnector(connector);
            connector.start();
        } catch (Exception e) {
            stop(connector);
            removeQuietly(scope);
            throw new PortUnavailableException("could not open a dedicated port for scope '" + scope.name() + "' on "
                    + host + ": " + e.getMessage() + "; the scope was not created", e);
        }
        if (!scope.attachPort(connector.getLocalPort(), () -> connector.stopWhenReleased(() -> stop(connector)))) {
            stop(connector);
            throw new ScopeNotFoundException("Scope '" + scope.name() + "' was not found");
        }
    }

    private void removeQuietly(ScopeState scope) {
        try {
            core.deleteScope(scope.name());
        } catch (ScopeNotFoundException alreadyGone) {
            // deleted meanwhile: nothing left to undo
        }
    }

    private void stop(ScopeConnector connector) {
        if (!connector.claimStop()) {
            return;
        }
        try {
            connector.stop();
        } catch (Exception ignored) {
            // a connector that fails to stop has still closed its port; nothing else to release
        } finally {
            server.removeConnector(connector);
            addThread(-1);
        }
    }

    private synchronized void addThread(int delta) {
        threads.setMaxThreads(threads.getMaxThreads() + delta);
    }

    /** Stops every dedicated port still open (the engine is closing; normally the reset before has done it). */
    public void closeAll() {
        List<ScopeConnector> open = new ArrayList<>();
        for (Connector connector : server.getConnectors()) {
            if (connector instanceof ScopeConnector scoped) {
                open.add(scoped);
            }
        }
        open.forEach(this::stop);
    }

    /** A dedicated port could not be opened. */
    public static final class PortUnavailableException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        PortUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
