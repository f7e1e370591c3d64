package dev.scopemock.samples;

import java.util.Objects;

/**
 * A header the services copy onto every outgoing call, such as a test's scope header or a trace id.
 *
 * @param name the header name, not blank
 * @param value the header value
 */
public record ForwardedHeader(String name, String value) {

    /**
     * Checks both parts are present.
     *
     * @param name the header name
     * @param value the header value
     */
    public ForwardedHeader {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a forwarded header needs a name, found a blank one");
        }
    }
}
