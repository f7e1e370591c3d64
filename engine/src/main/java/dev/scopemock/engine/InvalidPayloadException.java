package dev.scopemock.engine;

import java.util.List;
import org.apiguardian.api.API;

/**
 * Thrown when a control payload (a stub, an assertion, a scope, a start-up stub file) breaks a rule; HTTP 422.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class InvalidPayloadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<PayloadError> errors;

    /**
     * Creates the exception.
     *
     * @param errors the failures, at least one
     */
    public InvalidPayloadException(List<PayloadError> errors) {
        super(describe(errors));
        this.errors = List.copyOf(errors);
    }

    /**
     * The failures, each naming its field path and rule.
     *
     * @return the errors
     */
    public List<PayloadError> errors() {
        return errors;
    }

    private static String describe(List<PayloadError> errors) {
        StringBuilder out = new StringBuilder("invalid payload:");
        for (PayloadError error : errors) {
            out.append("\n  ").append(error);
        }
        return out.toString();
    }
}
