package dev.scopemock.junit.internal;

import dev.scopemock.engine.model.RecordedRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.AssertionFailedError;

/**
 * The end-of-test checks: requests of the test's scope that matched no stub fail the test (when strict); stubs
 * that were never called are reported, or fail the test when configured.
 */
final class StrictnessCheck {

    private StrictnessCheck() {
    }

    static void run(ExtensionContext context, TestScope scope) {
        List<RecordedRequest> unmatched = new ArrayList<>();
        for (RecordedRequest request : scope.engine().scopeRequests(scope.name())) {
            if (request.matchedStubId() == null) {
                unmatched.add(request);
            }
        }
        List<String> unused = new ArrayList<>();
        for (String[] stub : scope.mock().registeredStubs()) {
            if (scope.engine().callCount(scope.name(), stub[0]) == 0) {
                unused.add(stub[1] != null ? "\"" + stub[1] + "\" (" + stub[2] + ")" : stub[2]);
            }
        }
        if (!unused.isEmpty()) {
            String report = "Stubs never called in scope " + scope.name() + ":\n  " + String.join("\n  ", unused);
            if (scope.config().failOnUnusedStubs()) {
                throw new AssertionFailedError(report);
            }
            context.publishReportEntry("scopemock.unused-stubs", report);
        }
        if (scope.config().strict() && !unmatched.isEmpty()) {
            throw new AssertionFailedError(NearMiss.unmatchedReport(scope, unmatched));
        }
    }
}
