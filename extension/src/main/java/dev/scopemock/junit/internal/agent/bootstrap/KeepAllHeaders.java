package dev.scopemock.junit.internal.agent.bootstrap;

import java.util.function.BiPredicate;

/** The header filter that keeps every header when a {@code java.net.http.HttpRequest} is copied. */
final class KeepAllHeaders implements BiPredicate<String, String> {

    static final KeepAllHeaders INSTANCE = new KeepAllHeaders();

    private KeepAllHeaders() {
    }

    @Override
    public boolean test(String name, String value) {
        return true;
    }
}
