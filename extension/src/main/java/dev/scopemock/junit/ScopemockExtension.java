package dev.scopemock.junit;

import dev.scopemock.junit.internal.MockServerExtension;
import dev.scopemock.junit.internal.MockServerSettings;
import dev.scopemock.junit.internal.SharedEngineResolver;
import java.util.Objects;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.DynamicTestInvocationContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The programmatic form of {@link MockServer}, for a test class that builds its settings in code (from a constant,
 * an environment, a base class) instead of an annotation:
 *
 * <pre>{@code
 * class CheckoutTest {
 *   @RegisterExtension
 *   static final ScopemockExtension SCOPEMOCK = ScopemockExtension.builder().isolation(Isolation.PORT).build();
 *
 *   @Test
 *   @Stub(path = "/payment", method = "POST", status = 200)
 *   void pays(ScopedMock mock) { ... }
 * }
 * }</pre>
 *
 * <p>It behaves exactly like the annotation with the same attributes: the builder's settings and the annotation's go
 * through the same resolution (the {@value MockServer#URL_PROPERTY} and {@value MockServer#PROPAGATE_SCOPE_PROPERTY}
 * configuration parameters included) to the same configuration. {@code @Stub}, {@code @Chaos}, {@link ScopedMock}
 * parameters and fields, and {@link SharedEngine} parameters all work as with {@code @MockServer}. Register it in a
 * {@code static} field (it then also serves {@code @Nested} classes); a class that registers Scopemock twice (the
 * annotation and this extension, or two fields) fails its tests with a message saying so.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ScopemockExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver,
        InvocationInterceptor {

    private final MockServerExtension tests;
    private final SharedEngineResolver sharedEngine;

    private ScopemockExtension(MockServerSettings settings) {
        this.tests = MockServerExtension.configuredBy(settings);
        this.sharedEngine = new SharedEngineResolver(settings);
    }

    /**
     * A builder starting from {@link MockServer}'s defaults: in-process engine on a free port (or the
     * {@value MockServer#URL_PROPERTY} engine), strict, header isolation, no agent, plain HTTP.
     *
     * @return a new builder
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Creates this test's scope with its declared stubs, as {@code @MockServer} does.
     *
     * @param context the test's context
     */
    @Override
    @API(status = API.Status.INTERNAL, since = "0.1")
    public void beforeEach(ExtensionContext context) {
        tests.beforeEach(context);
    }

    /**
     * Checks this test's scope and deletes it, as {@code @MockServer} does.
     *
     * @param context the test's context
     */
    @Override
    @API(status = API.Status.INTERNAL, since = "0.1")
    public void afterEach(ExtensionContext context) {
        tests.afterEach(context);
    }

    /**
     * Supports {@link ScopedMock} and {@link SharedEngine} parameters.
     *
     * @param parameter the parameter
     * @param context the context
     * @return whether the parameter is one of the two types
     */
    @Override
    @API(status = API.Status.INTERNAL, since = "0.1")
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return tests.supportsParameter(parameter, context) || sharedEngine.supportsParameter(parameter, context);
    }

    /**
     * Resolves a {@link ScopedMock} or {@link SharedEngine} parameter.
     *
     * @param parameter the parameter
     * @param context the context
     * @return the test's mock or the shared engine
     */
    @Override
    @API(status = API.Status.INTERNAL, since = "0.1")
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return sharedEngine.supportsParameter(parameter, context) ? sharedEngine.resolveParameter(parameter, context)
                : tests.resolveParameter(parameter, context);
    }

    /**
     * Gives each dynamic test of a {@code @TestFactory} its own scope, as {@code @MockServer} does.
     *
     * @param invocation the dynamic test
     * @param invocationContext its invocation context
     * @param context its extension context
     * @throws Throwable what the dynamic test or its checks throw
     */
    @Override
    @API(status = API.Status.INTERNAL, since = "0.1")
    public void interceptDynamicTest(Invocation<Void> invocation, DynamicTestInvocationContext invocationContext,
                                     ExtensionContext context) throws Throwable {
        tests.interceptDynamicTest(invocation, invocationContext, context);
    }

    /** The settings of one {@link ScopemockExtension}, named like {@link MockServer}'s attributes. */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public static final class Builder {

        private String url = "";
        private int port;
        private boolean strict = true;
        private boolean failOnUnusedStubs;
        private Isolation isolation = Isolation.HEADER;
        private boolean propagateScope;
        private boolean https;

        private Builder() {
        }

        /**
         * A running engine to use instead of starting one; see {@link MockServer#url()}.
         *
         * @param url its base URL, e.g. {@code http://127.0.0.1:8910}; empty for in-process
         * @return this builder
         */
        @API(status = API.Status.EXPERIMENTAL, since = "0.1")
        public Builder url(String url) {
            this.url = Objects.requireNonNull(url, "url");
            return this;
        }

        /**
         * The in-process engine's port; see {@link MockServer#port()}.
         *
         * @param port the port, 0 for a free one
         * @return this builder
         */
        @API(status = API.Status.EXPERIMENTAL, since = "0.1")
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /**
         * Whether unmatched or unscoped requests fail the test; see {@link MockServer#strict()}.
         *
         * @param strict true (the default) to fail such tests
         * @return this builder
         */
        @API(status = API.Status.EXPERIMENTAL, since = "0.1")
        public Builder strict(boolean strict) {
            this.strict = strict;
            return this;
        }

        /**
         * Whether a stub that was never called fails the test; see {@link MockServer#failOnUnusedStubs()}.
         *
         * @param failOnUnusedStubs false (the default) to only report unused stubs
         * @return this builder
         */
        @API(status = API.Status.EXPERIMENTAL, since = "0.1")
        public Builder failOnUnusedStubs(boolean failOnUnusedStubs) {
            this.failOnUnusedStubs = failOnUnusedStubs;
            return this;
        }

        /**
         * How each test's requests reach its scope; see {@link MockServer#isolation()}.
         *
         * @param isolation header (the default), port or path prefix
         * @return this builder
         */
        @API(status = API.Status.EXPERIMENTAL, since = "0.1")
        public Builder isolation(Isolation isolation) {
            this.isolation = Objects.requireNonNull(isolation, "isolation");
            return this;
        }

        /**
         * Whether the scope-propagation agent adds the test's scope header to outgoing requests; see
         * {@link MockServer#propagateScope()}.
         *
         * @param propagateScope true to install the agent
         * @return this builder
         */
        @API(status = API.Status.EXPERIMENTAL, since = "0.1")
        public Builder propagateScope(boolean propagateScope) {
            this.propagateScope = propagateScope;
            return this;
        }

        /**
         * Whether {@link ScopedMock#baseUrl()} is the engine's HTTPS URL; see {@link MockServer#https()}.
         *
         * @param https true for HTTPS
         * @return this builder
         */
        @API(status = API.Status.EXPERIMENTAL, since = "0.1")
        public Builder https(boolean https) {
            this.https = https;
            return this;
        }

        /**
         * The extension, for a {@code @RegisterExtension} field. The settings are checked when the first test runs,
         * like the annotation's (a port outside 0..65535 or a URL that is not an absolute http URL fails it).
         *
         * @return the extension
         */
        @API(status = API.Status.EXPERIMENTAL, since = "0.1")
        public ScopemockExtension build() {
            return new ScopemockExtension(new MockServerSettings(MockServerSettings.Declaration.BUILDER, url, port,
                    strict, failOnUnusedStubs, isolation, propagateScope, https));
        }
    }
}
