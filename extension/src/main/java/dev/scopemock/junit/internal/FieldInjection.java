package dev.scopemock.junit.internal;

import dev.scopemock.junit.ScopedMock;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

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
