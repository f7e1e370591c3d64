package dev.scopemock.engine.internal.respond;

/** Fails a response whose stream was already under way when its scope was deleted or the engine reset. */
final class ResponseCancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ResponseCancelledException() {
        super("response cancelled: its scope was deleted or the engine reset", null, false, false);
    }
}
