package dev.scopemock.junit;

import static dev.scopemock.junit.MockResponse.ok;
import static dev.scopemock.junit.RequestMatcher.get;
import static dev.scopemock.junit.testkit.TestKit.failureOf;
import static dev.scopemock.junit.testkit.TestKit.reported;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.scopemock.annotations.Stub;
import dev.scopemock.engine.MockEngine;
import dev.scopemock.junit.testkit.Fixture;
import dev.scopemock.junit.testkit.Http;
import dev.scopemock.junit.testkit.TestKit;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.opentest4j.AssertionFailedError;

/** A scope per test, per invocation and per dynamic test: named after it, there before it, gone after it. */
class ScopeLifecycleTest {

    private static final String TOKEN = "[a-z0-9_-]{1,128}";

    private MockEngine engine;

    @BeforeEach
    void startEngine() {
        engine = MockEngine.start();
    }

    @AfterEach
    void stopEngine() {
        engine.close();
    }

    @Test
    void givesEveryTestInvocationAndDynamicTestItsOwnScopeNamedAfterIt() {
        EngineExecutionResults results = TestKit.remote(engine.baseUrl().toString()).run(PerTestScopesTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(10).succeeded(10));
        List<String> scopes = reported(results, "scope");
        assertThat(scopes).hasSize(10).allMatch(name -> name.matches(TOKEN));
        assertThat(new HashSet<>(scopes)).hasSize(10);
        assertThat(scopes).filteredOn(name -> name.matches("pertestscopestestcase-first-[0-9a-f]{6}")).hasSize(1);
        assertThat(scopes).filteredOn(name -> name.matches("pertestscopestestcase-second-[0-9a-f]{6}")).hasSize(1);
        assertThat(scopes).filteredOn(name -> name.matches("pertestscopestestcase-repeated-[123]-[0-9a-f]{6}"))
                .extracting(name -> name.split("-")[2]).containsExactlyInAnyOrder("1", "2", "3");
        assertThat(scopes).filteredOn(name -> name.matches("pertestscopestestcase-parameterized-[12]-[0-9a-f]{6}"))
                .extracting(name -> name.split("-")[2]).containsExactlyInAnyOrder("1", "2");
        assertThat(scopes).filteredOn(name -> name.matches("pertestscopestestcase-dynamic-[123]-[0-9a-f]{6}"))
                .extracting(name -> name.split("-")[2]).containsExactlyInAnyOrder("1", "2", "3");
        assertThat(reported(results, "health")).hasSize(11).containsOnly("up");
        assertThat(engine.scopes()).isEmpty();
    }

    @Test
    void givesEachTestItsOwnScopeOnTheInProcessEngineToo() {
        EngineExecutionResults results = TestKit.fixtures().run(PerTestScopesTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(10).succeeded(10));
        assertThat(new HashSet<>(reported(results, "scope"))).hasSize(10);
        assertThat(reported(results, "health")).hasSize(11).containsOnly("up");
    }

    @Test
    void deletesTheScopeAfterTheTestAlsoWhenItFailsOrThrows() {
        EngineExecutionResults results = TestKit.remote(engine.baseUrl().toString()).run(FailingTestsTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(4).succeeded(1).failed(3));
        assertThat(failureOf(results, "failsAnAssertion(ScopedMock, TestReporter)"))
                .isInstanceOf(AssertionFailedError.class).hasMessage("the test's own failure");
        assertThat(failureOf(results, "throwsAnException(ScopedMock, TestReporter)"))
                .isInstanceOf(IllegalStateException.class).hasMessage("boom");
        assertThat(failureOf(results, "fails")).isInstanceOf(AssertionFailedError.class)
                .hasMessage("a dynamic test's own failure");
        assertThat(reported(results, "listed-during-test")).hasSize(4).allMatch(listed -> listed.equals("true"));
        assertThat(engine.scopes()).isEmpty();
    }

    @Test
    void deletesAFailedTestsScopeBeforeTheNextTestOnTheInProcessEngine() {
        EngineExecutionResults results = TestKit.fixtures().run(InProcessDeletionTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));
        List<String> scopes = reported(results, "scope");
        assertThat(reported(results, "scopes")).containsExactly("{\"scopes\":[\"" + scopes.get(1) + "\"],"
                + "\"details\":[{\"name\":\"" + scopes.get(1) + "\",\"port\":null}]}");
    }

    @Test
    void keepsLongNamesWithinTheLimitWithTheirInvocationIndex() {
        EngineExecutionResults results = TestKit.fixtures().run(LongNamesTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        assertThat(reported(results, "scope")).hasSize(2).allSatisfy(name -> {
            assertThat(name).hasSizeLessThanOrEqualTo(120).matches(TOKEN).startsWith("longnamestestcase-");
        }).anyMatch(name -> name.matches(".*-1-[0-9a-f]{6}")).anyMatch(name -> name.matches(".*-2-[0-9a-f]{6}"));
    }

    @Test
    void copiesTheFactorysStubsIntoEachDynamicTestsOwnScope() {
        EngineExecutionResults results = TestKit.remote(engine.baseUrl().toString()).run(FactoryStubsTestCase.class);

        results.allEvents().assertStatistics(stats -> stats.failed(0));
        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        assertThat(new HashSet<>(reported(results, "scope"))).hasSize(2);
        assertThat(reported(results, "bodies")).containsExactly("declared before-each factory",
                "declared before-each factory");
        assertThat(reported(results, "own")).containsExactly("a", "b");
        assertThat(reported(results, "factory-scope-requests")).containsExactly("0");
        assertThat(engine.scopes()).isEmpty();
    }

    @Test
    void toleratesAScopeAlreadyRemovedByAReset() {
        EngineExecutionResults inProcess = TestKit.fixtures().run(ResetDuringTestTestCase.class);
        EngineExecutionResults remote = TestKit.remote(engine.baseUrl().toString()).run(ResetDuringTestTestCase.class);

        inProcess.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        remote.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        assertThat(engine.scopes()).isEmpty();
    }

    @MockServer
    @Stub(path = "/health", body = "up")
    @Fixture
    static class PerTestScopesTestCase {

        private String scopeBeforeEach;

        @BeforeEach
        void beforeEach(ScopedMock mock, TestReporter reporter) {
            scopeBeforeEach = mock.scopeName();
            reporter.publishEntry("health", Http.get(mock, "/health"));
        }

        @Test
        void first(ScopedMock mock, TestReporter reporter) {
            report(mock, reporter);
        }

        @Test
        void second(ScopedMock mock, TestReporter reporter) {
            report(mock, reporter);
        }

        @RepeatedTest(3)
        void repeated(ScopedMock mock, TestReporter reporter) {
            report(mock, reporter);
        }

        @ParameterizedTest
        @ValueSource(strings = {"a", "b"})
        void parameterized(String value, ScopedMock mock, TestReporter reporter) {
            report(mock, reporter);
        }

        @TestFactory
        Stream<DynamicTest> dynamic(ScopedMock mock, TestReporter reporter) {
            return Stream.of("x", "y", "z").map(name -> dynamicTest(name, () -> {
                reporter.publishEntry("scope", mock.scopeName());
                reporter.publishEntry("health", Http.get(mock, "/health"));
            }));
        }

        private void report(ScopedMock mock, TestReporter reporter) {
            assertEquals(scopeBeforeEach, mock.scopeName(), "the scope @BeforeEach saw");
            reporter.publishEntry("scope", mock.scopeName());
        }
    }

    @MockServer
    @Fixture
    static class FailingTestsTestCase {

        @Test
        void failsAnAssertion(ScopedMock mock, TestReporter reporter) {
            reportListed(mock, reporter);
            throw new AssertionFailedError("the test's own failure");
        }

        @Test
        void throwsAnException(ScopedMock mock, TestReporter reporter) {
            reportListed(mock, reporter);
            throw new IllegalStateException("boom");
        }

        @TestFactory
        Stream<DynamicTest> dynamic(ScopedMock mock, TestReporter reporter) {
            return Stream.of(
                    dynamicTest("passes", () -> reportListed(mock, reporter)),
                    dynamicTest("fails", () -> {
                        reportListed(mock, reporter);
                        throw new AssertionFailedError("a dynamic test's own failure");
                    }));
        }

        /** Whether the engine lists the test's scope while the test runs. */
        private static void reportListed(ScopedMock mock, TestReporter reporter) {
            String listing = Http.unscoped(mock.baseUrl(), "GET", "/__mock__/scopes").body();
            reporter.publishEntry("listed-during-test", String.valueOf(listing.contains("\"" + mock.scopeName()
                    + "\"")));
        }
    }

    @MockServer
    @Fixture
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class InProcessDeletionTestCase {

        @Test
        @Order(1)
        void fails(ScopedMock mock, TestReporter reporter) {
            reporter.publishEntry("scope", mock.scopeName());
            throw new AssertionFailedError("failed on purpose");
        }

        @Test
        @Order(2)
        void listsTheScopes(ScopedMock mock, TestReporter reporter) {
            reporter.publishEntry("scope", mock.scopeName());
            reporter.publishEntry("scopes", Http.unscoped(mock.baseUrl(), "GET", "/__mock__/scopes").body());
        }
    }

    @MockServer
    @Fixture
    static class LongNamesTestCase {

        @RepeatedTest(2)
        void aTestMethodWhoseNameIsLongerThanAnyScopeNameMayBeBecauseItDescribesItsBehaviourInGreatDetailAndKeepsGoing(
                ScopedMock mock, TestReporter reporter) {
            reporter.publishEntry("scope", mock.scopeName());
        }
    }

    @MockServer
    @Stub(path = "/declared", body = "declared")
    @Fixture
    static class FactoryStubsTestCase {

        @BeforeEach
        void stubInBeforeEach(ScopedMock mock) {
            mock.whenRequestedWith(get("/before-each")).respondWith(ok().withBody("before-each"));
        }

        @TestFactory
        Stream<DynamicTest> dynamic(ScopedMock mock, TestReporter reporter) {
            String factoryScope = mock.scopeName();
            mock.whenRequestedWith(get("/factory")).named("factory").respondWith(ok().withBody("factory"));
            return Stream.of("a", "b").map(name -> dynamicTest(name, () -> {
                assertNotEquals(factoryScope, mock.scopeName());
                reporter.publishEntry("scope", mock.scopeName());
                reporter.publishEntry("bodies", Http.get(mock, "/declared") + " " + Http.get(mock, "/before-each")
                        + " " + Http.get(mock, "/factory"));
                mock.received("factory", Times.once());
                mock.whenRequestedWith(get("/own")).respondWith(ok().withBody(name));
                reporter.publishEntry("own", Http.get(mock, "/own"));
            }));
        }

        @AfterEach
        void afterEach(ScopedMock mock, TestReporter reporter) {
            reporter.publishEntry("factory-scope-requests", String.valueOf(mock.requests().size()));
        }
    }

    @MockServer
    @Fixture
    static class ResetDuringTestTestCase {

        @Test
        @Stub(path = "/health", body = "up")
        void resetsTheEngine(ScopedMock mock) {
            assertEquals("up", Http.get(mock, "/health"));
            assertEquals(200, Http.unscoped(mock.baseUrl(), "POST", "/__mock__/reset").statusCode());
        }
    }
}
