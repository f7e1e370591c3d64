package dev.scopemock.junit.internal;

import dev.scopemock.junit.Isolation;
import dev.scopemock.junit.MockServer;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What a test class declares about its engine, before the configuration parameters are read: from
 * {@code @MockServer} or from {@code ScopemockExtension.builder()}. Both end in the same {@link MockServerConfig}
 * (see {@link MockServerConfig#resolve}), so the two registrations cannot behave differently.
 *
 * @param declaredBy how the settings were declared, for messages
 * @param url the remote engine's base URL, empty for in-process (or the configuration parameter)
 * @param port the in-process port, 0 for a free one
 * @param strict fail tests whose scope received unmatched or unscoped requests
 * @param failOnUnusedStubs fail tests with stubs that were never called
 * @param isolation how tests' requests reach their scopes
 * @param propagateScope install the scope-propagation agent
 * @param https whether tests get the engine's HTTPS URL
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record MockServerSettings(Declaration declaredBy, String url, int port, boolean strict,
                                 boolean failOnUnusedStubs, Isolation isolation, boolean propagateScope,
                                 boolean https) {

    /** Rejects nulls. */
    public MockServerSettings {
        Objects.requireNonNull(declaredBy, "declaredBy");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(isolation, "isolation");
    }

    /** Where settings come from, and how a message names one of them. */
    @API(status = API.Status.INTERNAL, since = "0.1")
    public enum Declaration {
        /** {@code @MockServer}: {@code @MockServer(port = 1)}. */
        ANNOTATION,
        /** {@code ScopemockExtension.builder()}: {@code ScopemockExtension.builder().port(1)}. */
        BUILDER;

        /**
         * How a message names a setting.
         *
         * @param name the attribute or builder method
         * @param value its value as written, or {@code ...}
         * @return e.g. {@code @MockServer(port = 1)}
         */
        String attribute(String name, String value) {
            return this == ANNOTATION ? "@MockServer(" + name + (value.equals("...") ? "" : " = " + value) + ")"
                    : "ScopemockExtension.builder()." + name + "(" + value + ")";
        }
    }

    /** The settings of a class without any declaration: the annotation's defaults. */
    static MockServerSettings defaults() {
        return new MockServerSettings(Declaration.ANNOTATION, "", 0, true, false, Isolation.HEADER, false, false);
    }

    /** The settings an annotation declares. */
    static MockServerSettings of(MockServer annotation) {
        return new MockServerSettings(Declaration.ANNOTATION, annotation.url(), annotation.port(), annotation.strict(),
                annotation.failOnUnusedStubs(), annotation.isolation(), annotation.propagateScope(),
                annotation.https());
    }
}
