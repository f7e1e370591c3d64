package dev.scopemock.engine.internal.journal;

import dev.scopemock.engine.model.RecordedRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Merges several scopes' logs into one list in arrival order. */
public final class JournalMerge {

    private JournalMerge() {
    }

    public static List<RecordedRequest> inArrivalOrder(List<List<RecordedRequest>> logs) {
        if (logs.size() == 1) {
            return logs.get(0);
        }
        List<RecordedRequest> all = new ArrayList<>();
        logs.forEach(all::addAll);
        all.sort(Comparator.comparingLong(RecordedRequest::sequence));
        return all;
    }
}
