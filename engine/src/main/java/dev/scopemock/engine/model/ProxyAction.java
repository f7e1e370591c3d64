package dev.scopemock.engine.model;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Forwards the request to {@code url} and relays the answer.
 *
 * @param url the target URL (its query is kept; the incoming query is appended)
 * @param headers headers added to (or replacing, by case-insensitive name) the forwarded ones
 * @param timeout the connect and total timeout
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ProxyAction(URI url, Map<String, String> headers, Duration timeout) implements StubAction {

    /**
     * Validates and copies.
     *
     * @param url the target URL
     * @param headers extra headers
     * @param timeout the timeout, positive
     */
    public ProxyAction {
        Objects.requireNonNull(url, "url");
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, found " + timeout);
        }
    }
}
