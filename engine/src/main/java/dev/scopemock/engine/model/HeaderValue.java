package dev.scopemock.engine.model;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One response header name with one or more values.
 *
 * @param name the header name as it is sent
 * @param values the values; each is sent as its own header line
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record HeaderValue(String name, List<String> values) {

    /**
     * Copies the values.
     *
     * @param name the header name
     * @param values the values
     */
    public HeaderValue {
        Objects.requireNonNull(name, "name");
        values = List.copyOf(values);
    }
}
