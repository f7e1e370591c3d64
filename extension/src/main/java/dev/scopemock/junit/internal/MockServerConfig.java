package dev.scopemock.junit.internal;

import dev.scopemock.junit.Isolation;
import dev.scopemock.junit.MockServer;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The effective {@code @MockServer} settings of a test class: the annotation on the class, or on the class it is
 * {@code @Nested} in; the remote URL from the annotation, else the {@value MockServer#URL_PROPERTY} configuration
 * parameter (JUnit also reads it from system properties).
 *
 * @param url the remote engine, or null for in-process
 * @param urlSource where the URL came from, for messages
 * @param port the in-process port, 0 for a free one
 * @param strict fail tests whose scope received unmatched requests
 * @param failOnUnusedStubs fail tests with stubs that were never called
 * @param isolation how tests' requests reach their scopes
 * @param propagateScope add the test's scope header to requests for the engine (the agent), from the annotation or
 *                       the {@value MockServer#PROPAGATE_SCOPE_PROPERTY} configuration parameter
 * @param https whether tests get the engine's HTTPS URL
 * @param declaredBy how the class declared its settings, so that messages name them as the user wrote them
 */
record MockServerConfig(URI url, String urlSource, int port, boolean strict, boolean failOnUnusedStubs,
                        Isolation isolation, boolean propagateScope, boolean https,
                        MockServerSettings.Declaration declaredBy) {

    /**
     * How a message names one of the settings, in the form the class declared them.
     *
     * @param name the attribute or builder method
     * @param value its value as written
     * @return {@code @MockServer(strict = false)} or {@code ScopemockExtension.builder().strict(false)}
     */
    String setting(String name, String value) {
        return declaredBy.attribute(name, value);
    }

    /** The configuration of a {@code @MockServer} class (the annotation's defaults when there is none). */
    static MockServerConfig of(ExtensionContext context) {
        MockServer annotation = findAnnotation(context.getRequiredTestClass());
        return resolve(annotation == null ? MockServerSettings.defaults() : MockServerSettings.of(annotation),
                context);
    }

    /**
     * The configuration declared by {@code settings}, with the configuration parameters read: the remote URL when
     * none is declared, and the agent when not declared on.
     */
    static MockServerConfig resolve(MockServerSettings settings, ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        if (settings.port() < 0 || settings.port() > 65535) {
            throw new ExtensionConfigurationException(settings.declaredBy().attribute("port",
                    String.valueOf(settings.port())) + " on " + testClass.getName()
                    + ": port must be between 0 and 65535, found " + settings.port() + ". Fix: use 0 for a free port.");
        }
        boolean declared = !settings.url().isBlank();
        String source = declared ? settings.declaredBy().attribute("url", "...") : urlParameter();
        String value = declared ? settings.url()
                : context.getConfigurationParameter(MockServer.URL_PROPERTY).orElse("");
        return new MockServerConfig(parse(value, testClass, source), source, settings.port(), settings.strict(),
                settings.failOnUnusedStubs(), settings.isolation(),
                settings.propagateScope() || propagateParameter(context), settings.https(), settings.declaredBy());
    }

    private static boolean propagateParameter(ExtensionContext context) {
        return context.getConfigurationParameter(MockServer.PROPAGATE_SCOPE_PROPERTY).map(String::trim)
                .filter("true"::equalsIgnoreCase).isPresent();
    }

    private static String urlParameter() {
        return "the " + MockServer.URL_PROPERTY + " configuration parameter";
    }

    private static MockServer findAnnotation(Class<?> testClass) {
        List<Class<?>> chain = TestClasses.outermostFirst(testClass);
        for (int i = chain.size() - 1; i >= 0; i--) {
            MockServer found = AnnotationSupport.findAnnotation(chain.get(i), MockServer.class).orElse(null);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static URI parse(String value, Class<?> testClass, String source) {
        if (value.isBlank()) {
            return null;
        }
        try {
            URI uri = URI.create(value.trim());
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException("not an absolute http URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException("The engine URL from " + source + " for "
                    + testClass.getName() + " must be an absolute http URL, found \"" + value + "\". Fix: use a URL"
                    + " such as http://127.0.0.1:8910.");
        }
    }
}
