package dev.scopemock.junit;

import static dev.scopemock.junit.testkit.TestKit.failureOf;
import static dev.scopemock.junit.testkit.TestKit.reported;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scopemock.junit.testkit.Fixture;
import dev.scopemock.junit.testkit.TestKit;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** How {@code @MockServer}'s port and URL settings meet the engine shared by the whole run. */
class EngineConfigurationTest {

    @Test
    void rejectsAFixedPortOtherThanThatOfTheAlreadyRunningSharedEngine() {
        EngineExecutionResults results = TestKit.fixtures()
                .with("junit.jupiter.testclass.order.default", "org.junit.jupiter.api.ClassOrderer$OrderAnnotation")
                .run(FixedPortTestCase.class, FreePortTestCase.class);

        String port = reported(results, "port").get(0);
        assertThat(failureOf(results, "test()")).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("@MockServer(port = 1) on dev.scopemock.junit.EngineConfigurationTest$FixedPortTestCase"
                        + " cannot be honoured: the shared in-process engine already runs on port " + port + ","
                        + " started by an earlier test class. Fix: give every @MockServer and ScopemockExtension of"
                        + " the run the same port, or none.");
    }

    @Test
    void sharesOneInProcessEngineBetweenTestClasses() {
        EngineExecutionResults results = TestKit.fixtures().run(FreePortTestCase.class, OtherFreePortTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        List<String> urls = reported(results, "url");
        assertThat(urls).hasSize(2);
        assertThat(urls.get(1)).isEqualTo(urls.get(0));
    }

    @Test
    void rejectsAPortOutOfRange() {
        EngineExecutionResults results = TestKit.fixtures().run(PortOutOfRangeTestCase.class);

        assertThat(failureOf(results, "test()")).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("@MockServer(port = 70000) on"
                        + " dev.scopemock.junit.EngineConfigurationTest$PortOutOfRangeTestCase: port must be between 0"
                        + " and 65535, found 70000. Fix: use 0 for a free port.");
    }

    @Test
    void rejectsAUrlThatIsNotAbsoluteHttp() {
        EngineExecutionResults results = TestKit.remote("localhost:8910").run(FreePortTestCase.class);

        assertThat(failureOf(results, "test(ScopedMock, TestReporter)"))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("The engine URL from the scopemock.url configuration parameter for"
                        + " dev.scopemock.junit.EngineConfigurationTest$FreePortTestCase must be an absolute http URL,"
                        + " found \"localhost:8910\". Fix: use a URL such as http://127.0.0.1:8910.");
    }

    @MockServer
    @Fixture
    @Order(1)
    static class FreePortTestCase {

        @Test
        void test(ScopedMock mock, TestReporter reporter) {
            reporter.publishEntry("port", String.valueOf(mock.port()));
            reporter.publishEntry("url", mock.baseUrl().toString());
            reporter.publishEntry("scope", mock.scopeName());
        }
    }

    @MockServer
    @Fixture
    static class OtherFreePortTestCase {

        @Test
        void test(ScopedMock mock, TestReporter reporter) {
            reporter.publishEntry("url", mock.baseUrl().toString());
        }
    }

    @MockServer(port = 1)
    @Fixture
    @Order(2)
    static class FixedPortTestCase {

        @Test
        void test() {
        }
    }

    @MockServer(port = 70000)
    @Fixture
    static class PortOutOfRangeTestCase {

        @Test
        void test() {
        }
    }
}
