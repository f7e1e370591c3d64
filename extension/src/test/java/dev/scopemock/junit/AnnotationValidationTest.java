package dev.scopemock.junit;

import static dev.scopemock.junit.testkit.TestKit.reported;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scopemock.annotations.Chaos;
import dev.scopemock.annotations.Stub;
import dev.scopemock.engine.MockEngine;
import dev.scopemock.junit.testkit.Fixture;
import dev.scopemock.junit.testkit.TestKit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;

/**
 * Every invalid {@code @Stub}/{@code @Chaos} fails its test before the test (or its {@code @BeforeEach}) runs and
 * before a scope is created, with a message naming the annotation, the attribute, the rule and the fix.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnnotationValidationTest {

    private MockEngine engine;
    private EngineExecutionResults results;

    @BeforeAll
    void runEveryFixtureOnce() {
        engine = MockEngine.start();
        results = TestKit.remote(engine.baseUrl().toString()).run(BodyAndTemplateTestCase.class,
                RequestBodyAndJsonTestCase.class, UnknownMethodTestCase.class, MalformedHeaderTestCase.class,
                MalformedHeaderNameTestCase.class, MalformedResponseHeaderTestCase.class,
                MalformedQueryTestCase.class, MissingBodyFileTestCase.class, BinaryBodyFileTestCase.class,
                InvalidResponseJsonTestCase.class, InvalidRequestJsonTestCase.class, StatusTooHighTestCase.class,
                StatusTooLowTestCase.class, TwoChaosTestCase.class, NegativeLatencyTestCase.class,
                NegativeJitterTestCase.class, ProbabilityAboveOneTestCase.class, NegativeMaxCallsTestCase.class,
                DuplicateNamesTestCase.class, InvalidTemplateTestCase.class, FaultsAboveOneTestCase.class,
                BadErrorStatusTestCase.class, SequenceAndBodyTestCase.class);
    }

    @AfterAll
    void stopEngine() {
        engine.close();
    }

    static Stream<Arguments> invalidDeclarations() {
        return Stream.of(
                Arguments.of(BodyAndTemplateTestCase.class, "@Stub(path = \"/x\") on BodyAndTemplateTestCase.test:"
                        + " body and template are exclusive: a response has one body. Fix: keep exactly one of body,"
                        + " responseJson, template and bodyFile."),
                Arguments.of(RequestBodyAndJsonTestCase.class, "@Stub(path = \"/x\") on class"
                        + " RequestBodyAndJsonTestCase: requestBody and json are exclusive: a request has one body."
                        + " Fix: keep json for JSON equality or requestBody for exact text."),
                Arguments.of(UnknownMethodTestCase.class, "@Stub(method = \"FETCH\", path = \"/x\") on"
                        + " UnknownMethodTestCase.test: method must be one of [DELETE, GET, HEAD, OPTIONS, PATCH,"
                        + " POST, PUT], found \"FETCH\". Fix: use a standard HTTP method or leave method empty for"
                        + " any."),
                Arguments.of(MalformedHeaderTestCase.class, "@Stub(path = \"/x\") on MalformedHeaderTestCase.test:"
                        + " headers entries must be written \"Name: value\" with a name of letters, digits or"
                        + " -_.!#$%&'*+^`|~, found \"X-Trace\". Fix: write it as \"Name: value\"."),
                Arguments.of(MalformedHeaderNameTestCase.class, "@Stub(path = \"/x\") on"
                        + " MalformedHeaderNameTestCase.test: headers entries must be written \"Name: value\" with a"
                        + " name of letters, digits or -_.!#$%&'*+^`|~, found \"X Trace: 1\". Fix: write it as"
                        + " \"Name: value\"."),
                Arguments.of(MalformedResponseHeaderTestCase.class, "@Stub(path = \"/x\") on"
                        + " MalformedResponseHeaderTestCase.test: responseHeaders entries must be written"
                        + " \"Name: value\" with a name of letters, digits or -_.!#$%&'*+^`|~, found \": no name\"."
                        + " Fix: write it as \"Name: value\"."),
                Arguments.of(MalformedQueryTestCase.class, "@Stub(path = \"/x\") on MalformedQueryTestCase.test:"
                        + " query entries must be written \"name=value\" with a name of letters, digits or"
                        + " -_.!#$%&'*+^`|~, found \"page\". Fix: write it as \"name=value\"."),
                Arguments.of(MissingBodyFileTestCase.class, "@Stub(path = \"/x\") on MissingBodyFileTestCase.test:"
                        + " bodyFile names \"stubs/missing.json\", which is not on the test class path. Fix: put the"
                        + " file under src/test/resources/stubs/missing.json or fix the path."),
                Arguments.of(BinaryBodyFileTestCase.class, "@Stub(path = \"/x\") on BinaryBodyFileTestCase.test:"
                        + " bodyFile names \"stubs/binary.bin\", which is not UTF-8 text. Fix: use a text file"
                        + " (binary bodies are not supported by @Stub yet)."),
                Arguments.of(InvalidResponseJsonTestCase.class, "@Stub(path = \"/x\") on"
                        + " InvalidResponseJsonTestCase.test: responseJson must be valid JSON, found"
                        + " {\"status\": } (error at line 1, column 12). Fix: fix the JSON text."),
                Arguments.of(InvalidRequestJsonTestCase.class, "@Stub(path = \"/x\") on"
                        + " InvalidRequestJsonTestCase.test: json must be valid JSON, found [1, 2 (error at line 1,"
                        + " column 6). Fix: fix the JSON text."),
                Arguments.of(StatusTooHighTestCase.class, "@Stub(path = \"/x\") on StatusTooHighTestCase.test:"
                        + " status must be between 200 and 599, found 700. Fix: use a final HTTP status such as 200,"
                        + " 404 or 503."),
                Arguments.of(StatusTooLowTestCase.class, "@Stub(path = \"/x\") on StatusTooLowTestCase.test:"
                        + " status must be between 200 and 599, found 101. Fix: use a final HTTP status such as 200,"
                        + " 404 or 503."),
                Arguments.of(TwoChaosTestCase.class, "@Stub(path = \"/x\") on TwoChaosTestCase.test: chaos takes"
                        + " at most one @Chaos, found 2. Fix: keep a single @Chaos in chaos = {...}."),
                Arguments.of(NegativeLatencyTestCase.class, "@Chaos on NegativeLatencyTestCase.test: latencyMs"
                        + " must not be negative, found -5. Fix: use 0 or a positive number of milliseconds."),
                Arguments.of(NegativeJitterTestCase.class, "@Stub(path = \"/x\") on NegativeJitterTestCase.test:"
                        + " chaos jitterMs must not be negative, found -1. Fix: use 0 or a positive number of"
                        + " milliseconds."),
                Arguments.of(ProbabilityAboveOneTestCase.class, "@Chaos on class ProbabilityAboveOneTestCase:"
                        + " connectionDropProbability must be between 0 and 1, found 1.5. Fix: use a probability"
                        + " such as 0.25."),
                Arguments.of(NegativeMaxCallsTestCase.class, "@Stub(path = \"/x\") on"
                        + " NegativeMaxCallsTestCase.test: maxCalls must be -1 (unlimited) or a count of 0 or more,"
                        + " found -2. Fix: use maxCalls = -1 or a non-negative count."),
                Arguments.of(DuplicateNamesTestCase.class, "@Stub(name = \"pay\", path = \"/b\") on"
                        + " DuplicateNamesTestCase.test: name \"pay\" is already used by @Stub(name = \"pay\","
                        + " path = \"/a\") on class DuplicateNamesTestCase; stub names are unique within a test."
                        + " Fix: give each stub its own name."),
                Arguments.of(FaultsAboveOneTestCase.class, "@Chaos on FaultsAboveOneTestCase.test: probabilities add"
                        + " up to 1.2, but at most one fault happens per request. Fix: make the fault probabilities"
                        + " add up to at most 1."),
                Arguments.of(BadErrorStatusTestCase.class, "@Stub(path = \"/x\") on BadErrorStatusTestCase.test:"
                        + " chaos errorStatus must be 0 (none) or between 200 and 599, found 99. Fix: use a status"
                        + " such as 503."),
                Arguments.of(SequenceAndBodyTestCase.class, "@Stub(path = \"/x\") on SequenceAndBodyTestCase.test:"
                        + " sequence and body are exclusive: a sequence gives each call its own @Reply. Fix: move"
                        + " the response into the @Reply elements."));
    }

    @ParameterizedTest
    @MethodSource("invalidDeclarations")
    void failsTheTestBeforeItRunsWithAMessageNamingAttributeRuleAndFix(Class<?> fixture, String message) {
        Throwable failure = failureIn(fixture);

        assertThat(failure).isInstanceOf(ExtensionConfigurationException.class).hasMessage(message);
        assertThat(reported(results, fixture.getSimpleName())).isEmpty();
    }

    @Test
    void reportsStubsTheEngineRejectsWithTheEnginesReasonInProcessAndRemotely() {
        String message = "@Stub(path = \"/x\") on InvalidTemplateTestCase.test: the engine rejected the stub:"
                + " invalid payload:\n  body.action.response.template_body: invalid template: Unclosed token (line 1)."
                + " Fix: correct the annotation's attributes.";

        EngineExecutionResults inProcess = TestKit.fixtures().run(InvalidTemplateTestCase.class);

        assertThat(failureIn(InvalidTemplateTestCase.class)).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage(message);
        assertThat(TestKit.failureOf(inProcess, "test(TestReporter)"))
                .isInstanceOf(ExtensionConfigurationException.class).hasMessage(message);
    }

    @Test
    void runsNoFixtureAndLeavesNoScopeBehind() {
        results.testEvents().assertStatistics(stats -> stats.started(23).failed(23));
        assertThat(engine.scopes()).isEmpty();
    }

    private Throwable failureIn(Class<?> fixture) {
        return results.testEvents().failed().stream()
                .filter(event -> event.getTestDescriptor().getUniqueId().toString()
                        .contains("$" + fixture.getSimpleName() + "]"))
                .map(AnnotationValidationTest::throwable)
                .findFirst().orElseThrow(() -> new AssertionError("no failure in " + fixture.getSimpleName()));
    }

    private static Throwable throwable(Event event) {
        return event.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
    }

    /** A fixture whose test and {@code @BeforeEach} report when they run, under the fixture's simple name. */
    abstract static class Reporting {

        @BeforeEach
        void beforeEach(TestReporter reporter) {
            reporter.publishEntry(getClass().getSimpleName(), "@BeforeEach ran");
        }

        @Test
        void test(TestReporter reporter) {
            reporter.publishEntry(getClass().getSimpleName(), "the test ran");
        }
    }

    @MockServer
    @Fixture
    static class BodyAndTemplateTestCase extends Reporting {
        @Override
        @Test
        @Stub(path = "/x", body = "a", template = "b")
        void test(TestReporter reporter) {
            super.test(reporter);
        }
    }

    @MockServer
    @Fixture
    @Stub(path = "/x", requestBody = "a", json = "{}")
    static class RequestBodyAndJsonTestCase extends Reporting {
    }

    @MockServer
    @Fixture
    static class UnknownMethodTestCase extends Reporting {
        @Override
        @Test
        @Stub(path = "/x", method = "FETCH")
        void test(TestReporter reporter) {
            super.test(reporter);
        }
    }

    @MockServer
    @Fixture
    static class MalformedHeaderTestCase extends Reporting {
        @Override
        @Test
        @Stub(path = "/x", headers = "X-Trace")
        void test(TestReporter reporter) {
            super.test(reporter);
        }
    }

    @MockServer
    @Fixture
    static class MalformedHeaderNameTestCase extends Reporting {
        @Override
        @Test
        @Stub(path = "/x", headers = "X Trace: 1")
        void test(TestReporter reporter) {
            super.test(reporter);
        }
    }

    @MockServer
    @Fixture
    static class MalformedResponseHeaderTestCase extends Reporting {
        @Override
        @Test
        @Stub(path = "/x", responseHeaders = ": no name")
        void test(TestReporter reporter) {
            super.test(reporter);
        }
    }

    @MockServer
    @Fixture
    static class MalformedQueryTestCase extends Reporting {
        @Override
        @Test
        @Stub(path = "/x", query = "page")
        void test(TestReporter reporter) {
            super.test(reporter);
        }
    }

    @MockServer
    @Fixture
    static class MissingBodyFileTestCase extends Reporting {
        @Override
        @Test
        @Stub(path = "/x", bodyFile = "stubs/missing.json")
        void test(TestReporter reporter) {
            super.test(reporter);
        }
    }

    @MockServer
    @Fixture
    static class BinaryBodyFileTestCase extends Reporting {
        @Override
        @Test
        @Stub(path = "/x", bodyFile = "stubs/binary.bin")
        void test(TestReporter reporter) {
            super.test(reporter);
        }
    }

    @MockServer
    @Fixture
    static class InvalidResponseJsonTestCase extends Reporting {
        @Override
        @Test
        @Stub(path = "/x", responseJson = "{\"status\": }")
        void test(TestReporter reporter) {
            super.test(reporter);
        }
    }

    @MockServer
    @Fixture
    static class InvalidRequestJsonTestCase extends Reporting {
        @Override
        @Test
        @Stub(path = "/x", json = "[1, 2")
        void test(TestReporter reporter) {
            super.test(reporter);
        }
    }

    @MockServer
    @Fixture
    static class StatusTooHighTestCase extends Reporting {
        @Override
        @Test
        @Stub(path = "/x", status = 700)
        void test(TestReporter reporter) {
            super.test(reporter);
        }
    }

    @MockServer
    @Fixture
    static class StatusTooLowTestCase extends Reporting {
        @Override
        @Test
        @Stub(path = "/x", status = 101)
        void test(TestReporter reporter) {
            super.test(reporter);
        }
    }

    @MockServer
    @Fixture
    static class TwoChaosTestCase extends Reporting {
        @Override
        @Test
        @Stub(path = "/x", chaos = {@Chaos(latencyMs = 1), @Chaos(latencyMs = 2)})
        void test(TestReporter reporter) {
            super.test(reporter);
        }
    }

    @MockServer
    @Fixture
    static class NegativeLatencyTestCase extends Reporting {
        @Override
        @Test
        @Stub(path = "/x")
        @Chaos(latencyMs = -5)
        void test(TestReporter reporter) {
            super.test(reporter);
        }
    }

    @MockServer
    @Fixture
    static class NegativeJitterTestCase extends Reporting {
        @Override
        @Test
        @Stub(path = "/x", chaos = @Chaos(jitterMs = -1))
        void test(TestReporter reporter) {
            super.test(reporter);
        }
    }

    @MockServer
    @Fixture
    @Chaos(connectionDropProbability = 1.5)
    static class ProbabilityAboveOneTestCase extends Reporting {
    }

    @MockServer
    @Fixture
    static class NegativeMaxCallsTestCase extends Reporting {
        @Override
        @Test
        @Stub(path = "/x", maxCalls = -2)
        void test(TestReporter reporter) {
            super.test(reporter);
        }
    }

    @MockServer
    @Fixture
    @Stub(name = "pay", path = "/a")
    static class DuplicateNamesTestCase extends Reporting {
        @Override
        @Test
        @Stub(name = "pay", path = "/b")
        void test(TestReporter reporter) {
            super.test(reporter);
        }
    }

    @MockServer
    @Fixture
    static class InvalidTemplateTestCase extends Reporting {
        @Override
        @Test
        @Stub(path = "/x", template = "{{ request.path ")
        void test(TestReporter reporter) {
            super.test(reporter);
        }
    }

    @MockServer
    @Fixture
    static class FaultsAboveOneTestCase extends Reporting {
        @Override
        @Test
        @Chaos(connectionResetProbability = 0.6, emptyResponseProbability = 0.6)
        void test(TestReporter reporter) {
            super.test(reporter);
        }
    }

    @MockServer
    @Fixture
    static class BadErrorStatusTestCase extends Reporting {
        @Override
        @Test
        @Stub(path = "/x", chaos = @Chaos(errorStatus = 99))
        void test(TestReporter reporter) {
            super.test(reporter);
        }
    }

    @MockServer
    @Fixture
    static class SequenceAndBodyTestCase extends Reporting {
        @Override
        @Test
        @Stub(path = "/x", body = "single", sequence = @dev.scopemock.annotations.Reply(status = 500))
        void test(TestReporter reporter) {
            super.test(reporter);
        }
    }
}
