package dev.scopemock.junit.internal;

import dev.scopemock.junit.ScopedMock;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Sets the {@link ScopedMock} fields of a test's instances (the test class's and, for {@code @Nested} tests, the
 * enclosing instances'), including inherited ones. Fields are checked before the test's scope is created.
 */
final class FieldInjection {

    private FieldInjection() {
    }

    /**
     * The ScopedMock fields of the instances, checked.
     *
     * @throws ExtensionConfigurationException for a static or final field
     */
    static List<Target> targets(List<Object> instances) {
        List<Target> targets = new ArrayList<>();
        for (Object instance : instances) {
            for (Class<?> type = instance.getClass(); type != null && type != Object.class;
                    type = type.getSuperclass()) {
                for (Field field : type.getDeclaredFields()) {
                    if (field.getType() == ScopedMock.class && !field.isSynthetic()) {
                        check(field);
                        targets.add(new Target(instance, field));
                    }
                }
            }
        }
        return targets;
    }

    /**
     * Refuses fields on an instance that concurrent tests share ({@code @TestInstance(PER_CLASS)} with concurrent
     * execution): each test would overwrite the others' mock.
     *
     * @throws ExtensionConfigurationException naming the field and the fix
     */
    static void checkNotShared(ExtensionContext context, List<Target> targets) {
        if (targets.isEmpty() || context.getExecutionMode() != ExecutionMode.CONCURRENT
                || context.getTestInstanceLifecycle().orElse(TestInstance.Lifecycle.PER_METHOD)
                        != TestInstance.Lifecycle.PER_CLASS) {
            return;
        }
        throw new ExtensionConfigurationException("ScopedMock field [" + targets.get(0).field() + "] is shared by"
                + " concurrent tests: the class uses @TestInstance(PER_CLASS) and runs its tests concurrently, so each"
                + " test would overwrite the others' mock. Fix: take the mock as a test-method parameter"
                + " (void test(ScopedMock mock)), or run the class with @Execution(SAME_THREAD).");
    }

    private static void check(Field field) {
        if (Modifier.isFinal(field.getModifiers())) {
            throw new ExtensionConfigurationException("ScopedMock field [" + field + "] must not be final; found a"
                    + " final field. Fix: remove the 'final' modifier so the extension can inject each test's mock.");
        }
        if (Modifier.isStatic(field.getModifiers())) {
            throw new ExtensionConfigurationException("ScopedMock field [" + field + "] must not be static; found a"
                    + " static field, which concurrent tests would share. Fix: make it an instance field.");
        }
    }

    /** One field of one instance. */
    record Target(Object instance, Field field) {

        void inject(ScopedMock mock) {
            try {
                field.setAccessible(true);
                field.set(instance, mock);
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new ExtensionConfigurationException("ScopedMock field [" + field + "] could not be set: "
                        + e.getMessage() + ". Fix: open the test's package to reflection (module-info 'opens').", e);
            }
        }
    }
}
