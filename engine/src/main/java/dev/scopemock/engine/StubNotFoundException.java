package dev.scopemock.engine;

import org.apiguardian.api.API;

/**
 * Thrown when a stub id is not found; HTTP 404.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class StubNotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the protocol's {@code detail} text
     */
    public StubNotFoundException(String message) {
        super(message);
    }
}
