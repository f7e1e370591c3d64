package dev.scopemock.junit.internal;

import dev.scopemock.junit.ScopedMock;
import dev.scopemock.junit.internal.agent.ScopePropagation;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.DynamicTestInvocationContext;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The {@code @MockServer} extension: before each test (and each dynamic test of a {@code @TestFactory}), a scope
 * named after it with the class's and the method's stubs; a {@link ScopedMock} for parameters and fields; after
 * it, the strictness checks and the scope's deletion (also when the test failed). Stateless: everything lives in
 * the extension context's stores.
 */
public final class MockServerExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver,
        InvocationInterceptor {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(MockServerExtension.class);
    private static final String TEST_SCOPE = "test-scope";
    private static final String DYNAMIC_TESTS = "dynamic-tests";
    private static final String PROPAGATION = "scope-propagation";
    private static final String CHAOS_SEED = "chaos-seed";

    private final Function<ExtensionContext, MockServerConfig> configuration;

    /** The extension {@code @MockServer} registers: configured by the annotation. */
    public MockServerExtension() {
        this(MockServerConfig::of);
    }

    private MockServerExtension(Function<ExtensionContext, MockServerConfig> configuration) {
        this.configuration = configuration;
    }

    /**
     * The extension a {@code ScopemockExtension} delegates to: configured by its builder's settings.
     *
     * @param settings what the builder declared
     * @return the extension
     */
    public static MockServerExtension configuredBy(MockServerSettings settings) {
        return new MockServerExtension(context -> MockServerConfig.resolve(settings, context));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        TestScope existing = context.getStore(NAMESPACE).get(TEST_SCOPE, TestScope.class);
        if (existing != null) {
            throw new ExtensionConfigurationException(context.getRequiredTestClass().getName() + " registers "
                    + "Scopemock twice (found @MockServer and a @RegisterExtension ScopemockExtension, or two "
                    + "ScopemockExtension fields), so each test would get two scopes. Fix: keep one registration.");
        }
        MockServerConfig config = configuration.apply(context);
        Method method = context.getRequiredTestMethod();
        List<DeclaredStub> declared = DeclaredStubs.of(context.getRequiredTestClass(), method);
        List<FieldInjection.Target> fields = FieldInjection.targets(context.getRequiredTestInstances()
                .getAllInstances());
        FieldInjection.checkNotShared(context, fields);
        EngineConnection engine = EngineRegistry.connect(context, config);
        TestScope scope = TestScope.create(engine, () -> ScopeNaming.nameFor(context), config);
        context.getStore(NAMESPACE).put(TEST_SCOPE, scope);
        long seed = ChaosSeeds.resolve(context.getRequiredTestClass(), method);
        engine.configureChaos(scope.name(), "{\"seed\": " + seed + "}");
        context.getStore(NAMESPACE).put(CHAOS_SEED, seed);
        scope.register(declared);
        ScopedMock injected = scope.mock();
        if (AnnotationSupport.isAnnotated(method, TestFactory.class)) {
            DynamicTests dynamic = new DynamicTests(scope, method.getDeclaringClass().getSimpleName() + "."
                    + method.getName() + "()");
            context.getStore(NAMESPACE).put(DYNAMIC_TESTS, dynamic);
            injected = dynamic.router();
        }
        for (FieldInjection.Target field : fields) {
            field.inject(injected);
        }
        if (config.propagateScope()) {
            context.getStore(NAMESPACE).put(PROPAGATION, ScopePropagation.bind(context.getRequiredTestClass(),
                    TestScope.engineUrl(engine, config), scope.mock().scopeHeader()));
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        DynamicTests dynamic = context.getStore(NAMESPACE).remove(DYNAMIC_TESTS, DynamicTests.class);
        TestScope scope = context.getStore(NAMESPACE).remove(TEST_SCOPE, TestScope.class);
        if (scope == null) {
            return;
        }
        try {
            // a factory's stubs serve its dynamic tests (as copies), which report their own unused stubs
            java.util.Optional<Throwable> ownFailure = context.getExecutionException();
            Long seed = context.getStore(NAMESPACE).remove(CHAOS_SEED, Long.class);
            String seedLine = seed != null && (scope.mock().hasScopeChaos()
                    || ChaosSeeds.used(scope.mock().registeredStubs()))
                    ? ChaosSeeds.describe(scope.name(), seed) : null;
            if (seedLine != null) {
                context.publishReportEntry("scopemock.chaos-seed", seedLine);
            }
            List<Throwable> callbackFailures = scope.mock().callbackFailures();
            if (!callbackFailures.isEmpty()) {
                org.opentest4j.AssertionFailedError callbackReport = callbackReport(scope.name(), callbackFailures,
                        seedLine);
                if (ownFailure.isPresent()) {
                    ownFailure.get().addSuppressed(callbackReport);
                } else {
                    try {
                        StrictnessCheck.run(context, scope, dynamic == null);
                    } catch (org.opentest4j.AssertionFailedError report) {
                        callbackReport.addSuppressed(report);
                    }
                    throw callbackReport;
                }
            }
            if (ownFailure.isEmpty()) {
                try {
                    StrictnessCheck.run(context, scope, dynamic == null);
                } catch (org.opentest4j.AssertionFailedError report) {
                    if (seedLine == null) {
                        throw report;
                    }
                    throw new org.opentest4j.AssertionFailedError(report.getMessage() + "\n" + seedLine);
                }
            } else {
                if (seedLine != null) {
                    ownFailure.get().addSuppressed(new org.opentest4j.AssertionFailedError(seedLine));
                }
                attachReport(ownFailure.get(), context, scope, dynamic == null);
            }
        } finally {
            try {
                scope.close();
            } finally {
                ScopePropagation.Binding propagation = context.getStore(NAMESPACE).remove(PROPAGATION,
                        ScopePropagation.Binding.class);
                if (propagation != null) {
                    propagation.close();
                }
            }
        }
    }

    /** The failure of a test whose callbacks threw: each exception (answered 500), the first as the cause. */
    private static org.opentest4j.AssertionFailedError callbackReport(String scope, List<Throwable> failures,
                                                                      String seedLine) {
        StringBuilder message = new StringBuilder(failures.size() == 1 ? "A callback" : failures.size() + " callbacks")
                .append(" of scope ").append(scope).append(" threw (each call was answered 500 CALLBACK_FAILED):");
        for (Throwable failure : failures) {
            message.append("\n  ").append(failure.getClass().getName()).append(": ").append(failure.getMessage());
        }
        if (seedLine != null) {
            message.append("\n").append(seedLine);
        }
        org.opentest4j.AssertionFailedError report = new org.opentest4j.AssertionFailedError(message.toString(),
                failures.get(0));
        for (int i = 1; i < failures.size(); i++) {
            report.addSuppressed(failures.get(i));
        }
        return report;
    }

    /**
     * When the test already failed, its own failure stays the verdict, but the strictness report (often the cause:
     * an unmatched request answered 404) is attached to it as a suppressed exception so it is not lost.
     */
    private static void attachReport(Throwable ownFailure, ExtensionContext context, TestScope scope,
                                     boolean checkUnused) {
        try {
            StrictnessCheck.run(context, scope, checkUnused);
        } catch (org.opentest4j.AssertionFailedError report) {
            ownFailure.addSuppressed(report);
        }
    }

    /**
     * Gives each dynamic test of a {@code @TestFactory} its own scope with copies of the factory scope's stubs,
     * checked and deleted like a test's.
     */
    @Override
    public void interceptDynamicTest(Invocation<Void> invocation, DynamicTestInvocationContext invocationContext,
                                     ExtensionContext context) throws Throwable {
        DynamicTests dynamic = context.getStore(NAMESPACE).get(DYNAMIC_TESTS, DynamicTests.class);
        if (dynamic == null) {
            invocation.proceed();
            return;
        }
        TestScope factory = dynamic.factoryScope();
        TestScope scope = TestScope.create(factory.engine(), () -> ScopeNaming.nameFor(context), factory.config());
        try {
            Long seed = context.getStore(NAMESPACE).get(CHAOS_SEED, Long.class);
            if (seed != null) {
                // the factory's seed (its @Chaos(seed), the property, or the one drawn for it) replays each dynamic test
                factory.engine().configureChaos(scope.name(), "{\"seed\": " + seed + "}");
            }
            scope.copyStubsOf(factory.mock());
            try (AutoCloseable bound = dynamic.bind(scope.mock());
                 AutoCloseable propagation = propagate(context, scope)) {
                invocation.proceed();
            }
            StrictnessCheck.run(context, scope, true);
        } finally {
            scope.close();
        }
    }

    /** The dynamic test's scope for the agent while it runs (the factory's again afterwards); nothing when off. */
    private static AutoCloseable propagate(ExtensionContext context, TestScope scope) {
        if (!scope.config().propagateScope()) {
            return () -> { };
        }
        ExtensionContext withClass = context;
        while (withClass.getTestClass().isEmpty() && withClass.getParent().isPresent()) {
            withClass = withClass.getParent().get();      // a dynamic test's context has no class of its own
        }
        return ScopePropagation.bind(withClass.getRequiredTestClass(), TestScope.engineUrl(scope.engine(),
                scope.config()), scope.mock().scopeHeader());
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ScopedMock.class;
    }

    @Override
    public ScopedMock resolveParameter(ParameterContext parameter, ExtensionContext context) {
        DynamicTests dynamic = context.getStore(NAMESPACE).get(DYNAMIC_TESTS, DynamicTests.class);
        if (dynamic != null) {
            return dynamic.router();
        }
        TestScope scope = context.getStore(NAMESPACE).get(TEST_SCOPE, TestScope.class);
        if (scope == null) {
            Executable executable = parameter.getDeclaringExecutable();
            throw new ParameterResolutionException("ScopedMock parameter #" + parameter.getIndex() + " of "
                    + kind(executable) + " [" + executable + "] cannot be resolved: a ScopedMock belongs to one test"
                    + " and is injected into @Test, @BeforeEach and @AfterEach methods and fields only. Fix: move"
                    + " the parameter to a @BeforeEach method or to the test method.");
        }
        return scope.mock();
    }

    private static String kind(Executable executable) {
        if (executable instanceof Constructor<?>) {
            return "constructor";
        }
        if (AnnotationSupport.isAnnotated(executable, BeforeAll.class)) {
            return "@BeforeAll method";
        }
        if (AnnotationSupport.isAnnotated(executable, AfterAll.class)) {
            return "@AfterAll method";
        }
        return "method";
    }
}
