package dev.scopemock.junit;

import static dev.scopemock.assertj.MockAssertions.assertThat;
import static dev.scopemock.junit.MockResponse.ok;
import static dev.scopemock.junit.RequestMatcher.get;
import static dev.scopemock.junit.RequestMatcher.post;
import static dev.scopemock.junit.testkit.DiagnosisText.fixes;
import static dev.scopemock.junit.testkit.TestKit.describe;
import static dev.scopemock.junit.testkit.TestKit.failureOf;
import static dev.scopemock.junit.testkit.TestKit.reported;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopemock.annotations.Stub;
import dev.scopemock.junit.testkit.Fixture;
import dev.scopemock.junit.testkit.Http;
import dev.scopemock.junit.testkit.StandaloneEngine;
import dev.scopemock.junit.testkit.TestKit;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestReporter;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.opentest4j.AssertionFailedError;

/**
 * The diagnosis of a system under test that does not forward the scope header: the unscoped requests a test's stubs
 * or verification would have matched, named in its failure with the three fixes; nothing about a neighbour's
 * unrelated traffic, nothing when the header is forwarded.
 */
class UnscopedDiagnosisTest {

    private static final String UNSCOPED = "scopemock.unscoped-requests";
    private static final String UNUSED = "scopemock.unused-stubs";
    private static final String STRICT_NOTE = "\n(@MockServer(strict = false) publishes this as the report entry"
            + " scopemock.unscoped-requests instead of failing the test.)";
    private static final String PAY_STUB = "@Stub(name = \"pay\", method = \"POST\", path = \"/payment\") on class"
            + " NotForwardingTestCase";

    @Test
    void failsATestWhoseStubsMissedItsUnscopedRequestsInProcess() {
        assertFailsTheSilentTest(TestKit.fixtures().run(NotForwardingTestCase.class));
    }

    @Test
    void appendsTheDiagnosisToFailedVerificationsInProcess() {
        EngineExecutionResults results = TestKit.fixtures().run(NotForwardingTestCase.class);

        assertDiagnosesVerifications(results);
        results.testEvents().assertStatistics(stats -> stats.started(5).failed(5));
    }

    @Test
    void diagnosesTheSameOverTheControlApiOfARemoteEngine() {
        try (StandaloneEngine engine = StandaloneEngine.start()) {
            EngineExecutionResults results = TestKit.remote(engine.url()).run(NotForwardingTestCase.class);

            assertFailsTheSilentTest(results);
            assertDiagnosesVerifications(results);
            results.testEvents().assertStatistics(stats -> stats.started(5).failed(5));
        }
    }

    @Test
    void addsTheDiagnosisOfIdleStubsToTheUnmatchedRequestsReport() {
        EngineExecutionResults results = TestKit.fixtures().run(PartlyForwardingTestCase.class);

        String test = "forwardsOnlyTheInventoryCall(ScopedMock, TestReporter)";
        String scope = reported(results, test, "scope").get(0);
        assertThat(failureOf(results, test)).isInstanceOf(AssertionFailedError.class)
                .hasMessage("Expecting every request in scope " + scope + " to match a stub, but 1 request matched"
                        + " none:\n"
                        + "  GET /inventory/a-1?fresh=true\n"
                        + "    closest stub: @Stub(path = \"/inventory/a-1\") on"
                        + " PartlyForwardingTestCase.forwardsOnlyTheInventoryCall\n"
                        + "      query \"fresh\": expected \"false\" but was \"true\"\n"
                        + "(@MockServer(strict = false) turns this check off.)\n"
                        + "\n"
                        + "During this test the engine received 1 request without a scope header that a stub of this"
                        + " test would have matched:\n"
                        + "  POST /payment {\"amount\":42}\n"
                        + "    would have matched stub: @Stub(method = \"POST\", path = \"/payment\") on"
                        + " PartlyForwardingTestCase.forwardsOnlyTheInventoryCall\n"
                        + fixes(scope, true));
    }

    @Test
    void appendsTheDiagnosisToTheUnusedStubsReportEntry() {
        EngineExecutionResults results = TestKit.fixtures().run(PartlyForwardingTestCase.class);

        String test = "forwardsAllButThePayment(ScopedMock, TestReporter)";
        String scope = reported(results, test, "scope").get(0);
        assertThat(reported(results, test, UNUSED)).containsExactly("Stubs never called in scope " + scope + ":\n"
                + "  \"pay\" whenRequestedWith {\"path\":\"/payment\",\"method\":\"POST\"}\n"
                + "During this test the engine received 2 requests without a scope header that a stub of this test"
                + " would have matched:\n"
                + "  POST /payment {\"amount\":42}\n"
                + "    would have matched stub: \"pay\" whenRequestedWith {\"path\":\"/payment\",\"method\":\"POST\"}\n"
                + "  POST /payment {\"amount\":43}\n"
                + "    would have matched stub: \"pay\" whenRequestedWith {\"path\":\"/payment\",\"method\":\"POST\"}\n"
                + fixes(scope, false));
        assertThat(reported(results, test, UNSCOPED)).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));
    }

    @Test
    void reportsInsteadOfFailingWhenNotStrict() {
        EngineExecutionResults results = TestKit.fixtures().run(LenientNotForwardingTestCase.class);

        String test = "sendsWithoutTheHeader(ScopedMock, TestReporter)";
        String scope = reported(results, test, "scope").get(0);
        assertThat(describe(results)).isEmpty();
        assertThat(reported(results, test, UNSCOPED)).containsExactly("Expecting scope " + scope + " to receive the"
                + " requests its stubs answer, but it received no requests at all.\n"
                + "During this test the engine received 1 request without a scope header that a stub of this test"
                + " would have matched:\n"
                + "  GET /inventory/a-1\n"
                + "    would have matched stub: @Stub(path = \"/inventory/{sku}\") on"
                + " LenientNotForwardingTestCase.sendsWithoutTheHeader\n"
                + fixes(scope, true));
    }

    @Test
    void saysNothingWhenTheHeaderIsForwarded() {
        EngineExecutionResults results = TestKit.fixtures().run(ForwardingTestCase.class);

        String test = "paysTwiceButExpectsOnce(ScopedMock, TestReporter)";
        String scope = reported(results, test, "scope").get(0);
        assertThat(failureOf(results, test)).isInstanceOf(AssertionFailedError.class)
                .hasMessage("Expecting stub \"pay\" to be called:\n"
                        + "  exactly 3 times\n"
                        + "but it was called 2 times:\n"
                        + "  POST /payment {\"amount\":42}\n"
                        + "  POST /payment {\"amount\":42}");
        assertThat(failureOf(results, test).getSuppressed()).isEmpty();
        assertThat(reported(results, UNSCOPED)).isEmpty();
        assertThat(reported(results, UNUSED)).isEmpty();
        assertThat(scope).isNotBlank();
        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));
    }

    @Test
    void ignoresUnscopedRequestsSentBeforeTheTestStarted() {
        EngineExecutionResults results = TestKit.fixtures().run(EarlierUnscopedTrafficTestCase.class);

        assertThat(describe(results)).isEmpty();
        assertThat(reported(results, UNSCOPED)).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
    }

    @Test
    void namesOnlyTheUnscopedRequestsMatchingTheTestsOwnStubsNotAParallelNeighboursTraffic() {
        NeighbourTestCase.reset();

        EngineExecutionResults results = TestKit.fixtures().parallel(4).run(NeighbourTestCase.class);

        String orders = "sendsOrdersUnscopedAndVerifies(ScopedMock, TestReporter)";
        String payments = "sendsPaymentsUnscopedWithoutVerifying(ScopedMock, TestReporter)";
        String ordersScope = reported(results, orders, "scope").get(0);
        String paymentsScope = reported(results, payments, "scope").get(0);
        assertThat(reported(results, "overlapped")).containsExactly("true", "true", "true");
        assertThat(failureOf(results, orders)).isInstanceOf(AssertionFailedError.class)
                .hasMessage("Expecting scope " + ordersScope + " to have received exactly 1 time:\n"
                        + "  GET /orders/7\n"
                        + "but it received 0 matching requests: the scope received no requests at all (a request"
                        + " counts only when it carries the scope header \"" + ordersScope + "\")\n"
                        + "During this test the engine received 1 request without a scope header that the"
                        + " verification would have matched:\n"
                        + "  GET /orders/7\n"
                        + "    would have matched stub: @Stub(path = \"/orders/{id}\") on"
                        + " NeighbourTestCase.sendsOrdersUnscopedAndVerifies\n"
                        + fixes(ordersScope, true));
        assertThat(failureOf(results, payments)).isInstanceOf(AssertionFailedError.class)
                .hasMessage("Expecting scope " + paymentsScope + " to receive the requests its stubs answer, but it"
                        + " received no requests at all.\n"
                        + "During this test the engine received 1 request without a scope header that a stub of this"
                        + " test would have matched:\n"
                        + "  POST /payment {\"amount\":42}\n"
                        + "    would have matched stub: @Stub(method = \"POST\", path = \"/payment\") on"
                        + " NeighbourTestCase.sendsPaymentsUnscopedWithoutVerifying\n"
                        + fixes(paymentsScope, true) + STRICT_NOTE);
        results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(1).failed(2));
    }

    private static void assertFailsTheSilentTest(EngineExecutionResults results) {
        String test = "sendsWithoutTheHeader(ScopedMock, TestReporter)";
        String scope = reported(results, test, "scope").get(0);
        assertThat(failureOf(results, test)).isInstanceOf(AssertionFailedError.class)
                .hasMessage(silentScope(scope, "POST /payment {\"amount\":42}", PAY_STUB) + STRICT_NOTE);
    }

    private static void assertDiagnosesVerifications(EngineExecutionResults results) {
        String assertj = "verifiesWithAssertJ(ScopedMock, TestReporter)";
        String scope = reported(results, assertj, "scope").get(0);
        Throwable failure = failureOf(results, assertj);
        assertThat(failure).isInstanceOf(AssertionFailedError.class)
                .hasMessage("Expecting scope " + scope + " to have received exactly 1 time:\n"
                        + "  POST /payment json {\"amount\":42}\n"
                        + "but it received 0 matching requests: the scope received no requests at all (a request"
                        + " counts only when it carries the scope header \"" + scope + "\")\n"
                        + "During this test the engine received 1 request without a scope header that the"
                        + " verification would have matched:\n"
                        + "  POST /payment {\"amount\":42}\n"
                        + "    would have matched stub: " + PAY_STUB + "\n"
                        + fixes(scope, true));
        assertThat(failure.getSuppressed()).hasSize(1);
        assertThat(failure.getSuppressed()[0]).isInstanceOf(AssertionFailedError.class)
                .hasMessage(silentScope(scope, "POST /payment {\"amount\":42}", PAY_STUB) + STRICT_NOTE);

        String named = "verifiesTheNamedStub(ScopedMock, TestReporter)";
        scope = reported(results, named, "scope").get(0);
        assertThat(failureOf(results, named)).isInstanceOf(AssertionFailedError.class)
                .hasMessage("Expecting stub \"pay\" to be called:\n"
                        + "  exactly 2 times\n"
                        + "but it was called 0 times\n"
                        + "and no request arrived in scope " + scope + "\n"
                        + "During this test the engine received 2 requests without a scope header that stub \"pay\""
                        + " would have matched:\n"
                        + "  POST /payment {\"amount\":42}\n"
                        + "  POST /payment {\"amount\":43}\n"
                        + fixes(scope, false));

        String last = "readsTheLastCallOfTheNamedStub(ScopedMock, TestReporter)";
        scope = reported(results, last, "scope").get(0);
        assertThat(failureOf(results, last)).isInstanceOf(AssertionFailedError.class)
                .hasMessage("Expecting stub \"pay\" to have been called but it was not;\n"
                        + "no request arrived in scope " + scope + "\n"
                        + "During this test the engine received 1 request without a scope header that stub \"pay\""
                        + " would have matched:\n"
                        + "  POST /payment {\"amount\":42}\n"
                        + fixes(scope, true));

        String await = "waitsForTheCallback(ScopedMock, TestReporter)";
        scope = reported(results, await, "scope").get(0);
        assertThat(failureOf(results, await)).isInstanceOf(AssertionFailedError.class)
                .hasMessage("Expecting a request within 200 ms:\n"
                        + "  POST /callback\n"
                        + "but no request arrived in scope " + scope + "\n"
                        + "During this test the engine received 1 request without a scope header that the"
                        + " verification would have matched:\n"
                        + "  POST /callback {\"order\":\"o-1\"}\n"
                        + fixes(scope, true));
    }

    private static String silentScope(String scope, String request, String stub) {
        return "Expecting scope " + scope + " to receive the requests its stubs answer, but it received no requests at"
                + " all.\n"
                + "During this test the engine received 1 request without a scope header that a stub of this test"
                + " would have matched:\n"
                + "  " + request + "\n"
                + "    would have matched stub: " + stub + "\n"
                + fixes(scope, true);
    }

    /** A system under test that calls the mock's URL but never sends the scope header. */
    static final class NotForwardingClient {

        private final URI baseUrl;

        NotForwardingClient(URI baseUrl) {
            this.baseUrl = baseUrl;
        }

        int pay(int amount) {
            return Http.exchange(URI.create(baseUrl + "/payment"), "POST", "{\"amount\":" + amount + "}")
                    .statusCode();
        }

        int send(String method, String path, String body) {
            return Http.exchange(URI.create(baseUrl + path), method, body).statusCode();
        }
    }

    @MockServer
    @Stub(name = "pay", path = "/payment", method = "POST")
    @Fixture
    static class NotForwardingTestCase {

        @Test
        void sendsWithoutTheHeader(ScopedMock mock, TestReporter reporter) {
            reporter.publishEntry("scope", mock.scopeName());

            int status = new NotForwardingClient(mock.baseUrl()).pay(42);

            assertEquals(404, status, "the engine has no global stub for the unscoped request");
        }

        @Test
        void verifiesWithAssertJ(ScopedMock mock, TestReporter reporter) {
            reporter.publishEntry("scope", mock.scopeName());

            new NotForwardingClient(mock.baseUrl()).pay(42);

            assertThat(mock).received(Times.exactly(1), post("/payment").withJson("{\"amount\": 42}"));
        }

        @Test
        void verifiesTheNamedStub(ScopedMock mock, TestReporter reporter) {
            reporter.publishEntry("scope", mock.scopeName());
            NotForwardingClient client = new NotForwardingClient(mock.baseUrl());

            client.pay(42);
            client.pay(43);

            mock.received("pay", Times.exactly(2));
        }

        @Test
        void readsTheLastCallOfTheNamedStub(ScopedMock mock, TestReporter reporter) {
            reporter.publishEntry("scope", mock.scopeName());

            new NotForwardingClient(mock.baseUrl()).pay(42);

            mock.lastCallTo("pay");
        }

        @Test
        void waitsForTheCallback(ScopedMock mock, TestReporter reporter) {
            reporter.publishEntry("scope", mock.scopeName());
            NotForwardingClient client = new NotForwardingClient(mock.baseUrl());

            client.send("POST", "/callback", "{\"order\":\"o-1\"}");
            client.send("GET", "/health", null);

            mock.awaitRequest(post("/callback"), Duration.ofMillis(200));
        }
    }

    @MockServer
    @Fixture
    static class PartlyForwardingTestCase {

        @Test
        @Stub(path = "/inventory/a-1", query = "fresh=false", body = "5")
        @Stub(path = "/payment", method = "POST")
        void forwardsOnlyTheInventoryCall(ScopedMock mock, TestReporter reporter) {
            reporter.publishEntry("scope", mock.scopeName());

            Http.send(mock, "GET", "/inventory/a-1?fresh=true", null);
            new NotForwardingClient(mock.baseUrl()).pay(42);
        }

        @Test
        void forwardsAllButThePayment(ScopedMock mock, TestReporter reporter) {
            reporter.publishEntry("scope", mock.scopeName());
            mock.whenRequestedWith(get("/inventory/{sku}")).respondWith(ok().withBody("5"));
            mock.whenRequestedWith(post("/payment")).named("pay").respondWith(ok());
            NotForwardingClient client = new NotForwardingClient(mock.baseUrl());

            Http.get(mock, "/inventory/a-1");
            client.pay(42);
            client.send("GET", "/unrelated", null);
            client.pay(43);
        }
    }

    @MockServer(strict = false)
    @Fixture
    static class LenientNotForwardingTestCase {

        @Test
        @Stub(path = "/inventory/{sku}", body = "5")
        void sendsWithoutTheHeader(ScopedMock mock, TestReporter reporter) {
            reporter.publishEntry("scope", mock.scopeName());

            new NotForwardingClient(mock.baseUrl()).send("GET", "/inventory/a-1", null);
        }
    }

    @MockServer
    @Stub(name = "pay", path = "/payment", method = "POST")
    @Fixture
    static class ForwardingTestCase {

        @Test
        void paysOnce(ScopedMock mock) {
            assertEquals(200, Http.send(mock, "POST", "/payment", "{\"amount\":42}").statusCode());

            mock.received("pay", Times.once());
            assertThat(mock).received(Times.exactly(1), post("/payment"));
        }

        @Test
        void paysTwiceButExpectsOnce(ScopedMock mock, TestReporter reporter) {
            reporter.publishEntry("scope", mock.scopeName());

            Http.send(mock, "POST", "/payment", "{\"amount\":42}");
            Http.send(mock, "POST", "/payment", "{\"amount\":42}");

            mock.received("pay", Times.exactly(3));
        }
    }

    @MockServer
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    @Fixture
    static class EarlierUnscopedTrafficTestCase {

        @Test
        @Order(1)
        void sendsUnscopedTrafficWithoutStubs(ScopedMock mock) {
            new NotForwardingClient(mock.baseUrl()).pay(42);
        }

        @Test
        @Order(2)
        @Stub(path = "/payment", method = "POST")
        void declaresAStubItDoesNotCall(ScopedMock mock) {
            assertTrue(mock.requests().isEmpty());
        }
    }

    /**
     * Three concurrent tests: two whose systems under test send unscoped requests to different paths, and one that
     * forwards the header and stubs the first one's path. Each waits until the others have sent, so every unscoped
     * request falls within every test's lifetime.
     */
    @MockServer
    @Fixture
    static class NeighbourTestCase {

        private static final int PARTIES = 3;
        private static volatile CountDownLatch sent = new CountDownLatch(PARTIES);

        static void reset() {
            sent = new CountDownLatch(PARTIES);
        }

        private static void sentAndWaitForTheOthers(TestReporter reporter) {
            CountDownLatch latch = sent;
            latch.countDown();
            try {
                reporter.publishEntry("overlapped", String.valueOf(latch.await(20, TimeUnit.SECONDS)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Test
        @Stub(path = "/orders/{id}", body = "order")
        void sendsOrdersUnscopedAndVerifies(ScopedMock mock, TestReporter reporter) {
            reporter.publishEntry("scope", mock.scopeName());
            new NotForwardingClient(mock.baseUrl()).send("GET", "/orders/7", null);
            sentAndWaitForTheOthers(reporter);

            assertThat(mock).received(Times.exactly(1), get("/orders/7"));
        }

        @Test
        @Stub(path = "/payment", method = "POST")
        void sendsPaymentsUnscopedWithoutVerifying(ScopedMock mock, TestReporter reporter) {
            reporter.publishEntry("scope", mock.scopeName());
            new NotForwardingClient(mock.baseUrl()).pay(42);
            sentAndWaitForTheOthers(reporter);
        }

        @Test
        @Stub(path = "/orders/{id}", body = "order")
        void forwardsTheHeader(ScopedMock mock, TestReporter reporter) {
            assertEquals("order", Http.get(mock, "/orders/1"));
            sentAndWaitForTheOthers(reporter);

            assertThat(mock).received(Times.exactly(1), get("/orders/1"));
        }
    }
}
