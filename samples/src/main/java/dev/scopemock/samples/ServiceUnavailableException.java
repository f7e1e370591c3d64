package dev.scopemock.samples;

/** Every try of a call failed with a connection error (refused, reset, or cut off mid-response). */
public final class ServiceUnavailableException extends RemoteServiceException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param call the call, e.g. {@code POST /payment}
     * @param attempts how many tries were made
     * @param lastError the error of the last try
     */
    public ServiceUnavailableException(String call, int attempts, Throwable lastError) {
        super(call, call + " failed with a connection error (" + attempts
                + (attempts == 1 ? " attempt)" : " attempts)"), lastError);
    }
}
