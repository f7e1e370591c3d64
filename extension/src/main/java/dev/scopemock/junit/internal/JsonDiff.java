package dev.scopemock.junit.internal;

import dev.scopemock.engine.criteria.Criterion;
import dev.scopemock.engine.criteria.CriterionException;
import dev.scopemock.engine.criteria.JsonValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lists where two JSON values differ, one line per differing member ({@code $.amount: expected 42 but was 41}),
 * so a failure names the member instead of showing two long documents that look alike.
 */
public final class JsonDiff {

    /** More lines than this are summarised, so a wrong document does not flood the report. */
    static final int MAX_LINES = 5;

    private JsonDiff() {
    }

    /**
     * The differences between an expected JSON value (which may contain criteria) and an actual one.
     *
     * @param expected the expected value, criteria allowed anywhere
     * @param actual the parsed actual value
     * @return one line per difference, empty when they match; at most {@value #MAX_LINES} plus a summary line
     */
    public static List<String> differences(Object expected, Object actual) {
        List<String> lines = new ArrayList<>();
        collect("$", expected, actual, lines);
        if (lines.size() > MAX_LINES) {
            int hidden = lines.size() - MAX_LINES;
            List<String> shown = new ArrayList<>(lines.subList(0, MAX_LINES));
            shown.add("(" + hidden + " more " + (hidden == 1 ? "difference" : "differences") + " not shown)");
            return shown;
        }
        return lines;
    }

    private static void collect(String path, Object expected, Object actual, List<String> lines) {
        if (expected instanceof Criterion criterion) {
            if (!test(criterion, actual)) {
                lines.add(path + ": expected " + VisibleText.wire(criterion) + " but was " + VisibleText.wire(actual));
            }
        } else if (expected instanceof Map<?, ?> expectedMap && actual instanceof Map<?, ?> actualMap) {
            for (Map.Entry<?, ?> entry : expectedMap.entrySet()) {
                String member = member(path, String.valueOf(entry.getKey()));
                if (!actualMap.containsKey(entry.getKey())) {
                    lines.add(member + ": expected " + VisibleText.wire(entry.getValue()) + " but was absent");
                } else {
                    collect(member, entry.getValue(), actualMap.get(entry.getKey()), lines);
                }
            }
            for (Map.Entry<?, ?> entry : actualMap.entrySet()) {
                if (!expectedMap.containsKey(entry.getKey())) {
                    lines.add(member(path, String.valueOf(entry.getKey())) + ": unexpected, was "
                            + VisibleText.wire(entry.getValue()));
                }
            }
        } else if (expected instanceof List<?> expectedList && actual instanceof List<?> actualList
                && expectedList.size() == actualList.size()) {
            for (int i = 0; i < expectedList.size(); i++) {
                collect(path + "[" + i + "]", expectedList.get(i), actualList.get(i), lines);
            }
        } else if (!test(expected, actual)) {
            lines.add(path + ": expected " + VisibleText.wire(expected) + " but was " + VisibleText.wire(actual));
        }
    }

    private static boolean test(Object expected, Object actual) {
        try {
            return JsonValues.matches(expected, actual);
        } catch (CriterionException notEvaluable) {
            return false;
        }
    }

    private static String member(String path, String key) {
        return key.matches("[A-Za-z_][A-Za-z0-9_]*") ? path + "." + key : path + "[" + VisibleText.wire(key) + "]";
    }
}
