package dev.scopemock.engine.internal.journal;

import dev.scopemock.engine.model.RecordedRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * The bounded request log of one scope: a ring buffer with O(1) append and eviction of the oldest entry. Counts
 * what it evicted so listings can report it.
 */
public final class ScopeJournal {

    private final RecordedRequest[] ring;
    private int start;
    private int size;
    private long evicted;

    public ScopeJournal(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("journal capacity must be at least 1, found " + capacity);
        }
        this.ring = new RecordedRequest[capacity];
    }

    public synchronized void append(RecordedRequest request) {
        if (size == ring.length) {
            ring[start] = request;
            start = (start + 1) % ring.length;
            evicted++;
        } else {
            ring[(start + size) % ring.length] = request;
            size++;
        }
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
        java.util.Arrays.fill(ring, null);
        start = 0;
        size = 0;
        evicted = 0;
    }
}
