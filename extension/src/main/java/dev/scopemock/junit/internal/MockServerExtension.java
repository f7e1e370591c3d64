package dev.scopemock.junit.internal;

import dev.scopemock.annotations.Chaos;
import dev.scopemock.annotations.Stub;
import dev.scopemock.junit.ScopedMock;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The {@code @MockServer} extension: before each test, a scope named after it with the class's and the method's
 * stubs; a {@link ScopedMock} for parameters and fields; after the test, the strictness checks and the scope's
 * deletion (also when the test failed). Stateless: everything lives in the extension context's stores.
 */
public final class MockServerExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(MockServerExtension.class);
    private static final String TEST_SCOPE = "test-scope";

    @Override
    public void beforeEach(ExtensionContext context) {
        MockServerConfig config = MockServerConfig.of(context);
        EngineConnection engine = EngineRegistry.connect(context, config);
        String scope = ScopeNaming.nameFor(context);
        engine.createScope(scope);
        TestScope testScope = new TestScope(engine, scope, new ScopedMock(engine, scope), config);
        context.getStore(NAMESPACE).put(TEST_SCOPE, testScope);
        registerDeclaredStubs(context, testScope.mock());
        injectFields(context, testScope.mock());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        TestScope testScope = context.getStore(NAMESPACE).remove(TEST_SCOPE, TestScope.class);
        if (testScope == null) {
            return;
        }
        try {
            if (context.getExecutionException().isEmpty()) {
                StrictnessCheck.run(context, testScope);
            }
        } finally {
            testScope.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ScopedMock.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        TestScope testScope = context.getStore(NAMESPACE).get(TEST_SCOPE, TestScope.class);
        if (testScope == null) {
            throw new ParameterResolutionException("ScopedMock parameter of "
                    + parameter.getDeclaringExecutable() + ": a ScopedMock belongs to one test, so it can be injected"
                    + " into @Test, @BeforeEach and @AfterEach methods only, not into @BeforeAll/@AfterAll or"
                    + " constructors. Fix: move the parameter to a per-test method.");
        }
        return testScope.mock();
    }

    private static void registerDeclaredStubs(ExtensionContext context, ScopedMock mock) {
        List<Class<?>> levels = new ArrayList<>();
        for (Class<?> type = context.getRequiredTestClass(); type != null; type = type.getEnclosingClass()) {
            levels.add(0, type);
        }
        for (Class<?> level : levels) {
            Chaos chaos = AnnotationSupport.findAnnotation(level, Chaos.class).orElse(null);
            for (Stub stub : AnnotationSupport.findRepeatableAnnotations(level, Stub.class)) {
                register(mock, stub, chaos, "class " + level.getSimpleName(), context.getRequiredTestClass());
            }
        }
        Method method = context.getRequiredTestMethod();
        Chaos chaos = AnnotationSupport.findAnnotation(method, Chaos.class).orElse(null);
        for (Stub stub : AnnotationSupport.findRepeatableAnnotations(method, Stub.class)) {
            register(mock, stub, chaos, method.getDeclaringClass().getSimpleName() + "." + method.getName(),
                    context.getRequiredTestClass());
        }
    }

    private static void register(ScopedMock mock, Stub stub, Chaos chaos, String where, Class<?> testClass) {
        String payload = AnnotationStubs.payload(stub, chaos, where, testClass);
        String origin = AnnotationStubs.describe(stub) + " on " + where;
        try {
            mock.registerDeclared(stub.name().isEmpty() ? null : stub.name(), payload, origin);
        } catch (IllegalArgumentException rejected) {
            throw new ExtensionConfigurationException(origin + ": the engine rejected the stub: "
                    + rejected.getMessage(), rejected);
        }
    }

    private static void injectFields(ExtensionContext context, ScopedMock mock) {
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            for (Class<?> type = instance.getClass(); type != null && type != Object.class;
                    type = type.getSuperclass()) {
                for (Field field : type.getDeclaredFields()) {
                    if (field.getType() != ScopedMock.class || field.isSynthetic()) {
                        continue;
                    }
                    if (Modifier.isStatic(field.getModifiers()) || Modifier.isFinal(field.getModifiers())) {
                        throw new ExtensionConfigurationException("ScopedMock field [" + field + "] must be neither"
                                + " static nor final; found " + Modifier.toString(field.getModifiers())
                                + ". Fix: declare it as a plain instance field, e.g. 'ScopedMock mock;'.");
                    }
                    try {
                        field.setAccessible(true);
                        field.set(instance, mock);
                    } catch (ReflectiveOperationException | RuntimeException e) {
                        throw new ExtensionConfigurationException("ScopedMock field [" + field + "] could not be"
                                + " set: " + e.getMessage() + ". Fix: make it accessible (not final, in an open"
                                + " package).", e);
                    }
                }
            }
        }
    }
}
