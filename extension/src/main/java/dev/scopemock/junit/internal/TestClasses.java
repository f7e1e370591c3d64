package dev.scopemock.junit.internal;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/** The classes whose declarations apply to a test class: its {@code @Nested} enclosing classes, outermost first. */
final class TestClasses {

    private TestClasses() {
    }

    /**
     * The test class preceded by the classes enclosing it as {@code @Nested} (inner) classes; a static nested class
     * stands alone, as JUnit runs it on its own.
     */
    static List<Class<?>> outermostFirst(Class<?> testClass) {
        List<Class<?>> chain = new ArrayList<>();
        Class<?> current = testClass;
        chain.add(current);
        while (current.isMemberClass() && !Modifier.isStatic(current.getModifiers())) {
            current = current.getEnclosingClass();
            chain.add(0, current);
        }
        return chain;
    }
}
