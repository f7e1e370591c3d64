package dev.scopemock.samples;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where the remote services live and how to call them. Immutable; the {@code with…} methods return copies.
 *
 * <pre>{@code
 * ServiceSettings settings = ServiceSettings.of(URI.create("http://payments.internal"))
 *         .withForwardedHeader("x-trace", "abc")
 *         .withRequestTimeout(Duration.ofMillis(200));
 * }</pre>
 *
 * @param baseUrl the services' base URL, without a trailing slash
 * @param forwardedHeaders headers sent on every call
 * @param requestTimeout how long a call may take until its response headers arrive
 * @param retry how connection errors are retried
 */
public record ServiceSettings(URI baseUrl, List<ForwardedHeader> forwardedHeaders, Duration requestTimeout,
                              RetryPolicy retry) {

    /**
     * Validates the settings and copies the header list.
     *
     * @param baseUrl base URL
     * @param forwardedHeaders forwarded headers
     * @param requestTimeout request timeout
     * @param retry retry policy
     */
    public ServiceSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        forwardedHeaders = List.copyOf(forwardedHeaders);
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(retry, "retry");
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("requestTimeout must be positive, found " + requestTimeout);
        }
    }

    /**
     * Settings for services at {@code baseUrl}: no forwarded headers, a 5 s timeout, {@link RetryPolicy#defaults()}.
     *
     * @param baseUrl the base URL
     * @return the settings
     */
    public static ServiceSettings of(URI baseUrl) {
        return new ServiceSettings(baseUrl, List.of(), Duration.ofSeconds(5), RetryPolicy.defaults());
    }

    /**
     * These settings plus one header forwarded on every call.
     *
     * @param name the header name
     * @param value the header value
     * @return a copy
     */
    public ServiceSettings withForwardedHeader(String name, String value) {
        List<ForwardedHeader> headers = new ArrayList<>(forwardedHeaders);
        headers.add(new ForwardedHeader(name, value));
        return new ServiceSettings(baseUrl, headers, requestTimeout, retry);
    }

    /**
     * These settings with another request timeout.
     *
     * @param timeout the timeout, positive
     * @return a copy
     */
    public ServiceSettings withRequestTimeout(Duration timeout) {
        return new ServiceSettings(baseUrl, forwardedHeaders, timeout, retry);
    }

    /**
     * These settings with another retry policy.
     *
     * @param policy the policy
     * @return a copy
     */
    public ServiceSettings withRetry(RetryPolicy policy) {
        return new ServiceSettings(baseUrl, forwardedHeaders, requestTimeout, policy);
    }

    /**
     * The absolute URI of a path on the services.
     *
     * @param path starting with {@code /}
     * @return the URI
     */
    URI resolve(String path) {
        String base = baseUrl.toString();
        return URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) + path : base + path);
    }
}
