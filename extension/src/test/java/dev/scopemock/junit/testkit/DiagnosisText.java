package dev.scopemock.junit.testkit;

/**
 * The fixed closing lines of an unscoped-traffic diagnosis, written out here (not taken from the production code)
 * so a change of the wording fails the tests that assert whole messages.
 */
public final class DiagnosisText {

    private DiagnosisText() {
    }

    /**
     * @param scope the scope name
     * @param one whether the diagnosis names one request
     * @return the likely cause and the three fixes
     */
    public static String fixes(String scope, boolean one) {
        return "Likely cause: the system under test did not send the scope header \"" + scope + "\", so the engine"
                + " recorded " + (one ? "it" : "them") + " outside this test's scope. Fix one of:\n"
                + "  - forward the header on every call to the mock: " + scope + ": 1 (name and value from"
                + " mock.scopeHeader())\n"
                + "  - isolate without a header: @MockServer(isolation = Isolation.PORT) or"
                + " @MockServer(isolation = Isolation.PATH_PREFIX), and hand mock.baseUrl() to the system under test\n"
                + "  - let the scope-propagation agent add the header: @MockServer(propagateScope = true)";
    }
}
