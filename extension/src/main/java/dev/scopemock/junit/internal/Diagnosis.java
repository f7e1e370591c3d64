package dev.scopemock.junit.internal;

import dev.scopemock.engine.internal.match.MatchSubject;
import dev.scopemock.engine.internal.match.RequestEvaluator;
import dev.scopemock.engine.model.RecordedRequest;
import dev.scopemock.engine.model.RequestMatcher;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

/**
 * Explains a scope that missed its traffic: the global (unscoped) requests the engine recorded during the test that
 * the test's stubs or verification would have matched, with the three ways to get them into the scope. Only
 * requests matching this test's own stubs or matcher are named, so a parallel neighbour's unrelated unscoped
 * traffic is never blamed.
 */
public final class Diagnosis {

    /** How many unscoped requests a diagnosis lists. */
    static final int LISTED = 5;
    /** Counts above this are not searched for one a verification would accept. */
    private static final int SEARCH_LIMIT = 10_000;

    private Diagnosis() {
    }

    /**
     * For a failed verification: the unscoped requests {@code matcher} accepts, each with the first of the test's
     * stubs that would have answered it.
     *
     * @param scope the scope name (the header the requests lacked)
     * @param matcher the verification's matcher over requests
     * @param stubs the test's stubs as {@code ScopedMock.registeredStubs()} lists them
     * @param unscoped the global requests recorded during the test
     * @return the diagnosis, empty when no unscoped request matches
     */
    public static Optional<String> ofVerification(String scope, Predicate<RecordedRequest> matcher,
                                                  List<String[]> stubs, List<RecordedRequest> unscoped) {
        List<String[]> rows = new ArrayList<>();
        for (RecordedRequest request : unscoped) {
            if (matcher.test(request)) {
                String[] stub = firstMatchingStub(stubs, request);
                String answeredBy = stub == null ? null : StrictnessCheck.describe(stub);
                rows.add(new String[] {Verifier.describe(request), answeredBy});
            }
        }
        return render(scope, "the verification", rows);
    }

    /**
     * For a named stub that served too few requests: the unscoped requests it would have answered.
     *
     * @param scope the scope name
     * @param stub the stub's {@code registeredStubs()} row
     * @param unscoped the global requests recorded during the test
     * @return the diagnosis, empty when it would have answered none
     */
    public static Optional<String> ofStub(String scope, String[] stub, List<RecordedRequest> unscoped) {
        RequestMatcher matcher = NearMiss.matcherOf(stub[3]);
        List<String[]> rows = new ArrayList<>();
        for (RecordedRequest request : unscoped) {
            if (matcher != null && answers(matcher, request)) {
                rows.add(new String[] {Verifier.describe(request), null});
            }
        }
        String name = stub[1] == null ? "the stub " + StrictnessCheck.describe(stub) : "stub \"" + stub[1] + "\"";
        return render(scope, name, rows);
    }

    /**
     * For the end-of-test check: the unscoped requests one of {@code stubs} would have answered, each with that stub.
     *
     * @param scope the scope name
     * @param stubs the stubs in question (those that served nothing)
     * @param unscoped the global requests recorded during the test
     * @return the diagnosis, empty when none of the stubs would have answered one
     */
    public static Optional<String> ofStubs(String scope, Collection<String[]> stubs, List<RecordedRequest> unscoped) {
        List<String[]> rows = new ArrayList<>();
        for (RecordedRequest request : unscoped) {
            String[] stub = firstMatchingStub(stubs, request);
            if (stub != null) {
                rows.add(new String[] {Verifier.describe(request), StrictnessCheck.describe(stub)});
            }
        }
        return render(scope, "a stub of this test", rows);
    }

    /**
     * Whether a count that {@code accepts} rejects was too low, so more requests in the scope could have satisfied
     * it (the case in which unscoped requests are worth naming).
     *
     * @param accepts the expected count
     * @param count the count found
     * @return true when some higher count is accepted
     */
    public static boolean tooFew(IntPredicate accepts, int count) {
        for (int more = count + 1; more <= count + SEARCH_LIMIT; more++) {
            if (accepts.test(more)) {
                return true;
            }
        }
        return false;
    }

    private static String[] firstMatchingStub(Collection<String[]> stubs, RecordedRequest request) {
        for (String[] stub : stubs) {
            RequestMatcher matcher = NearMiss.matcherOf(stub[3]);
            if (matcher != null && answers(matcher, request)) {
                return stub;
            }
        }
        return null;
    }

    private static boolean answers(RequestMatcher matcher, RecordedRequest request) {
        return RequestEvaluator.matchStub(matcher, new MatchSubject(request)) != null;
    }

    /** @param rows per request: its description and the stub that would have answered it (or null) */
    private static Optional<String> render(String scope, String matcher, List<String[]> rows) {
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        boolean one = rows.size() == 1;
        StringBuilder out = new StringBuilder("During this test the engine received ").append(rows.size())
                .append(one ? " request" : " requests").append(" without a scope header that ").append(matcher)
                .append(" would have matched:");
        for (String[] row : rows.subList(0, Math.min(LISTED, rows.size()))) {
            out.append("\n  ").append(row[0]);
            if (row[1] != null) {
                out.append("\n    would have matched stub: ").append(row[1]);
            }
        }
        if (rows.size() > LISTED) {
            out.append("\n  (").append(rows.size() - LISTED).append(" more not shown)");
        }
        return Optional.of(out.append('\n').append(fixes(scope, one)).toString());
    }

    /** The likely cause and the three fixes. */
    static String fixes(String scope, boolean one) {
        return "Likely cause: the system under test did not send the scope header \"" + scope + "\", so the engine"
                + " recorded " + (one ? "it" : "them") + " outside this test's scope. Fix one of:\n"
                + "  - forward the header on every call to the mock: " + scope + ": 1 (name and value from"
                + " mock.scopeHeader())\n"
                + "  - isolate without a header: @MockServer(isolation = Isolation.PORT) or"
                + " @MockServer(isolation = Isolation.PATH_PREFIX), and hand mock.baseUrl() to the system under test\n"
                + "  - let the scope-propagation agent add the header: @MockServer(propagateScope = true)";
    }
}
