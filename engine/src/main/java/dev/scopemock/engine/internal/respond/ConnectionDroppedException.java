package dev.scopemock.engine.internal.respond;

/** Fails a response on purpose so Jetty aborts the connection without finishing the body (chaos). */
final class ConnectionDroppedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ConnectionDroppedException() {
        super("connection dropped by chaos", null, false, false);
    }
}
