package dev.scopemock.assertj;

import dev.scopemock.engine.internal.match.MatchSubject;
import dev.scopemock.engine.internal.match.RequestEvaluator;
import dev.scopemock.engine.model.RecordedRequest;
import dev.scopemock.junit.RequestMatcher;
import dev.scopemock.junit.ScopedMock;
import dev.scopemock.junit.Times;
import dev.scopemock.junit.internal.Diagnosis;
import dev.scopemock.junit.internal.Verifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.assertj.core.api.AssertionInfo;

/**
 * The checks behind {@link ScopedMockAssert}: counts over the scope's own requests, optionally waiting for the
 * count to be reached, woken by the engine's request events.
 */
final class ReceptionChecks {

    /** Counts above this are not searched for the smallest count a {@link Times} accepts. */
    private static final int SEARCH_LIMIT = 10_000;

    private ReceptionChecks() {
    }

    static void received(AssertionInfo info, ScopedMock mock, Times times, RequestMatcher request, Duration wait) {
        Objects.requireNonNull(times, "times");
        Objects.requireNonNull(request, "request");
        dev.scopemock.engine.model.RequestMatcher compiled = Verifier.compile(request.toWire());
        Predicate<RecordedRequest> matches = r -> RequestEvaluator.matchesAssertion(compiled, new MatchSubject(r));
        List<RecordedRequest> all = mock.requests();
        List<RecordedRequest> matching = filter(all, matches);
        if (times.isSatisfiedBy(matching.size())) {
            return;
        }
        int enough = smallestAccepted(times);
        Duration waited = null;
        if (!wait.isZero() && enough > matching.size()) {
            waited = wait;
            Set<Long> seen = ConcurrentHashMap.newKeySet();
            mock.awaitRecorded(r -> {
                if (!matches.test(r)) {
                    return false;
                }
                seen.add(r.sequence());
                return times.isSatisfiedBy(seen.size()) || seen.size() >= enough;
            }, wait);
            all = mock.requests();
            matching = filter(all, matches);
        }
        int count = matching.size();
        if (!times.isSatisfiedBy(count)) {
            String diagnosis = enough > count ? unscopedDiagnosis(mock, matches) : "";
            throw RequestChecks.failure(info, ShouldHaveReceived.shouldHaveReceived(mock.scopeName(), times, request,
                    waited, all, matching, enough > count, diagnosis), Layout.times(count), times.toString());
        }
    }

    /** The unscoped requests of the test that the verification would have counted, or "" when there are none. */
    private static String unscopedDiagnosis(ScopedMock mock, Predicate<RecordedRequest> matches) {
        return Diagnosis.ofVerification(mock.scopeName(), matches, mock.registeredStubs(), mock.unscopedRequests())
                .orElse("");
    }

    static void receivedNothing(AssertionInfo info, ScopedMock mock) {
        List<RecordedRequest> all = mock.requests();
        if (!all.isEmpty()) {
            throw RequestChecks.failure(info, ShouldHaveReceived.shouldHaveReceivedNothing(mock.scopeName(), all),
                    all.size(), 0);
        }
    }

    static void hasNoUnmatchedRequests(AssertionInfo info, ScopedMock mock) {
        List<RecordedRequest> unmatched = filter(mock.requests(), r -> r.matchedStubId() == null);
        if (!unmatched.isEmpty()) {
            throw RequestChecks.failure(info, ShouldHaveReceived.shouldHaveNoUnmatchedRequests(mock.scopeName(),
                    mock.registeredStubs(), unmatched), unmatched.size(), 0);
        }
    }

    /** The smallest count {@code times} accepts: waiting stops there (satisfied, or past an exact count). */
    static int smallestAccepted(Times times) {
        for (int count = 0; count <= SEARCH_LIMIT; count++) {
            if (times.isSatisfiedBy(count)) {
                return count;
            }
        }
        return Integer.MAX_VALUE;
    }

    private static List<RecordedRequest> filter(List<RecordedRequest> requests, Predicate<RecordedRequest> keep) {
        List<RecordedRequest> kept = new ArrayList<>();
        for (RecordedRequest request : requests) {
            if (keep.test(request)) {
                kept.add(request);
            }
        }
        return kept;
    }
}
