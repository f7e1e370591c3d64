package dev.scopemock.engine;

import org.apiguardian.api.API;

/**
 * Thrown when a scope that does not exist is deleted or used; HTTP 404.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ScopeNotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the protocol's {@code detail} text
     */
    public ScopeNotFoundException(String message) {
        super(message);
    }
}
