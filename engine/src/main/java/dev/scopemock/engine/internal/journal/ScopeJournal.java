package dev.scopemock.engine.internal.journal;

import dev.scopemock.engine.model.RecordedRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * The bounded request log of one scope: a ring buffer with O(1) append and eviction of the oldest entry. Counts
 * what it evicted so listings can report it. The buffer starts small and doubles up to the capacity, so the many
 * short-lived scopes of a test run do not each allocate the full bound.
 */
public final class ScopeJournal {

    private static final int INITIAL_SLOTS = 16;

    private final int capacity;
    private RecordedRequest[] ring;
    private int start;
    private int size;
    private long evicted;

    public ScopeJournal(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("journal capacity must be at least 1, found " + capacity);
        }
        this.capacity = capacity;
        this.ring = new RecordedRequest[Math.min(capacity, INITIAL_SLOTS)];
    }

    public synchronized void append(RecordedRequest request) {
        if (size == ring.length && ring.length < capacity) {
            grow();
        }
        if (size == ring.length) {
            ring[start] = request;
            start = (start + 1) % ring.length;
            evicted++;
        } else {
            ring[(start + size) % ring.length] = request;
            size++;
        }
    }

    private void grow() {
        RecordedRequest[] larger = new RecordedRequest[(int) Math.min(capacity, ring.length * 2L)];
        for (int i = 0; i < size; i++) {
            larger[i] = ring[(start + i) % ring.length];
        }
        ring = larger;
        start = 0;
    }

    /** The entries in arrival order. */
    public synchronized List<RecordedRequest> snapshot() {
        List<RecordedRequest> copy = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            copy.add(ring[(start + i) % ring.length]);
        }
        return copy;
    }

    public synchronized long evicted() {
        return evicted;
    }

    public synchronized void clear() {
        ring = new RecordedRequest[Math.min(capacity, INITIAL_SLOTS)];
        start = 0;
        size = 0;
        evicted = 0;
    }

    /** The slots currently allocated (for tests of the lazy growth). */
    synchronized int allocatedSlots() {
        return ring.length;
    }
}
