package dev.scopemock.junit;

import static dev.scopemock.junit.testkit.TestKit.describe;
import static dev.scopemock.junit.testkit.TestKit.failureOf;
import static dev.scopemock.junit.testkit.TestKit.reported;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.scopemock.junit.testkit.Fixture;
import dev.scopemock.junit.testkit.TestKit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Where a {@link ScopedMock} is injected, and the exact messages where it cannot be. */
class InjectionTest {

    @Test
    void injectsTheSameMockIntoTheTestAndItsLifecycleMethods() {
        EngineExecutionResults results = TestKit.fixtures().run(ParametersTestCase.class);

        assertThat(describe(results)).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        String scope = reported(results, "test").get(0);
        assertThat(reported(results, "before-each")).containsExactly(scope);
        assertThat(reported(results, "after-each")).containsExactly(scope);
    }

    @Test
    void injectsInstanceFieldsIncludingInheritedAndEnclosingOnes() {
        EngineExecutionResults results = TestKit.fixtures().run(FieldsTestCase.class);

        assertThat(describe(results)).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
    }

    @Test
    void rejectsAParameterOfABeforeAllMethod() {
        EngineExecutionResults results = TestKit.fixtures().run(BeforeAllParameterTestCase.class);

        assertThat(failureOf(results, "InjectionTest$BeforeAllParameterTestCase"))
                .isInstanceOf(ParameterResolutionException.class)
                .hasMessage("ScopedMock parameter #0 of @BeforeAll method [static void"
                        + " dev.scopemock.junit.InjectionTest$BeforeAllParameterTestCase.startAll("
                        + "dev.scopemock.junit.ScopedMock)] cannot be resolved: a ScopedMock belongs to one test and"
                        + " is injected into @Test, @BeforeEach and @AfterEach methods and fields only. Fix: move the"
                        + " parameter to a @BeforeEach method or to the test method.");
        results.testEvents().assertStatistics(stats -> stats.started(0));
    }

    @Test
    void rejectsAConstructorParameter() {
        EngineExecutionResults results = TestKit.fixtures().run(ConstructorParameterTestCase.class);

        assertThat(failureOf(results, "test()")).isInstanceOf(ParameterResolutionException.class)
                .hasMessage("ScopedMock parameter #0 of constructor [dev.scopemock.junit.InjectionTest$"
                        + "ConstructorParameterTestCase(dev.scopemock.junit.ScopedMock)] cannot be resolved: a"
                        + " ScopedMock belongs to one test and is injected into @Test, @BeforeEach and @AfterEach"
                        + " methods and fields only. Fix: move the parameter to a @BeforeEach method or to the test"
                        + " method.");
    }

    @Test
    void rejectsAFinalField() {
        EngineExecutionResults results = TestKit.fixtures().run(FinalFieldTestCase.class);

        assertThat(failureOf(results, "test()")).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("ScopedMock field [private final dev.scopemock.junit.ScopedMock"
                        + " dev.scopemock.junit.InjectionTest$FinalFieldTestCase.mock] must not be final; found a"
                        + " final field. Fix: remove the 'final' modifier so the extension can inject each test's"
                        + " mock.");
    }

    @Test
    void rejectsAStaticField() {
        EngineExecutionResults results = TestKit.fixtures().run(StaticFieldTestCase.class);

        assertThat(failureOf(results, "test()")).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("ScopedMock field [static dev.scopemock.junit.ScopedMock"
                        + " dev.scopemock.junit.InjectionTest$StaticFieldTestCase.shared] must not be static; found a"
                        + " static field, which concurrent tests would share. Fix: make it an instance field.");
    }

    @MockServer
    @Fixture
    static class ParametersTestCase {

        private ScopedMock fromBeforeEach;

        @BeforeEach
        void beforeEach(ScopedMock mock, TestReporter reporter) {
            fromBeforeEach = mock;
            reporter.publishEntry("before-each", mock.scopeName());
        }

        @Test
        void test(ScopedMock mock, TestReporter reporter) {
            assertSame(fromBeforeEach, mock);
            reporter.publishEntry("test", mock.scopeName());
        }

        @AfterEach
        void afterEach(ScopedMock mock, TestReporter reporter) {
            assertSame(fromBeforeEach, mock);
            reporter.publishEntry("after-each", mock.scopeName());
        }
    }

    abstract static class WithInheritedField {
        protected ScopedMock inherited;
    }

    @MockServer
    @Fixture
    static class FieldsTestCase extends WithInheritedField {

        private ScopedMock mock;

        @Test
        void test(ScopedMock parameter) {
            assertNotNull(parameter);
            assertSame(parameter, mock);
            assertSame(parameter, inherited);
        }

        @Nested
        class Inner {

            ScopedMock innerMock;

            @Test
            void nested(ScopedMock parameter) {
                assertSame(parameter, innerMock);
                assertSame(parameter, mock, "the enclosing instance's field holds the nested test's mock");
                assertSame(parameter, inherited);
            }
        }
    }

    @MockServer
    @Fixture
    static class BeforeAllParameterTestCase {

        @BeforeAll
        static void startAll(ScopedMock mock) {
        }

        @Test
        void test() {
        }
    }

    @MockServer
    @Fixture
    static class ConstructorParameterTestCase {

        ConstructorParameterTestCase(ScopedMock mock) {
        }

        @Test
        void test() {
        }
    }

    @MockServer
    @Fixture
    static class FinalFieldTestCase {

        private final ScopedMock mock = null;

        @Test
        void test() {
        }
    }

    @MockServer
    @Fixture
    static class StaticFieldTestCase {

        static ScopedMock shared;

        @Test
        void test() {
        }
    }
}
