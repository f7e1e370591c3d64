package dev.scopemock.samples.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.scopemock.annotations.Stub;
import dev.scopemock.junit.MockServer;
import dev.scopemock.junit.SharedEngine;
import java.math.BigDecimal;
import java.net.URI;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.HttpClientErrorException;

/**
 * What a test prints when the application's call does not carry the scope header: the engine records the call as
 * global and answers 404, and the test's failure carries the diagnosis naming the call, the stub it would have
 * matched and the fixes. The failing test is a fixture run through the JUnit Platform test kit.
 *
 * <p>{@code @Isolated}: the fixture run starts an engine and a Spring context of its own, CPU the timing tests of
 * this module (one-second timeouts in {@code CheckoutResilienceTest}) must not lose on a busy two-core machine. The
 * pattern itself needs no isolation: {@link PaymentGatewaySpringTest} runs concurrently.
 */
@Isolated("starts a second engine and Spring context; see the class comment")
class ForgottenScopeHeaderTest {

    @Test
    void failsWithTheDiagnosisOfTheUnscopedCall() {
        Event failed = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(ForgetsTheHeaderTestCase.class))
                .execute()
                .testEvents()
                .assertStatistics(stats -> stats.started(1).failed(1))
                .failed().list().get(0);

        Throwable failure = failed.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
        assertThat(failure).isInstanceOf(HttpClientErrorException.NotFound.class);
        assertThat(failure.getSuppressed()).hasSize(1);
        assertThat(failure.getSuppressed()[0].getMessage()
                .replaceAll("forgetstheheadertestcase-payswithoutthescopeheader-[0-9a-f]+", "<scope>"))
                .isEqualTo("""
                        Expecting scope <scope> to receive the requests its stubs answer, but it received no \
                        requests at all.
                        During this test the engine received 1 request without a scope header that a stub of this \
                        test would have matched:
                          POST /payments {"orderId":"o-1","amount":42.50}
                            would have matched stub: @Stub(name = "pay", method = "POST", path = "/payments") on \
                        ForgetsTheHeaderTestCase.paysWithoutTheScopeHeader
                        Likely cause: the system under test did not send the scope header "<scope>", so the engine \
                        recorded it outside this test's scope. Fix one of:
                          - forward the header on every call to the mock: <scope>: 1 (name and value from \
                        mock.scopeHeader())
                          - isolate without a header: @MockServer(isolation = Isolation.PORT) or \
                        @MockServer(isolation = Isolation.PATH_PREFIX), and hand mock.baseUrl() to the system under \
                        test
                          - let the scope-propagation agent add the header: @MockServer(propagateScope = true)
                        (@MockServer(strict = false) publishes this as the report entry scopemock.unscoped-requests \
                        instead of failing the test.)""");
    }

    /** A user's test that calls the application without {@code forwarded.during(...)}. */
    @MockServer
    @SpringBootTest(classes = PaymentApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
            properties = "spring.main.banner-mode=off")
    static class ForgetsTheHeaderTestCase {

        private static URI engineUrl;

        @Autowired
        PaymentGateway gateway;

        @BeforeAll
        static void engine(SharedEngine engine) {
            engineUrl = engine.baseUrl();
        }

        @DynamicPropertySource
        static void paymentApi(DynamicPropertyRegistry registry) {
            registry.add("payment.base-url", () -> engineUrl);
        }

        @Test
        @Stub(name = "pay", path = "/payments", method = "POST",
                responseJson = "{\"paymentId\": \"p-1\", \"status\": \"accepted\"}")
        void paysWithoutTheScopeHeader() {
            PaymentReceipt receipt = gateway.pay("o-1", new BigDecimal("42.50"));

            assertThat(receipt.status()).isEqualTo("accepted");
        }
    }
}
