package dev.scopemock.engine;

import org.apiguardian.api.API;

/**
 * Thrown when a scope is created under a name (compared lower-cased) that already exists; HTTP 409.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ScopeExistsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the protocol's {@code detail} text
     */
    public ScopeExistsException(String message) {
        super(message);
    }
}
