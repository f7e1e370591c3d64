package dev.scopemock.engine.internal.journal;

import dev.scopemock.engine.model.RecordedRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The bounded request log of one scope: a ring buffer with O(1) append and eviction of the oldest entry, and no lock.
 * Each append takes the next slot number from a counter and puts its entry in that slot unless a later one is already
 * there; a snapshot reads the last {@code capacity} slot numbers and keeps the entries that are theirs (one still
 * being written is left out: its request is still being answered). Slots are allocated in chunks when the first
 * request for one arrives, so the many short-lived scopes of a test run do not each allocate the full bound.
 * {@link #clear()} swaps in an empty ring. Thread-safe.
 */
public final class ScopeJournal {

    /** Slots are allocated this many at a time. */
    static final int CHUNK = 128;

    private static final Comparator<RecordedRequest> BY_SEQUENCE = Comparator.comparingLong(RecordedRequest::sequence);

    private final int capacity;
    private final AtomicReference<Ring> ring;

    public ScopeJournal(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("journal capacity must be at least 1, found " + capacity);
        }
        this.capacity = capacity;
        this.ring = new AtomicReference<>(new Ring(capacity));
    }

    public void append(RecordedRequest request) {
        Ring current = ring.get();
        current.put(current.reserve(), request);
    }

    /** The first half of an append: the slot number (for tests of appends that finish out of order). */
    long reserve() {
        return ring.get().reserve();
    }

    /** The second half of an append. */
    void put(long number, RecordedRequest request) {
        ring.get().put(number, request);
    }

    /** The entries in sequence order (the order of arrival). */
    public List<RecordedRequest> snapshot() {
        List<RecordedRequest> entries = ring.get().entries();
        entries.sort(BY_SEQUENCE);
        return entries;
    }

    public long evicted() {
        return ring.get().evicted();
    }

    public void clear() {
        ring.set(new Ring(capacity));
    }

    /** The slots currently allocated (for tests of the lazy growth). */
    int allocatedSlots() {
        return ring.get().allocatedSlots();
    }

    /** A recorded request and the slot number it was appended as. */
    private record Entry(long number, RecordedRequest request) {
    }

    /** One generation of the journal: everything appended since it was created or last cleared. */
    private static final class Ring {

        private final int capacity;
        private final AtomicLong appended = new AtomicLong();
        private final AtomicReferenceArray<AtomicReferenceArray<Entry>> chunks;

        Ring(int capacity) {
            this.capacity = capacity;
            this.chunks = new AtomicReferenceArray<>((capacity + CHUNK - 1) / CHUNK);
        }

        long reserve() {
            return appended.getAndIncrement();
        }

        void put(long number, RecordedRequest request) {
            int slot = (int) (number % capacity);
            AtomicReferenceArray<Entry> chunk = chunk(slot / CHUNK);
            int at = slot % CHUNK;
            Entry entry = new Entry(number, request);
            Entry current = chunk.get(at);
            // Only a later entry may replace an earlier one: two appends a whole ring apart can race for a slot.
            while (current == null || current.number() < number) {
                if (chunk.compareAndSet(at, current, entry)) {
                    return;
                }
                current = chunk.get(at);
            }
        }

        private AtomicReferenceArray<Entry> chunk(int index) {
            AtomicReferenceArray<Entry> chunk = chunks.get(index);
            if (chunk != null) {
                return chunk;
            }
            AtomicReferenceArray<Entry> fresh = new AtomicReferenceArray<>(Math.min(CHUNK, capacity - index * CHUNK));
            AtomicReferenceArray<Entry> raced = chunks.compareAndExchange(index, null, fresh);
            return raced == null ? fresh : raced;
        }

        List<RecordedRequest> entries() {
            long end = appended.get();
            long start = Math.max(0, end - capacity);
            List<RecordedRequest> entries = new ArrayList<>((int) (end - start));
            for (long number = start; number < end; number++) {
                int slot = (int) (number % capacity);
                AtomicReferenceArray<Entry> chunk = chunks.get(slot / CHUNK);
                Entry entry = chunk == null ? null : chunk.get(slot % CHUNK);
                if (entry != null && entry.number() == number) {
                    entries.add(entry.request());
                }
            }
            return entries;
        }

        long evicted() {
            return Math.max(0, appended.get() - capacity);
        }

        int allocatedSlots() {
            int slots = 0;
            for (int i = 0; i < chunks.length(); i++) {
                AtomicReferenceArray<Entry> chunk = chunks.get(i);
                slots += chunk == null ? 0 : chunk.length();
            }
            return slots;
        }
    }
}
