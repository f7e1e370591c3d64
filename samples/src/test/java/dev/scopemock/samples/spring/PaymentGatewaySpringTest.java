package dev.scopemock.samples.spring;

import static dev.scopemock.assertj.MockAssertions.assertThat;
import static dev.scopemock.junit.MockResponse.ok;
import static dev.scopemock.junit.RequestMatcher.post;
import static dev.scopemock.junit.Times.exactly;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scopemock.annotations.Stub;
import dev.scopemock.junit.MockServer;
import dev.scopemock.junit.ScopeHeader;
import dev.scopemock.junit.ScopedMock;
import dev.scopemock.junit.SharedEngine;
import java.math.BigDecimal;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A Spring Boot application under test with one application context for the whole class: the engine's address is
 * the same for every test, so {@code @DynamicPropertySource} hands it to the context once; what differs per test is
 * the scope header, which each test supplies with the calls it makes ({@link ForwardedHeaders}). The tests run
 * concurrently (this module's {@code junit-platform.properties}) in that one context, each stubbing the same path
 * with its own answer.
 */
@MockServer
@SpringBootTest(classes = PaymentApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = "spring.main.banner-mode=off")
class PaymentGatewaySpringTest {

    /** The engine's address, set before Spring builds the context (which happens when the first test starts). */
    private static URI engineUrl;
    /** The contexts the tests ran in: one, for the whole class. */
    private static final Set<ApplicationContext> CONTEXTS = ConcurrentHashMap.newKeySet();

    @Autowired
    PaymentGateway gateway;
    @Autowired
    ForwardedHeaders forwarded;
    @Autowired
    ApplicationContext context;

    @BeforeAll
    static void engine(SharedEngine engine) {
        engineUrl = engine.baseUrl();
    }

    @DynamicPropertySource
    static void paymentApi(DynamicPropertyRegistry registry) {
        registry.add("payment.base-url", () -> engineUrl);
    }

    @AfterAll
    static void allTestsSharedOneContext() {
        assertThat(CONTEXTS).hasSize(1);
    }

    @Test
    @Stub(path = "/payments", method = "POST", json = "{\"orderId\": \"o-1\", \"amount\": 42.50}",
            responseJson = "{\"paymentId\": \"p-1\", \"status\": \"accepted\"}")
    void paysAnOrder(ScopedMock mock) {
        PaymentReceipt receipt = inScope(mock, () -> gateway.pay("o-1", new BigDecimal("42.50")));

        assertThat(receipt).isEqualTo(new PaymentReceipt("p-1", "accepted"));
        assertThat(mock).received(exactly(1), post("/payments").withHeader("Content-Type", "application/json"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"accepted", "declined", "pending", "refused"})
    void eachTestSeesOnlyItsOwnAnswerInTheSharedContext(String status, ScopedMock mock) {
        mock.whenRequestedWith(post("/payments"))
                .respondWith(ok().withJson("{\"paymentId\": \"p-" + status + "\", \"status\": \"" + status + "\"}"));

        PaymentReceipt receipt = inScope(mock, () -> gateway.pay("o-" + status, BigDecimal.TEN));

        assertThat(receipt).isEqualTo(new PaymentReceipt("p-" + status, status));
        assertThat(mock).received(exactly(1), post("/payments").withJson("{\"orderId\": \"o-" + status
                + "\", \"amount\": 10}"));
    }

    @Test
    void forwardsNothingOutsideACall(ScopedMock mock) {
        CONTEXTS.add(context);

        assertThat(forwarded.current()).isEmpty();
        assertThat(inScope(mock, forwarded::current)).containsExactly(Map.entry(mock.scopeName(), "1"));
        assertThat(forwarded.current()).isEmpty();
    }

    /** Makes the system under test's calls in {@code call} carry this test's scope header. */
    private <T> T inScope(ScopedMock mock, Supplier<T> call) {
        CONTEXTS.add(context);
        ScopeHeader header = mock.scopeHeader();
        return forwarded.during(header.name(), header.value(), call);
    }
}
