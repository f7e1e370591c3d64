package dev.scopemock.engine.internal.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopemock.engine.model.RecordedRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The ring buffer: arrival order across growth and wrap-around, eviction count, lazy allocation, and concurrent appends
 * and snapshots without a lock.
 */
class ScopeJournalTest {

    @Test
    void keepsArrivalOrderWhileGrowingAndEvictsTheOldestAtCapacity() {
        ScopeJournal journal = new ScopeJournal(40);

        for (int i = 1; i <= 100; i++) {
            journal.append(request(i));
        }

        assertThat(journal.snapshot()).extracting(RecordedRequest::sequence)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(61, 100).boxed().toList());
        assertThat(journal.evicted()).isEqualTo(60);
        assertThat(journal.allocatedSlots()).isEqualTo(40);
    }

    @Test
    void allocatesSmallUntilRequestsArrive() {
        ScopeJournal journal = new ScopeJournal(10_000);

        journal.append(request(1));

        assertThat(journal.allocatedSlots()).isEqualTo(ScopeJournal.CHUNK);
        assertThat(journal.snapshot()).extracting(RecordedRequest::sequence).containsExactly(1L);
    }

    @Test
    void clearEmptiesAndResetsTheEvictionCount() {
        ScopeJournal journal = new ScopeJournal(2);
        journal.append(request(1));
        journal.append(request(2));
        journal.append(request(3));

        journal.clear();
        journal.append(request(4));

        assertThat(journal.snapshot()).extracting(RecordedRequest::sequence).containsExactly(4L);
        assertThat(journal.evicted()).isZero();
    }

    @Test
    void neverLetsAnAppendThatFinishesLateReplaceALaterOne() {
        ScopeJournal journal = new ScopeJournal(1);
        long earlier = journal.reserve();
        long later = journal.reserve();

        journal.put(later, request(2));
        journal.put(earlier, request(1));

        assertThat(journal.snapshot()).extracting(RecordedRequest::sequence).containsExactly(2L);
        assertThat(journal.evicted()).isEqualTo(1);
    }

    @Test
    void leavesOutAnAppendStillBeingWrittenAndSortsItInOnceWritten() {
        ScopeJournal journal = new ScopeJournal(10);
        long slow = journal.reserve();
        journal.append(request(2));

        List<RecordedRequest> during = journal.snapshot();
        journal.put(slow, request(1));

        assertThat(during).extracting(RecordedRequest::sequence).containsExactly(2L);
        assertThat(journal.snapshot()).extracting(RecordedRequest::sequence).containsExactly(1L, 2L);
    }

    @Test
    void keepsEveryConcurrentAppendInSequenceOrderWhenTheyFit() throws Exception {
        ScopeJournal journal = new ScopeJournal(100_000);

        List<Long> appended = appendConcurrently(journal, 4, 5_000);

        assertThat(journal.snapshot()).extracting(RecordedRequest::sequence)
                .containsExactlyElementsOf(appended.stream().sorted().toList());
        assertThat(journal.evicted()).isZero();
    }

    @Test
    void staysWithinItsBoundUnderConcurrentAppendsAndCountsWhatItEvicted() throws Exception {
        ScopeJournal journal = new ScopeJournal(1_000);

        List<Long> appended = appendConcurrently(journal, 4, 5_000);

        List<Long> kept = journal.snapshot().stream().map(RecordedRequest::sequence).toList();
        assertThat(kept).hasSize(1_000).isSorted().doesNotHaveDuplicates();
        assertThat(appended).containsAll(kept);
        assertThat(journal.evicted()).isEqualTo(19_000);
    }

    @Test
    void keepsTheLatestEntryOfATinyJournalUnderConcurrentAppends() throws Exception {
        ScopeJournal journal = new ScopeJournal(1);

        List<Long> appended = appendConcurrently(journal, 4, 5_000);

        assertThat(journal.snapshot()).extracting(RecordedRequest::sequence).hasSize(1)
                .allSatisfy(kept -> assertThat(appended).contains(kept));
        assertThat(journal.evicted()).isEqualTo(19_999);
    }

    @Test
    void givesSortedBoundedSnapshotsWhileRequestsArrive() throws Exception {
        ScopeJournal journal = new ScopeJournal(500);
        List<List<RecordedRequest>> snapshots = new CopyOnWriteArrayList<>();
        AtomicBoolean appending = new AtomicBoolean(true);
        Thread reader = new Thread(() -> {
            while (appending.get()) {
                snapshots.add(journal.snapshot());
            }
        });

        reader.start();
        appendConcurrently(journal, 3, 5_000);
        appending.set(false);
        reader.join(10_000);

        assertThat(snapshots).isNotEmpty().allSatisfy(snapshot -> assertThat(snapshot)
                .extracting(RecordedRequest::sequence).hasSizeLessThanOrEqualTo(500).isSorted()
                .doesNotHaveDuplicates());
    }

    /** Appends {@code each} requests from each of {@code threads} threads at once; returns their sequences. */
    private static List<Long> appendConcurrently(ScopeJournal journal, int threads, int each) throws Exception {
        AtomicLong sequence = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        List<Long> appended = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    start.await();
                    List<Long> mine = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        long next = sequence.incrementAndGet();
                        journal.append(request(next));
                        mine.add(next);
                    }
                    appended.addAll(mine);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        return appended;
    }

    private static RecordedRequest request(long sequence) {
        return new RecordedRequest(sequence, Instant.EPOCH, "GET", "/r" + sequence, "", Map.of(), Map.of(),
                new byte[0], "localhost", null, null, Map.of(), "HTTP/1.1");
    }
}
