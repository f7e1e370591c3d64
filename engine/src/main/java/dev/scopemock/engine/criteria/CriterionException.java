package dev.scopemock.engine.criteria;

import org.apiguardian.api.API;

/**
 * Thrown when a criterion cannot evaluate a subject (a string operator on a number, {@code $json} on text that is
 * not JSON, an ordering between incompatible types). The engine treats it as "this stub or assertion does not
 * match" and never turns it into a server error.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class CriterionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception without a stack trace: it is expected, cheap, and only explains a non-match.
     *
     * @param message why the subject could not be evaluated
     */
    public CriterionException(String message) {
        super(message, null, false, false);
    }
}
