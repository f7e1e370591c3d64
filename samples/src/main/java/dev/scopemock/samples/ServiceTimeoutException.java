package dev.scopemock.samples;

import java.time.Duration;

/**
 * A remote service did not answer within the request timeout. Such calls are not retried: the service may still
 * be processing the first one.
 */
public final class ServiceTimeoutException extends RemoteServiceException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param call the call, e.g. {@code POST /payment}
     * @param timeout the timeout that expired
     * @param cause the HTTP client's timeout exception
     */
    public ServiceTimeoutException(String call, Duration timeout, Throwable cause) {
        super(call, call + " timed out: no response within " + timeout.toMillis() + " ms", cause);
    }
}
