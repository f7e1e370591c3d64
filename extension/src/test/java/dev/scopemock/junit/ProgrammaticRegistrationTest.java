package dev.scopemock.junit;

import static dev.scopemock.junit.MockResponse.ok;
import static dev.scopemock.junit.RequestMatcher.get;
import static dev.scopemock.junit.testkit.TestKit.describe;
import static dev.scopemock.junit.testkit.TestKit.failureOf;
import static dev.scopemock.junit.testkit.TestKit.reported;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.scopemock.annotations.Stub;
import dev.scopemock.junit.testkit.Fixture;
import dev.scopemock.junit.testkit.Http;
import dev.scopemock.junit.testkit.TestKit;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.opentest4j.AssertionFailedError;

/** {@code @RegisterExtension ScopemockExtension}: the same behaviour as {@code @MockServer} with the same settings. */
class ProgrammaticRegistrationTest {

    @Test
    void servesDeclaredAndFluentStubsThroughParametersFieldsAndTheSharedEngine() {
        EngineExecutionResults results = TestKit.fixtures().run(DefaultsTestCase.class);

        assertThat(describe(results)).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        assertThat(reported(results, "answer")).containsExactlyInAnyOrder("declared", "fluent");
        assertThat(reported(results, "shared")).hasSize(1).allMatch(url -> url.startsWith("http://127.0.0.1:"));
        assertThat(reported(results, "same-mock")).containsExactly("true", "true");
    }

    @Test
    void givesEachTestItsOwnPortWithPortIsolation() {
        EngineExecutionResults results = TestKit.fixtures().run(PortIsolationTestCase.class);

        assertThat(describe(results)).isEmpty();
        assertThat(reported(results, "answer")).containsExactly("no header needed");
        assertThat(reported(results, "own-port")).containsExactly("true");
    }

    @Test
    void failsAnUnmatchedRequestLikeTheAnnotationWhenStrictNamingTheBuilder() {
        EngineExecutionResults programmatic = TestKit.fixtures().run(StrictBuilderTestCase.class);
        EngineExecutionResults annotated = TestKit.fixtures().run(StrictAnnotationTestCase.class);

        Throwable fromBuilder = failureOf(programmatic, "sendsAnUnmatchedRequest(ScopedMock)");
        Throwable fromAnnotation = failureOf(annotated, "sendsAnUnmatchedRequest(ScopedMock)");
        assertThat(fromBuilder).isInstanceOf(AssertionFailedError.class);
        assertThat(fromBuilder.getMessage())
                .contains("GET /unmatched")
                .contains("(ScopemockExtension.builder().strict(false) turns this check off.)")
                .doesNotContain("@MockServer");
        assertThat(fromAnnotation.getMessage()).contains("(@MockServer(strict = false) turns this check off.)");
        assertThat(fromBuilder.getMessage().replaceAll("scope \\S+", "scope S").replace("StrictBuilder", "Strict")
                .replace("ScopemockExtension.builder().strict(false)", "@MockServer(strict = false)"))
                .isEqualTo(fromAnnotation.getMessage().replaceAll("scope \\S+", "scope S")
                        .replace("StrictAnnotation", "Strict"));
    }

    @Test
    void passesAnUnmatchedRequestWhenNotStrict() {
        EngineExecutionResults results = TestKit.fixtures().run(LenientBuilderTestCase.class);

        assertThat(describe(results)).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Test
    void servesNestedClassesWithTheOuterClassStubs() {
        EngineExecutionResults results = TestKit.fixtures().run(OuterTestCase.class);

        assertThat(describe(results)).isEmpty();
        assertThat(reported(results, "answer")).containsExactlyInAnyOrder("outer", "outer");
    }

    @Test
    void givesEachDynamicTestItsOwnScope() {
        EngineExecutionResults results = TestKit.fixtures().run(FactoryTestCase.class);

        assertThat(describe(results)).isEmpty();
        List<String> scopes = reported(results, "scope");
        assertThat(scopes).hasSize(2).doesNotHaveDuplicates();
        assertThat(reported(results, "answer")).containsExactly("factory", "factory");
    }

    @Test
    void rejectsAPortOutOfRangeNamingTheBuilder() {
        EngineExecutionResults results = TestKit.fixtures().run(PortOutOfRangeTestCase.class);

        assertThat(failureOf(results, "test()")).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("ScopemockExtension.builder().port(70000) on"
                        + " dev.scopemock.junit.ProgrammaticRegistrationTest$PortOutOfRangeTestCase: port must be"
                        + " between 0 and 65535, found 70000. Fix: use 0 for a free port.");
    }

    @Test
    void rejectsAUrlThatIsNotAbsoluteHttpNamingTheBuilder() {
        EngineExecutionResults results = TestKit.fixtures().run(BadUrlTestCase.class);

        assertThat(failureOf(results, "test()")).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("The engine URL from ScopemockExtension.builder().url(...) for"
                        + " dev.scopemock.junit.ProgrammaticRegistrationTest$BadUrlTestCase must be an absolute http"
                        + " URL, found \"localhost:8910\". Fix: use a URL such as http://127.0.0.1:8910.");
    }

    @Test
    void rejectsRegisteringScopemockTwice() {
        EngineExecutionResults results = TestKit.fixtures().run(TwiceTestCase.class);

        assertThat(failureOf(results, "test()")).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("dev.scopemock.junit.ProgrammaticRegistrationTest$TwiceTestCase registers Scopemock twice"
                        + " (found @MockServer and a @RegisterExtension ScopemockExtension, or two ScopemockExtension"
                        + " fields), so each test would get two scopes. Fix: keep one registration.");
    }

    @Fixture
    @Stub(path = "/declared", body = "declared")
    static class DefaultsTestCase {

        @RegisterExtension
        static final ScopemockExtension SCOPEMOCK = ScopemockExtension.builder().build();

        ScopedMock field;

        @BeforeAll
        static void engine(SharedEngine engine, TestReporter reporter) {
            reporter.publishEntry("shared", engine.baseUrl().toString());
        }

        @Test
        void declared(ScopedMock mock, TestReporter reporter) {
            reporter.publishEntry("same-mock", String.valueOf(mock == field));
            reporter.publishEntry("answer", Http.get(mock, "/declared"));
        }

        @Test
        void fluent(ScopedMock mock, TestReporter reporter) {
            mock.whenRequestedWith(get("/fluent")).respondWith(ok().withBody("fluent"));
            reporter.publishEntry("same-mock", String.valueOf(mock == field));
            reporter.publishEntry("answer", Http.get(mock, "/fluent"));
            Http.get(mock, "/declared");
        }
    }

    @Fixture
    static class PortIsolationTestCase {

        @RegisterExtension
        static final ScopemockExtension SCOPEMOCK = ScopemockExtension.builder().isolation(Isolation.PORT).build();

        @Test
        @Stub(path = "/isolated", body = "no header needed")
        void test(ScopedMock mock, SharedEngine engine, TestReporter reporter) {
            reporter.publishEntry("own-port", String.valueOf(mock.baseUrl().getPort() != engine.baseUrl().getPort()));
            reporter.publishEntry("answer", Http.unscoped(mock.baseUrl(), "GET", "/isolated").body());
        }
    }

    @Fixture
    static class StrictBuilderTestCase {

        @RegisterExtension
        static final ScopemockExtension SCOPEMOCK = ScopemockExtension.builder().build();

        @Test
        @Stub(path = "/orders")
        void sendsAnUnmatchedRequest(ScopedMock mock) {
            Http.get(mock, "/unmatched");
            Http.get(mock, "/orders");
        }
    }

    @Fixture
    @MockServer
    static class StrictAnnotationTestCase {

        @Test
        @Stub(path = "/orders")
        void sendsAnUnmatchedRequest(ScopedMock mock) {
            Http.get(mock, "/unmatched");
            Http.get(mock, "/orders");
        }
    }

    @Fixture
    static class LenientBuilderTestCase {

        @RegisterExtension
        static final ScopemockExtension SCOPEMOCK = ScopemockExtension.builder().strict(false).build();

        @Test
        void sendsAnUnmatchedRequest(ScopedMock mock) {
            Http.get(mock, "/unmatched");
        }
    }

    @Fixture
    @Stub(path = "/outer", body = "outer")
    static class OuterTestCase {

        @RegisterExtension
        static final ScopemockExtension SCOPEMOCK = ScopemockExtension.builder().build();

        @Test
        void outer(ScopedMock mock, TestReporter reporter) {
            reporter.publishEntry("answer", Http.get(mock, "/outer"));
        }

        @Nested
        class Inner {

            @Test
            void inner(ScopedMock mock, TestReporter reporter) {
                reporter.publishEntry("answer", Http.get(mock, "/outer"));
            }
        }
    }

    @Fixture
    static class FactoryTestCase {

        @RegisterExtension
        static final ScopemockExtension SCOPEMOCK = ScopemockExtension.builder().build();

        @TestFactory
        @Stub(path = "/factory", body = "factory")
        Stream<DynamicTest> tests(ScopedMock mock, TestReporter reporter) {
            return Stream.of("a", "b").map(name -> dynamicTest(name, () -> {
                reporter.publishEntry("scope", mock.scopeName());
                reporter.publishEntry("answer", Http.get(mock, "/factory"));
            }));
        }
    }

    @Fixture
    static class PortOutOfRangeTestCase {

        @RegisterExtension
        static final ScopemockExtension SCOPEMOCK = ScopemockExtension.builder().port(70000).build();

        @Test
        void test() {
        }
    }

    @Fixture
    static class BadUrlTestCase {

        @RegisterExtension
        static final ScopemockExtension SCOPEMOCK = ScopemockExtension.builder().url("localhost:8910").build();

        @Test
        void test() {
        }
    }

    @Fixture
    @MockServer
    static class TwiceTestCase {

        @RegisterExtension
        static final ScopemockExtension SCOPEMOCK = ScopemockExtension.builder().build();

        @Test
        void test() {
        }
    }
}
