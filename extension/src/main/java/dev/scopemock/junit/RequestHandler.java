package dev.scopemock.junit;

import dev.scopemock.engine.model.RecordedRequest;
import org.apiguardian.api.API;

/**
 * Java code that answers a stub's requests (the in-process engine only):
 * {@code mock.whenRequestedWith(get("/users/{id}")).respondWith(request ->
 * ok().withJson("{\"id\": " + request.pathParams().get("id") + "}"))}. It sees the method, path, query, headers,
 * body and path parameters; it may {@code throw InjectedFault.of(Kind.CONNECTION_RESET)} (or another
 * {@link dev.scopemock.engine.model.InjectedFault.Kind}) to break the connection instead. Any other exception is
 * answered {@code 500} with its message, and fails the test when it ends.
 *
 * @since 0.2
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
@FunctionalInterface
public interface RequestHandler {

    /**
     * Answers one request.
     *
     * @param request the recorded request
     * @return the response
     * @throws Exception anything: it becomes a 500 and a test failure
     */
    MockResponse handle(RecordedRequest request) throws Exception;
}
