package dev.scopemock.junit.testkit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Runs {@link Fixture} classes through the JUnit Platform test kit (Jupiter engine, no implicit configuration
 * from system properties or files) and reads their outcome.
 */
public final class TestKit {

    private final Map<String, String> parameters = new LinkedHashMap<>();

    private TestKit() {
        parameters.put(Fixture.ENABLED, "true");
    }

    /** A run with only the fixture switch set. */
    public static TestKit fixtures() {
        return new TestKit();
    }

    /** A run against a remote engine ({@code scopemock.url}). */
    public static TestKit remote(String url) {
        return new TestKit().with("scopemock.url", url);
    }

    public TestKit with(String key, String value) {
        parameters.put(key, value);
        return this;
    }

    /** Concurrent execution of classes and methods on {@code threads} threads. */
    public TestKit parallel(int threads) {
        return with("junit.jupiter.execution.parallel.enabled", "true")
                .with("junit.jupiter.execution.parallel.mode.default", "concurrent")
                .with("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
                .with("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .with("junit.jupiter.execution.parallel.config.fixed.parallelism", String.valueOf(threads));
    }

    public EngineExecutionResults run(Class<?>... fixtures) {
        List<DiscoverySelector> selectors = new ArrayList<>();
        for (Class<?> fixture : fixtures) {
            selectors.add(selectClass(fixture));
        }
        return EngineTestKit.engine("junit-jupiter")
                .enableImplicitConfigurationParameters(false)
                .configurationParameters(parameters)
                .selectors(selectors)
                .execute();
    }

    /** The values of the report entries with that key, in publication order. */
    public static List<String> reported(EngineExecutionResults results, String key) {
        return results.allEvents().reportingEntryPublished().stream()
                .map(event -> event.getRequiredPayload(ReportEntry.class).getKeyValuePairs().get(key))
                .filter(value -> value != null)
                .collect(Collectors.toList());
    }

    /** The values reported with that key by the test (or container) whose display name is {@code test}. */
    public static List<String> reported(EngineExecutionResults results, String test, String key) {
        return results.allEvents().reportingEntryPublished().stream()
                .filter(event -> event.getTestDescriptor().getDisplayName().equals(test))
                .map(event -> event.getRequiredPayload(ReportEntry.class).getKeyValuePairs().get(key))
                .filter(value -> value != null)
                .collect(Collectors.toList());
    }

    /** The failure of the test (or container) with that display name. */
    public static Throwable failureOf(EngineExecutionResults results, String displayName) {
        List<Throwable> failures = results.allEvents().failed().stream()
                .filter(event -> event.getTestDescriptor().getDisplayName().equals(displayName))
                .map(TestKit::throwable)
                .collect(Collectors.toList());
        if (failures.size() != 1) {
            throw new AssertionError("expected one failure of " + displayName + ", found " + failures.size() + ": "
                    + describe(results));
        }
        return failures.get(0);
    }

    /** Display names of the tests that failed, with their messages, for diagnosing a failed expectation. */
    public static String describe(EngineExecutionResults results) {
        return results.allEvents().failed().stream()
                .map(event -> event.getTestDescriptor().getDisplayName() + " -> " + throwable(event))
                .collect(Collectors.joining("\n"));
    }

    private static Throwable throwable(Event event) {
        return event.getRequiredPayload(TestExecutionResult.class).getThrowable()
                .orElseThrow(() -> new AssertionError("no throwable in " + event));
    }
}
