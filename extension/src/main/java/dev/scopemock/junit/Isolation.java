package dev.scopemock.junit;

import org.apiguardian.api.API;

/**
 * How a test's requests find their way into the test's scope on the shared engine; chosen with
 * {@link MockServer#isolation()} and visible as {@link ScopedMock#isolation()}. Every mode gives each test its own
 * scope; they differ in what the system under test must do, and in what {@link ScopedMock#baseUrl()} is.
 *
 * <pre>{@code
 * @MockServer(isolation = Isolation.PORT)
 * class CheckoutTest {
 *     @Test
 *     void pays(ScopedMock mock) {
 *         // mock.baseUrl() is http://127.0.0.1:<the scope's own port>; no header needed
 *         new CheckoutService(mock.baseUrl()).checkout(42);
 *     }
 * }
 * }</pre>
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum Isolation {

    /**
     * The system under test sends the header {@link ScopedMock#scopeHeader()} (its name is the scope) on every
     * request to {@link ScopedMock#baseUrl()}, the engine's own URL, e.g. {@code http://127.0.0.1:41234}. Works with
     * any engine speaking the Assertive Mock API protocol; a request without the header lands in the global space,
     * where the test does not see it.
     */
    HEADER,

    /**
     * The scope gets a port of its own, opened when the test starts and closed when it ends:
     * {@link ScopedMock#baseUrl()} is {@code http://<engine host>:<scope port>} and every request sent there belongs
     * to the test, with no header at all. For a system under test that cannot forward a header (a third-party client,
     * another process). Costs one connector per running test; needs a Scopemock engine, and the scope's port must be
     * reachable (mind containers that publish the engine's port only).
     */
    PORT,

    /**
     * {@link ScopedMock#baseUrl()} ends with the path prefix {@code /__scope__/<scope>}, e.g.
     * {@code http://127.0.0.1:41234/__scope__/checkouttest-pays-1a2b3c}; the engine strips the prefix, so a request
     * to {@code <baseUrl>/payment} is matched and recorded as {@code /payment}, with no header. For a system under
     * test that takes a base URL (with a path) but cannot send a header; the engine's port stays the only one. Needs
     * a Scopemock engine.
     */
    PATH_PREFIX
}
