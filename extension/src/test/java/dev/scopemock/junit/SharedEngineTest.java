package dev.scopemock.junit;

import static dev.scopemock.junit.testkit.TestKit.describe;
import static dev.scopemock.junit.testkit.TestKit.reported;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scopemock.annotations.Stub;
import dev.scopemock.engine.MockEngine;
import dev.scopemock.junit.testkit.Fixture;
import dev.scopemock.junit.testkit.Http;
import dev.scopemock.junit.testkit.TestKit;
import java.net.URI;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * {@link SharedEngine}: the engine's address in {@code @BeforeAll} (before any test's scope exists), the one every
 * test's {@code mock.baseUrl()} names, for a system under test built once per class.
 */
class SharedEngineTest {

    @Test
    void injectsTheSharedEngineIntoABeforeAllMethodInProcess() {
        EngineExecutionResults results = TestKit.fixtures().run(BeforeAllTestCase.class);

        assertThat(describe(results)).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        assertThat(reported(results, "before-all")).singleElement().asString().matches("http://127\\.0\\.0\\.1:\\d+");
        assertThat(reported(results, "test")).containsExactly(reported(results, "before-all").get(0),
                reported(results, "before-all").get(0));
    }

    @Test
    void injectsTheRemoteEnginesAddress() {
        try (MockEngine engine = MockEngine.start()) {
            EngineExecutionResults results = TestKit.remote(engine.baseUrl().toString()).run(BeforeAllTestCase.class);

            assertThat(describe(results)).isEmpty();
            assertThat(reported(results, "before-all")).containsExactly(engine.baseUrl().toString());
        }
    }

    @MockServer
    @Fixture
    static class BeforeAllTestCase {

        /** What a class-wide system under test (a Spring context, say) is built with. */
        private static URI engineUrl;

        @BeforeAll
        static void engine(SharedEngine engine, TestReporter reporter) {
            engineUrl = engine.baseUrl();
            reporter.publishEntry("before-all", engine.baseUrl().toString());
            assertEquals(engine.baseUrl().getPort(), engine.port());
        }

        @Test
        @Stub(path = "/health", body = "up")
        void reachesItsScopeAtTheSharedAddress(ScopedMock mock, TestReporter reporter) {
            reporter.publishEntry("test", mock.baseUrl().toString());

            String body = Http.exchange(URI.create(engineUrl + "/health"), "GET", null,
                    mock.scopeHeader().name(), mock.scopeHeader().value()).body();

            assertEquals("up", body);
        }

        @Test
        void getsTheSameEngineAsAParameterOfATest(SharedEngine engine, ScopedMock mock, TestReporter reporter) {
            reporter.publishEntry("test", engine.baseUrl().toString());
            assertEquals(mock.baseUrl(), engine.baseUrl());
        }
    }
}
