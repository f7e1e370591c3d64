package dev.scopemock.junit.internal;

import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Names a test's scope after the test: class, method, invocation indexes (repeated, parameterized and dynamic
 * tests, dynamic containers) and a short random suffix; lower case, only {@code [a-z0-9_-]}, at most
 * {@value #MAX} characters (the engine allows 128).
 */
final class ScopeNaming {

    static final int MAX = 120;
    private static final Pattern INVOCATION =
            Pattern.compile("(?:invocation|dynamic-test|dynamic-container):#(\\d+)");

    private ScopeNaming() {
    }

    /**
     * @param context a test method's context, or a dynamic test's (whose class and method are its factory's)
     */
    static String nameFor(ExtensionContext context) {
        ExtensionContext owner = context;
        while (owner.getTestMethod().isEmpty() && owner.getParent().isPresent()) {
            owner = owner.getParent().get();
        }
        Class<?> testClass = owner.getRequiredTestClass();
        String className = testClass.getSimpleName().isEmpty() ? testClass.getName() : testClass.getSimpleName();
        Optional<Method> method = owner.getTestMethod();
        StringBuilder invocations = new StringBuilder();
        Matcher matcher = INVOCATION.matcher(context.getUniqueId());
        while (matcher.find()) {
            invocations.append('-').append(matcher.group(1));
        }
        String suffix = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0x1000000));
        String classPart = clean(className);
        String methodPart = clean(method.map(Method::getName).orElse("test"));
        // long names are shortened in class and method, never in the invocation indexes that tell invocations apart
        int room = Math.max(2, MAX - suffix.length() - invocations.length() - 2);
        if (classPart.length() + methodPart.length() > room) {
            int keepClass = Math.min(classPart.length(), Math.max(room / 2, room - methodPart.length()));
            classPart = classPart.substring(0, keepClass);
            methodPart = methodPart.substring(0, Math.min(methodPart.length(), room - keepClass));
        }
        String name = classPart + "-" + methodPart + invocations + "-" + suffix;
        return name.length() <= MAX ? name : name.substring(name.length() - MAX);
    }

    private static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
            out.append((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ? c : '_');
        }
        return out.toString();
    }
}
