package dev.scopemock.junit.internal;

import dev.scopemock.junit.MockServer;
import java.net.URI;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The effective {@code @MockServer} settings of a test class.
 *
 * @param url the remote engine, or null for in-process
 * @param port the in-process port, 0 for a free one
 * @param strict fail tests whose scope received unmatched requests
 * @param failOnUnusedStubs fail tests with stubs that were never called
 */
record MockServerConfig(URI url, int port, boolean strict, boolean failOnUnusedStubs) {

    static MockServerConfig of(ExtensionContext context) {
        MockServer annotation = findAnnotation(context.getRequiredTestClass());
        if (annotation == null) {
            return new MockServerConfig(remoteUrl("", context), 0, true, false);
        }
        if (annotation.port() < 0 || annotation.port() > 65535) {
            throw new ExtensionConfigurationException("@MockServer(port = " + annotation.port() + ") on "
                    + context.getRequiredTestClass().getName() + ": port must be between 0 and 65535. Fix: use 0"
                    + " for a free port.");
        }
        return new MockServerConfig(remoteUrl(annotation.url(), context), annotation.port(), annotation.strict(),
                annotation.failOnUnusedStubs());
    }

    private static MockServer findAnnotation(Class<?> type) {
        for (Class<?> current = type; current != null; current = current.getEnclosingClass()) {
            MockServer found = current.getAnnotation(MockServer.class);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static URI remoteUrl(String attribute, ExtensionContext context) {
        String value = !attribute.isBlank() ? attribute
                : context.getConfigurationParameter(MockServer.URL_PROPERTY)
                        .orElse(System.getProperty(MockServer.URL_PROPERTY, ""));
        if (value.isBlank()) {
            return null;
        }
        try {
            URI uri = URI.create(value.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("not absolute");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException("@MockServer url \"" + value + "\" on "
                    + context.getRequiredTestClass().getName() + " is not an absolute http URL. Fix: use a URL"
                    + " such as http://127.0.0.1:8910.");
        }
    }
}
