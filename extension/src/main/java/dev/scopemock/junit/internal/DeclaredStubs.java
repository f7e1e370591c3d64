package dev.scopemock.junit.internal;

import dev.scopemock.annotations.Chaos;
import dev.scopemock.annotations.Stub;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Reads the {@code @Stub}s and {@code @Chaos} that apply to a test: those of its class and of the classes it is
 * {@code @Nested} in (outermost first), then the method's. Everything is validated before anything is registered, so
 * an invalid annotation fails the test before it runs and before its scope exists.
 */
final class DeclaredStubs {

    private DeclaredStubs() {
    }

    /**
     * @throws ExtensionConfigurationException naming the annotation, the attribute, the rule and the fix
     */
    static List<DeclaredStub> of(Class<?> testClass, Method method) {
        List<DeclaredStub> declared = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        for (Class<?> level : TestClasses.outermostFirst(testClass)) {
            collect(level.getAnnotation(Chaos.class), AnnotationSupport.findRepeatableAnnotations(level, Stub.class),
                    "class " + level.getSimpleName(), testClass, declared, names);
        }
        collect(method.getAnnotation(Chaos.class), AnnotationSupport.findRepeatableAnnotations(method, Stub.class),
                method.getDeclaringClass().getSimpleName() + "." + method.getName(), testClass, declared, names);
        return List.copyOf(declared);
    }

    private static void collect(Chaos chaos, List<Stub> stubs, String where, Class<?> testClass,
                                List<DeclaredStub> declared, Map<String, String> names) {
        if (chaos != null) {
            AnnotationStubs.checkChaos(chaos, "@Chaos on " + where, "");
        }
        for (Stub stub : stubs) {
            String origin = AnnotationStubs.describe(stub) + " on " + where;
            String payload = AnnotationStubs.payload(stub, chaos, where, testClass);
            String name = stub.name().isEmpty() ? null : stub.name();
            if (name != null) {
                String earlier = names.putIfAbsent(name, origin);
                if (earlier != null) {
                    throw AnnotationStubs.fail(origin, "name", "\"" + name + "\" is already used by " + earlier
                            + "; stub names are unique within a test", "give each stub its own name");
                }
            }
            declared.add(new DeclaredStub(name, payload, origin));
        }
    }
}
