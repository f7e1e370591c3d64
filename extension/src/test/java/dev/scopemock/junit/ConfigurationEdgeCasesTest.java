package dev.scopemock.junit;

import static dev.scopemock.junit.testkit.TestKit.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scopemock.annotations.Stub;
import dev.scopemock.junit.testkit.Fixture;
import dev.scopemock.junit.testkit.Http;
import dev.scopemock.junit.testkit.TestKit;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Configuration that users compose: meta-annotations, inherited stubs, instances shared by concurrent tests. */
class ConfigurationEdgeCasesTest {

    @Test
    void readsTheSettingsOfAComposedAnnotation() {
        EngineExecutionResults results = TestKit.fixtures().run(ComposedTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Test
    void appliesStubsDeclaredOnASuperclass() {
        EngineExecutionResults results = TestKit.fixtures().run(InheritingTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Test
    void refusesAFieldSharedByConcurrentTestsOfOneInstance() {
        EngineExecutionResults results = TestKit.fixtures().parallel(4).run(SharedInstanceTestCase.class);

        assertThat(failureOf(results, "usesTheField()")).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("ScopedMock field [dev.scopemock.junit.ScopedMock dev.scopemock.junit"
                        + ".ConfigurationEdgeCasesTest$SharedInstanceTestCase.mock] is shared by concurrent tests:"
                        + " the class uses @TestInstance(PER_CLASS) and runs its tests concurrently, so each test"
                        + " would overwrite the others' mock. Fix: take the mock as a test-method parameter"
                        + " (void test(ScopedMock mock)), or run the class with @Execution(SAME_THREAD).");
    }

    /** A team's own annotation that carries @MockServer with settings. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @MockServer(strict = false)
    @interface LenientMockServer {
    }

    @LenientMockServer
    @Fixture
    static class ComposedTestCase {

        @Test
        void sendsAnUnmatchedRequest(ScopedMock mock) {
            assertThat(Http.send(mock, "GET", "/not-stubbed", null).statusCode()).isEqualTo(404);
        }
    }

    @Stub(path = "/inherited", body = "from the superclass")
    abstract static class BaseTestCase {
    }

    @MockServer
    @Fixture
    static class InheritingTestCase extends BaseTestCase {

        @Test
        void seesTheSuperclassStub(ScopedMock mock) {
            assertThat(Http.get(mock, "/inherited")).isEqualTo("from the superclass");
        }
    }

    @MockServer
    @Fixture
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @Execution(ExecutionMode.CONCURRENT)
    static class SharedInstanceTestCase {

        ScopedMock mock;

        @Test
        void usesTheField() {
            assertThat(mock).isNotNull();
        }
    }
}
