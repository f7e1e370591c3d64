package dev.scopemock.engine.internal.jetty;

import dev.scopemock.engine.internal.scope.ScopeState;
import java.util.concurrent.RejectedExecutionException;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The connector of a scope's dedicated port: it carries its scope, so a request's scope is one field read away
 * ({@code request.getConnectionMetaData().getConnector()}). No acceptor thread (the selector accepts) and one
 * selector, so an open port costs one pool thread.
 *
 * <p>Control calls arriving on the port {@linkplain #hold() hold} it: a stop asked for meanwhile (the call deletes
 * its own scope, or resets the engine) runs once the last of them has answered, so the answer is not cut off and
 * the stop never waits on the very thread that asked for it.
 */
final class ScopeConnector extends ServerConnector {

    private final ScopeState scope;
    /** Control calls in progress on this port; guarded by {@code this}. */
    private int holds;
    /** A stop asked for while held; guarded by {@code this}. */
    private Runnable pendingStop;
    /** Whether the stop has begun; guarded by {@code this}. */
    private boolean stopping;

    ScopeConnector(Server server, ScopeState scope, ConnectionFactory... factories) {
        super(server, null, null, null, 0, 1, factories);
        this.scope = scope;
    }

    ScopeState scope() {
        return scope;
    }

    /** Marks a control call in progress on this port. */
    synchronized void hold() {
        holds++;
    }

    /** Ends a control call; runs a stop asked for meanwhile on a pool thread once no call is left. */
    void release() {
        Runnable stop;
        synchronized (this) {
            holds--;
            if (holds > 0 || pendingStop == null) {
                return;
            }
            stop = pendingStop;
            pendingStop = null;
        }
        try {
            getExecutor().execute(stop);
        } catch (RejectedExecutionException engineStopping) {
            stop.run();
        }
    }

    /** True the first time only: the caller stops the connector. */
    synchronized boolean claimStop() {
        if (stopping) {
            return false;
        }
        stopping = true;
        return true;
    }

    /** Runs {@code stop} now, or after the control calls in progress on this port have answered. */
    void stopWhenReleased(Runnable stop) {
        synchronized (this) {
            if (holds > 0) {
                pendingStop = stop;
                return;
            }
        }
        stop.run();
    }
}
