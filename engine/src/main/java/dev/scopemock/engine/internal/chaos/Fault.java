package dev.scopemock.engine.internal.chaos;

/** The per-request fault chosen by one draw of the scope's generator (at most one per request). */
public enum Fault {
    NONE, ERROR_STATUS, CONNECTION_RESET, EMPTY_RESPONSE, STALL, RANDOM_BYTES, MALFORMED_CHUNKED, CONNECTION_DROP;

    /** The wire name, as in {@code chaos.faults}. */
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
