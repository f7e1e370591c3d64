package dev.scopemock.junit.internal;

import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Names a test's scope after the test: class, method, invocation index (repeated, parameterized and dynamic
 * tests) and a short random suffix; lower case, only {@code [a-z0-9_-]}, at most 128 characters.
 */
final class ScopeNaming {

    static final int MAX = 120;
    private static final Pattern INVOCATION = Pattern.compile("(?:invocation|dynamic-test):#(\\d+)");

    private ScopeNaming() {
    }

    static String nameFor(ExtensionContext context) {
        String className = context.getRequiredTestClass().getSimpleName();
        String method = context.getTestMethod().map(m -> m.getName()).orElse("test");
        StringBuilder invocations = new StringBuilder();
        Matcher matcher = INVOCATION.matcher(context.getUniqueId());
        while (matcher.find()) {
            invocations.append('-').append(matcher.group(1));
        }
        String suffix = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xFFFFFF));
        String base = clean(className) + "-" + clean(method) + invocations;
        int room = MAX - suffix.length() - 1;
        if (base.length() > room) {
            base = base.substring(0, room);
        }
        return base + "-" + suffix;
    }

    private static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
            out.append((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ? c : '_');
        }
        return out.toString();
    }
}
