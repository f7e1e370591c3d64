package dev.scopemock.engine.model;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Thrown by a {@link StubCallback} to answer with a transport fault instead of a response:
 * {@code throw InjectedFault.of(InjectedFault.Kind.CONNECTION_RESET)}.
 *
 * @since 0.2
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class InjectedFault extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * The faults a callback can choose (the same as {@code chaos.faults}).
     *
     * @since 0.2
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2")
    public enum Kind {
        /** A TCP reset before any byte of the response. */
        CONNECTION_RESET,
        /** The connection closed before a status line. */
        EMPTY_RESPONSE,
        /** A line of random bytes instead of a status line, then a close. */
        RANDOM_BYTES,
        /** A chunked response whose chunk size is not hexadecimal, then a close. */
        MALFORMED_CHUNKED
    }

    private final Kind kind;

    private InjectedFault(Kind kind) {
        super("fault injected by a callback: " + kind, null, false, false);
        this.kind = kind;
    }

    /**
     * The fault to throw.
     *
     * @param kind the fault
     * @return an exception to throw from the callback
     */
    public static InjectedFault of(Kind kind) {
        return new InjectedFault(Objects.requireNonNull(kind, "kind"));
    }

    /**
     * The fault.
     *
     * @return the kind
     */
    public Kind kind() {
        return kind;
    }
}
