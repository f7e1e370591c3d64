package dev.scopemock.samples;

/** A remote service answered, but not with what the contract promises (an error status or an unknown body). */
public final class UnexpectedResponseException extends RemoteServiceException {

    private static final long serialVersionUID = 1L;

    private final int status;

    /**
     * Creates the exception.
     *
     * @param call the call, e.g. {@code GET /inventory/a-1}
     * @param status the response status
     * @param problem what was wrong with the response
     */
    public UnexpectedResponseException(String call, int status, String problem) {
        super(call, call + " answered " + status + ": " + problem, null);
        this.status = status;
    }

    /**
     * The response status.
     *
     * @return the status code
     */
    public int status() {
        return status;
    }
}
