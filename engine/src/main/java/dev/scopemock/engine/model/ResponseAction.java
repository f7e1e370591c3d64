package dev.scopemock.engine.model;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A canned response.
 *
 * @param status the status code (200–599)
 * @param headers response headers in order; a header with several values is sent once per value
 * @param body the body
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ResponseAction(int status, List<HeaderValue> headers, ResponseBody body) implements StubAction {

    /**
     * Validates the status and copies the headers.
     *
     * @param status the status code
     * @param headers response headers
     * @param body the body
     */
    public ResponseAction {
        if (status < 200 || status > 599) {
            throw new IllegalArgumentException("status must be between 200 and 599 (a 1xx status cannot end a"
                    + " response), found " + status);
        }
        headers = List.copyOf(headers);
        Objects.requireNonNull(body, "body");
    }
}
