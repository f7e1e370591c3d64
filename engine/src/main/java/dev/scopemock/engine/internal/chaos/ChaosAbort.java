package dev.scopemock.engine.internal.chaos;

/** Fails a request's callback after a transport fault closed its connection (no stack trace: it is expected). */
final class ChaosAbort extends RuntimeException implements org.eclipse.jetty.io.QuietException {
    private static final long serialVersionUID = 1L;

    ChaosAbort(String fault) {
        super("connection closed by chaos: " + fault, null, false, false);
    }
}
