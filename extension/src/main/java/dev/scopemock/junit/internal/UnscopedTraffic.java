package dev.scopemock.junit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The end-of-test verdict on unscoped traffic. A test whose scope received nothing at all while the engine received
 * unscoped requests its stubs would have answered fails when strict (its stubs were bypassed, so whatever it checked
 * ran against the wrong answers), and gets the report entry {@value #KEY} when not. In a scope that did receive
 * requests, the diagnosis of its idle stubs joins the other failures or the unused-stubs report.
 */
final class UnscopedTraffic {

    /** The report entry key of the diagnosis of a non-strict test. */
    static final String KEY = "scopemock.unscoped-requests";

    private UnscopedTraffic() {
    }

    /**
     * @param served the ids of the stubs that served a request of the scope
     * @return the diagnosis of the stubs that served nothing, or null when no unscoped request matches one
     */
    static String diagnose(TestScope scope, Set<String> served) {
        List<String[]> idle = new ArrayList<>();
        for (String[] stub : scope.mock().registeredStubs()) {
            if (!served.contains(stub[0])) {
                idle.add(stub);
            }
        }
        if (idle.isEmpty()) {
            return null;
        }
        return Diagnosis.ofStubs(scope.name(), idle, scope.mock().unscopedRequests()).orElse(null);
    }

    /**
     * @param silent whether the scope received no request at all
     * @param failures the end-of-test failures so far; the diagnosis is added to them
     */
    static void report(ExtensionContext context, TestScope scope, boolean silent, String diagnosis,
                       List<String> failures) {
        if (!silent) {
            if (!failures.isEmpty()) {
                failures.add(diagnosis);
            }
            return;
        }
        String text = "Expecting scope " + scope.name() + " to receive the requests its stubs answer, but it received"
                + " no requests at all.\n" + diagnosis;
        if (scope.config().strict()) {
            failures.add(text + "\n(" + scope.config().setting("strict", "false")
                    + " publishes this as the report entry " + KEY
                    + " instead of failing the test.)");
        } else {
            context.publishReportEntry(KEY, text);
        }
    }
}
