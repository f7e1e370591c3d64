package dev.scopemock.junit.internal;

import dev.scopemock.engine.criteria.JsonValues;
import dev.scopemock.engine.model.RecordedRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.AssertionFailedError;

/**
 * The end-of-test checks over the scope's whole journal (unaffected by {@code clearRequests()}): requests that
 * matched no stub fail the test (when strict); stubs that served no request are published as the report entry
 * {@value #UNUSED_KEY}, or fail the test when configured; unscoped requests those stubs would have answered are
 * diagnosed by {@link UnscopedTraffic}.
 */
final class StrictnessCheck {

    /** The report entry key of the unused-stubs warning. */
    static final String UNUSED_KEY = "scopemock.unused-stubs";

    private StrictnessCheck() {
    }

    /**
     * @param checkUnused whether stubs that served nothing are reported (or fail the test)
     */
    static void run(ExtensionContext context, TestScope scope, boolean checkUnused) {
        List<RecordedRequest> journal = scope.engine().scopeRequests(scope.name());
        List<RecordedRequest> unmatched = new ArrayList<>();
        Set<String> served = new HashSet<>();
        for (RecordedRequest request : journal) {
            if (request.matchedStubId() == null) {
                unmatched.add(request);
            } else {
                served.add(request.matchedStubId());
            }
        }
        List<String> failures = new ArrayList<>(SequenceCheck.exhausted(scope.mock().registeredStubs(), journal));
        if (scope.config().strict() && !unmatched.isEmpty()) {
            failures.add(NearMiss.unmatchedReport(scope, unmatched));
        }
        String unused = checkUnused ? unusedReport(scope, served) : null;
        boolean silent = checkUnused && journal.isEmpty();
        String diagnosis = silent || !failures.isEmpty() || unused != null
                ? UnscopedTraffic.diagnose(scope, served) : null;
        if (unused != null) {
            if (scope.config().failOnUnusedStubs()) {
                failures.add(unused + "\n(" + scope.config().setting("failOnUnusedStubs", "true")
                        + " makes this a failure. Fix: remove the stubs the test does not need.)");
            } else {
                context.publishReportEntry(UNUSED_KEY, unused + (diagnosis == null || silent ? "" : "\n" + diagnosis));
            }
        }
        if (diagnosis != null) {
            UnscopedTraffic.report(context, scope, silent, diagnosis, failures);
        }
        if (!failures.isEmpty()) {
            throw new AssertionFailedError(String.join("\n\n", failures));
        }
    }

    private static String unusedReport(TestScope scope, Set<String> served) {
        List<String> unused = new ArrayList<>();
        for (String[] stub : scope.mock().registeredStubs()) {
            if (!served.contains(stub[0])) {
                unused.add(describe(stub));
            }
        }
        if (unused.isEmpty()) {
            return null;
        }
        return "Stubs never called in scope " + scope.name() + ":\n  " + String.join("\n  ", unused);
    }

    /** {@code registeredStubs()} row: id, name, origin ("fluent" for the fluent API), payload. */
    static String describe(String[] stub) {
        String name = stub[1] == null ? "" : "\"" + stub[1] + "\" ";
        if (!"fluent".equals(stub[2])) {
            return stub[2];
        }
        return name + "whenRequestedWith " + JsonValues.toJson(Verifier.parseObject(stub[3]).get("request"));
    }
}
