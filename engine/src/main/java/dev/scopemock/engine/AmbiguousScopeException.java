package dev.scopemock.engine;

import org.apiguardian.api.API;

/**
 * Thrown when a request carries header names of more than one existing scope; HTTP 400.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class AmbiguousScopeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the protocol's {@code detail} text
     */
    public AmbiguousScopeException(String message) {
        super(message);
    }
}
