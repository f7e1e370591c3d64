package dev.scopemock.engine.internal.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopemock.engine.model.RecordedRequest;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ring buffer: arrival order across growth and wrap-around, eviction count, lazy allocation. */
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

        assertThat(journal.allocatedSlots()).isEqualTo(16);
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

    private static RecordedRequest request(long sequence) {
        return new RecordedRequest(sequence, Instant.EPOCH, "GET", "/r" + sequence, "", Map.of(), Map.of(),
                new byte[0], "localhost", null, null, Map.of(), "HTTP/1.1");
    }
}
