package dev.scopemock.junit;

import dev.scopemock.junit.internal.MockServerExtension;
import dev.scopemock.junit.internal.SharedEngineResolver;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives each test of the class its own scope on a shared Scopemock engine, registers the class's and the test's
 * {@code @Stub}s in it, injects a {@link ScopedMock}, and deletes the scope after the test (also when it fails).
 *
 * <pre>{@code
 * @MockServer
 * @Stub(path = "/health", body = "ok")
 * class CheckoutTest {
 *     @Test
 *     @Stub(path = "/payment", method = "POST", responseJson = "{\"status\":\"accepted\"}")
 *     void paysOnce(ScopedMock mock) { ... }
 * }
 * }</pre>
 *
 * <p>Scopes: one per test method, per {@code @RepeatedTest}/{@code @ParameterizedTest} invocation and per dynamic
 * test of a {@code @TestFactory}, named {@code <class>-<method>[-<invocation>…]-<random hex>} (lower case, at most
 * 120 characters). The scope exists before the first {@code @BeforeEach} method and is deleted after the last
 * {@code @AfterEach} method, also when the test fails. {@code @Nested} classes inherit the enclosing classes' stubs
 * and this annotation.
 *
 * <p>The engine is started once per JVM run on a free loopback port (or on {@link #port()}), shared by every test
 * class and closed when the run ends; or, when {@link #url()} or the configuration parameter (or system property)
 * {@value #URL_PROPERTY} names one, an engine running elsewhere is used over its HTTP control API only. Safe with
 * JUnit's parallel execution: all state lives in the extension context, nothing JVM-global is changed (except by
 * the opt-in {@linkplain #propagateScope() scope-propagation agent}).
 *
 * <p>A {@link SharedEngine} parameter (also of a {@code @BeforeAll} method) hands the engine's address to a system
 * under test built once per class, such as a Spring application context via {@code @DynamicPropertySource}.
 *
 * <p>Misuse fails the affected tests before they run: an invalid {@code @Stub}/{@code @Chaos} or a {@code final} or
 * {@code static} {@code ScopedMock} field with an {@code ExtensionConfigurationException}, a {@code ScopedMock}
 * parameter of a {@code @BeforeAll} method or constructor with a {@code ParameterResolutionException}.
 *
 * @since 0.1
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith({MockServerExtension.class, SharedEngineResolver.class})
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public @interface MockServer {

    /**
     * The configuration parameter (or system property) naming a remote engine's base URL, used when {@link #url()}
     * is empty: {@value}.
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    String URL_PROPERTY = "scopemock.url";

    /**
     * The base URL of a running engine to use instead of starting one, e.g. {@code http://127.0.0.1:8910}.
     *
     * @return the URL, empty for an in-process engine (or the {@value #URL_PROPERTY} property)
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    String url() default "";

    /**
     * The port of the in-process engine; the first class to start the engine decides it, and a later class asking
     * for another port fails with an {@code ExtensionConfigurationException}.
     *
     * @return the port, 0 for a free one
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    int port() default 0;

    /**
     * Whether a test fails when its scope received requests that matched none of its stubs, and when its scope
     * received nothing at all while the engine received unscoped requests during the test that its stubs would have
     * answered (the system under test did not forward the scope header; when not strict, that diagnosis is the
     * report entry {@code scopemock.unscoped-requests}).
     *
     * @return true (the default) to fail such tests with a report of the unmatched or unscoped requests
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    boolean strict() default true;

    /**
     * Whether a test fails when one of its stubs was never called (otherwise it is published as the report entry
     * {@code scopemock.unused-stubs}).
     *
     * @return false (the default) to only report unused stubs
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    boolean failOnUnusedStubs() default false;

    /**
     * How each test's requests reach its scope: by a header the system under test sends ({@link Isolation#HEADER}),
     * by a port of the test's own ({@link Isolation#PORT}) or by a path prefix ({@link Isolation#PATH_PREFIX});
     * {@link ScopedMock#baseUrl()} follows. Applies in process and with a remote engine alike.
     *
     * @return {@link Isolation#HEADER} (the default)
     * @since 0.1
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    Isolation isolation() default Isolation.HEADER;

    /**
     * Whether {@link ScopedMock#baseUrl()} is the engine's HTTPS URL, e.g. {@code https://127.0.0.1:41235} (with
     * {@link Isolation#PORT}, {@code https://} on the scope's own port; with {@link Isolation#PATH_PREFIX}, the HTTPS
     * URL plus the prefix). The certificate is signed by a CA generated in memory for the engine: hand
     * {@link ScopedMock#sslContext()} to the system under test's HTTP client. Nothing JVM-global changes: the default
     * {@code SSLContext}, {@code HttpsURLConnection} defaults and system properties stay as they are.
     *
     * <p>The in-process engine serves HTTP and HTTPS at once (same stubs and scopes), whichever class started it; a
     * remote engine must have been started with {@code --https-port}, or the test fails with an
     * {@code ExtensionConfigurationException}. Both ports speak HTTP/2 as well as HTTP/1.1.
     *
     * @return false (the default) for plain HTTP
     * @since 0.1
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    boolean https() default false;

    /**
     * The configuration parameter (or system property) that turns {@linkplain #propagateScope() scope propagation}
     * on for every test class of the run when set to {@code true}: {@value}.
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    String PROPAGATE_SCOPE_PROPERTY = "scopemock.propagateScope";

    /**
     * Whether the scope-propagation agent adds the running test's scope header to HTTP requests aimed at the
     * engine's host and port, so a system under test that does not forward the header still lands in the test's
     * scope. Covers {@code java.net.http.HttpClient}, {@code HttpURLConnection}, and Apache HttpClient 5 and OkHttp
     * when they are on the class path; the scope follows the test's thread (from before the first
     * {@code @BeforeEach} to after the last {@code @AfterEach}), the threads it starts and the tasks it submits to
     * executors. A header the request already carries for the scope is kept.
     *
     * <p>The agent is the extension's one deliberate JVM-global change: the first test that asks for it installs
     * it (ByteBuddy attaching to the running JVM) and it stays until the JVM exits, though it only acts for tests
     * that ask for it. When the JVM does not allow attaching, the test fails with an
     * {@code ExtensionConfigurationException} naming the fix ({@code -Djdk.attach.allowAttachSelf=true} or
     * {@code -javaagent:}). The {@value #PROPAGATE_SCOPE_PROPERTY} configuration parameter turns it on too.
     *
     * @return false (the default) to leave propagating the header to the system under test
     * @since 0.1
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    boolean propagateScope() default false;
}
