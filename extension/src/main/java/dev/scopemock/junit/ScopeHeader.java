package dev.scopemock.junit;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The header that puts a request into a test's scope: its <em>name</em> is the scope name; the value is ignored by
 * the engine.
 *
 * <pre>{@code
 * ScopeHeader header = mock.scopeHeader();
 * HttpRequest.newBuilder(uri).header(header.name(), header.value());
 * }</pre>
 *
 * @param name the header name (the scope name)
 * @param value the header value
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ScopeHeader(String name, String value) {

    /**
     * Checks both parts are present.
     *
     * @param name the header name
     * @param value the header value
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public ScopeHeader {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return name + ": " + value;
    }
}
