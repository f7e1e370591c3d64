package dev.scopemock.junit.internal;

import dev.scopemock.engine.model.RecordedRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Finds the test's {@code on_exhausted: fail} sequences that were called more often than they have responses. */
final class SequenceCheck {

    private SequenceCheck() {
    }

    /**
     * @param stubs the test's {@code registeredStubs()} rows (id, name, origin, payload)
     * @param journal the scope's requests
     * @return one message per exhausted sequence, empty when none
     */
    static List<String> exhausted(List<String[]> stubs, List<RecordedRequest> journal) {
        Map<String, Integer> calls = new HashMap<>();
        for (RecordedRequest request : journal) {
            if (request.matchedStubId() != null) {
                calls.merge(request.matchedStubId(), 1, Integer::sum);
            }
        }
        List<String> failures = new ArrayList<>();
        for (String[] stub : stubs) {
            Object action = Verifier.parseObject(stub[3]).get("action");
            if (!(action instanceof Map<?, ?> actionMap) || !(actionMap.get("sequence") instanceof Map<?, ?> sequence)
                    || !"fail".equals(sequence.get("on_exhausted"))) {
                continue;
            }
            int expected = ((List<?>) sequence.get("responses")).size();
            int made = calls.getOrDefault(stub[0], 0);
            if (made > expected) {
                failures.add("Sequence exhausted: stub " + StrictnessCheck.describe(stub) + " (id " + stub[0]
                        + ") expected at most " + expected + " call" + (expected == 1 ? "" : "s") + " (one per"
                        + " response, on_exhausted = FAIL) but " + made + " were made; "
                        + (made == expected + 1 ? "call " + made + " was" : "calls " + (expected + 1) + " to " + made
                        + " were") + " answered 500 SEQUENCE_EXHAUSTED. Fix: add responses to the"
                        + " sequence, or choose Exhausted.REPEAT_LAST or Exhausted.CYCLE.");
            }
        }
        return failures;
    }
}
