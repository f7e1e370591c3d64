package dev.scopemock.engine.internal.scope;

import dev.scopemock.engine.internal.journal.ScopeJournal;
import dev.scopemock.engine.internal.match.RegisteredStub;
import dev.scopemock.engine.internal.match.StubIndex;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything one scope (or the global space, with a null name) owns: its stubs, its journal, its pending work and,
 * when it has one, its dedicated port.
 */
public final class ScopeState {

    private final String name;
    private final long createdOrder;
    private final StubIndex stubs = new StubIndex();
    private final ScopeJournal journal;
    private final Set<Runnable> pendingCancellations = ConcurrentHashMap.newKeySet();
    private volatile dev.scopemock.engine.internal.chaos.ScopeChaos chaos =
            dev.scopemock.engine.internal.chaos.ScopeChaos.initial();
    private volatile boolean closed;
    private volatile int dedicatedPort;
    /** Closes the dedicated port; guarded by {@code this}, null when there is none or it was released. */
    private Runnable portRelease;

    public ScopeState(String name, long createdOrder, int journalCapacity) {
        this.name = name;
        this.createdOrder = createdOrder;
        this.journal = new ScopeJournal(journalCapacity);
    }

    /** The lower-cased name, or null for the global space. */
    public String name() {
        return name;
    }

    public long createdOrder() {
        return createdOrder;
    }

    public StubIndex stubs() {
        return stubs;
    }

    public RegisteredStub findStub(String id) {
        for (RegisteredStub stub : stubs.stubs()) {
            if (stub.id().equals(id)) {
                return stub;
            }
        }
        return null;
    }

    public ScopeJournal journal() {
        return journal;
    }

    public boolean isClosed() {
        return closed;
    }

    /** The scope's own port, or 0 when it has none. */
    public int dedicatedPort() {
        return dedicatedPort;
    }

    /**
     * Records the scope's dedicated port and what closes it; returns false, recording nothing, when the scope was
     * closed meanwhile (the caller then closes the port itself).
     */
    public synchronized boolean attachPort(int port, Runnable release) {
        if (closed) {
            return false;
        }
        this.dedicatedPort = port;
        this.portRelease = release;
        return true;
    }

    /**
     * Closes the dedicated port, if any, once; called after {@link #close()} and outside the engine's locks, because
     * it waits for the port's connector to stop.
     */
    public void releasePort() {
        Runnable release;
        synchronized (this) {
            release = portRelease;
            portRelease = null;
        }
        if (release != null) {
            release.run();
        }
    }

    /**
     * Registers work (a delayed response) to cancel if the scope is deleted; returns false if it already was.
     */
    public boolean addPending(Runnable cancel) {
        pendingCancellations.add(cancel);
        if (closed) {
            pendingCancellations.remove(cancel);
            return false;
        }
        return true;
    }

    public void removePending(Runnable cancel) {
        pendingCancellations.remove(cancel);
    }

    /** Drops stubs and requests and cancels pending delayed responses; the port stays open until releasePort(). */
    public void close() {
        synchronized (this) {
            closed = true;
        }
        stubs.clear();
        journal.clear();
        for (Runnable cancel : pendingCancellations.toArray(Runnable[]::new)) {
            pendingCancellations.remove(cancel);
            cancel.run();
        }
    }

    /** Empties the global space in place (reset), cancelling its pending responses. */
    public void clear() {
        stubs.clear();
        journal.clear();
        for (Runnable cancel : pendingCancellations.toArray(Runnable[]::new)) {
            pendingCancellations.remove(cancel);
            cancel.run();
        }
    }

    /** The scope's default chaos and seeded generator. */
    public dev.scopemock.engine.internal.chaos.ScopeChaos chaos() {
        return chaos;
    }

    /** Replaces the scope's default chaos and generator. */
    public void setChaos(dev.scopemock.engine.internal.chaos.ScopeChaos chaos) {
        this.chaos = java.util.Objects.requireNonNull(chaos, "chaos");
    }
}
