package dev.scopemock.engine.internal.respond;

/** Produces the response of a chosen stub; prepared once at registration, called per request. */
public interface Responder {

    /**
     * Answers the exchange, completing its callback exactly once.
     *
     * @param exchange the request being answered
     * @param drop whether chaos decided to drop the connection mid-response
     */
    void respond(Exchange exchange, boolean drop);
}
