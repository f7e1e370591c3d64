package dev.scopemock.samples;

/**
 * A call to a remote service failed. The subclasses say how: {@link ServiceTimeoutException},
 * {@link ServiceUnavailableException}, {@link UnexpectedResponseException}.
 */
public class RemoteServiceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String call;

    /**
     * Creates the exception.
     *
     * @param call the failed call, e.g. {@code POST /payment}
     * @param message what went wrong
     * @param cause the underlying error, or null
     */
    protected RemoteServiceException(String call, String message, Throwable cause) {
        super(message, cause);
        this.call = call;
    }

    /**
     * The failed call.
     *
     * @return method and path, e.g. {@code POST /payment}
     */
    public String call() {
        return call;
    }
}
