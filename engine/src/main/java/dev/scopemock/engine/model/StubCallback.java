package dev.scopemock.engine.model;

import org.apiguardian.api.API;

/**
 * Java code that answers a request (the in-process engine only): it sees the recorded request, returns the response,
 * or throws an {@link InjectedFault} to break the connection; any other exception is answered
 * {@code 500 CALLBACK_FAILED} with its message. It runs on the request's thread, so it should not block long.
 *
 * @since 0.2
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
@FunctionalInterface
public interface StubCallback {

    /**
     * Answers one request.
     *
     * @param request the request as recorded, path parameters included
     * @return the response
     * @throws Exception anything; an {@link InjectedFault} chooses a fault, the rest become a 500
     */
    ResponseAction answer(RecordedRequest request) throws Exception;
}
