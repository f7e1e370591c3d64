package dev.scopemock.junit.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Marks a static nested {@code …TestCase} class as a fixture: it runs only inside {@link TestKit#run}, which sets
 * {@value #ENABLED}; picked up by a normal test run it is reported as skipped.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(Fixture.OnlyInTestKit.class)
public @interface Fixture {

    /** The configuration parameter {@link TestKit} sets. */
    String ENABLED = "scopemock.test.fixtures";

    /** Disables fixtures outside the test kit. */
    final class OnlyInTestKit implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getConfigurationParameter(ENABLED).filter("true"::equals).isPresent()
                    ? ConditionEvaluationResult.enabled("run by the test kit")
                    : ConditionEvaluationResult.disabled("a fixture; runs only through the JUnit Platform test kit");
        }
    }
}
