package dev.scopemock.junit;

import java.net.URI;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The engine that every test of the run shares, for a system under test that outlives one test: a Spring
 * application context built once per test class, a client created in {@code @BeforeAll}. Injected by
 * {@code @MockServer} into parameters of any method or constructor of the class, {@code @BeforeAll} methods
 * included (unlike {@link ScopedMock}, which belongs to one test).
 *
 * <pre>{@code
 * private static URI engineUrl;     // this class's own field, read by the context it builds
 *
 * @BeforeAll
 * static void engine(SharedEngine engine) {
 *     engineUrl = engine.baseUrl();
 * }
 *
 * @DynamicPropertySource
 * static void paymentApi(DynamicPropertyRegistry registry) {
 *     registry.add("payment.base-url", () -> engineUrl);
 * }
 * }</pre>
 *
 * <p>Requests to this address belong to no test until they carry a test's scope header ({@link
 * ScopedMock#scopeHeader()}): the system under test must send it with each call of the test, or they are global.
 *
 * @param baseUrl the engine's base URL, without a trailing slash, e.g. {@code http://127.0.0.1:41234}
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record SharedEngine(URI baseUrl) {

    /**
     * Checks the URL is present.
     *
     * @param baseUrl the engine's base URL
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public SharedEngine {
        Objects.requireNonNull(baseUrl, "baseUrl");
    }

    /**
     * The engine's port.
     *
     * @return the port
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public int port() {
        return baseUrl.getPort();
    }
}
