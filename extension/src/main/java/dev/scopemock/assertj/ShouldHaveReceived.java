package dev.scopemock.assertj;

import dev.scopemock.engine.model.RecordedRequest;
import dev.scopemock.junit.RequestMatcher;
import dev.scopemock.junit.Times;
import dev.scopemock.junit.internal.NearMiss;
import dev.scopemock.junit.internal.Verifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.error.ErrorMessageFactory;

/** The failure texts of the scope verifications: received counts, nothing received, unmatched requests. */
final class ShouldHaveReceived {

    /** How many near misses a report shows. */
    static final int CLOSEST = 3;
    /** How many matching requests a report lists. */
    static final int LISTED = 10;

    private ShouldHaveReceived() {
    }

    /**
     * A wrong count.
     *
     * @param waited the time waited, or null when the check did not wait
     * @param tooFew whether more requests could still have satisfied the count (then near misses are shown)
     * @param diagnosis the unscoped requests that would have counted (see {@code Diagnosis}), or ""
     */
    static ErrorMessageFactory shouldHaveReceived(String scope, Times times, RequestMatcher expected, Duration waited,
                                                  List<RecordedRequest> all, List<RecordedRequest> matching,
                                                  boolean tooFew, String diagnosis) {
        String appendix = diagnosis.isEmpty() ? "" : "\n" + diagnosis;
        return new FailureMessage(() -> shouldHaveReceived(scope, times, expected, waited, all, matching, tooFew)
                + appendix);
    }

    private static String shouldHaveReceived(String scope, Times times, RequestMatcher expected, Duration waited,
                                             List<RecordedRequest> all, List<RecordedRequest> matching,
                                             boolean tooFew) {
        StringBuilder out = new StringBuilder("Expecting scope ").append(scope)
                .append(times.equals(Times.never()) ? " not to have received" : " to have received " + times)
                .append(waited == null ? "" : " within " + Layout.duration(waited))
                .append(":\n  ").append(expected).append('\n');
        if (all.isEmpty()) {
            return out.append("but it received 0 matching requests: the scope received no requests at all")
                    .append(" (a request counts only when it carries the scope header \"").append(scope)
                    .append("\")").toString();
        }
        List<RecordedRequest> others = new ArrayList<>(all);
        others.removeAll(matching);
        if (matching.isEmpty()) {
            out.append("but it received 0 matching requests. Closest recorded requests:");
            appendClosest(out, expected, others);
            return out.toString();
        }
        out.append("but it received ").append(matching.size())
                .append(matching.size() == 1 ? " matching request:" : " matching requests:");
        appendListed(out, matching);
        if (tooFew && !others.isEmpty()) {
            out.append("\nClosest other recorded requests:");
            appendClosest(out, expected, others);
        }
        return out.toString();
    }

    static ErrorMessageFactory shouldHaveReceivedNothing(String scope, List<RecordedRequest> all) {
        return new FailureMessage(() -> {
            StringBuilder out = new StringBuilder("Expecting scope ").append(scope)
                    .append(" to have received no requests\nbut it received ").append(all.size()).append(':');
            appendListed(out, all);
            return out.toString();
        });
    }

    static ErrorMessageFactory shouldHaveNoUnmatchedRequests(String scope, List<String[]> stubs,
                                                             List<RecordedRequest> unmatched) {
        return new FailureMessage(() -> NearMiss.unmatchedRequests(scope, stubs, unmatched));
    }

    private static void appendListed(StringBuilder out, List<RecordedRequest> requests) {
        for (RecordedRequest request : requests.subList(0, Math.min(LISTED, requests.size()))) {
            out.append("\n  ").append(Verifier.describe(request));
        }
        if (requests.size() > LISTED) {
            out.append("\n  (").append(requests.size() - LISTED).append(" more not shown)");
        }
    }

    private static void appendClosest(StringBuilder out, RequestMatcher expected, List<RecordedRequest> others) {
        List<NearMiss.Miss> closest = NearMiss.closest(Verifier.compile(expected.toWire()), others, CLOSEST);
        for (NearMiss.Miss miss : closest) {
            out.append("\n  ").append(Verifier.describe(miss.request()));
            for (String difference : miss.differences()) {
                out.append('\n').append(NearMiss.indent(difference, "    "));
            }
        }
        if (others.size() > closest.size()) {
            out.append("\n  (").append(others.size() - closest.size()).append(" more not shown)");
        }
    }
}
