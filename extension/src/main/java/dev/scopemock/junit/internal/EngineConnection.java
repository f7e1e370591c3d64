package dev.scopemock.junit.internal;

import dev.scopemock.engine.model.RecordedRequest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import javax.net.ssl.SSLContext;

/**
 * What the extension needs from an engine, whether it runs in this JVM ({@link InProcessConnection}) or elsewhere
 * ({@link RemoteConnection}, over the HTTP control API only).
 */
public interface EngineConnection extends AutoCloseable {

    /** The base URL of mock traffic. */
    URI baseUrl();

    /** The base URL of mock traffic over HTTPS, or null when the engine serves no HTTPS. */
    default URI httpsUrl() {
        return null;
    }

    /**
     * A client context trusting the engine's HTTPS certificate (the same instance on every call: SSLContexts are
     * thread-safe).
     *
     * @throws IllegalStateException when the engine serves no HTTPS
     */
    default SSLContext sslContext() {
        throw new IllegalStateException(getClass().getName() + " cannot hand out TLS trust");
    }

    /**
     * A new client context trusting the engine and presenting a certificate issued by the engine's CA for
     * {@code commonName} (mutual TLS).
     *
     * @throws IllegalStateException when the engine serves no HTTPS
     */
    default SSLContext clientSslContext(String commonName) {
        throw new IllegalStateException(getClass().getName() + " cannot issue client certificates");
    }

    /**
     * Creates a scope.
     *
     * @return false when a scope of that name already exists
     */
    boolean createScope(String name);

    /**
     * Creates a scope with a port of its own (every request arriving there belongs to the scope); deleting the scope
     * closes the port.
     *
     * @return the port, or -1 when a scope of that name already exists
     * @throws IllegalStateException when the engine opened no port
     */
    default int createScopeWithPort(String name) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot open a dedicated port per scope");
    }

    /** Deletes a scope with its stubs and requests; nothing happens when it is already gone (e.g. after a reset). */
    void deleteScope(String name);

    /**
     * Registers a stub given as a control-API JSON payload.
     *
     * @return the stub id
     * @throws IllegalArgumentException naming every rule the payload breaks
     */
    String addStub(String scope, String payloadJson);

    void deleteStub(String id);

    /**
     * Replaces a stub atomically, keeping its id and scope (requests never find it missing).
     *
     * @throws IllegalArgumentException naming every rule the new payload breaks (the old stub then stays)
     */
    void replaceStub(String scope, String id, String payloadJson);

    /** The requests recorded in that scope only (not the global ones), in arrival order. */
    List<RecordedRequest> scopeRequests(String scope);

    /**
     * Waits until a request of the scope with a sequence above {@code afterSequence} satisfies {@code condition}.
     *
     * @return the request, or null when the timeout passed first
     */
    RecordedRequest awaitRequest(String scope, long afterSequence, Predicate<RecordedRequest> condition,
                                 Duration timeout) throws InterruptedException;

    /**
     * The highest sequence number among the global (unscoped) requests recorded so far, 0 when there are none: the
     * mark from which {@link #globalRequestsAfter} lists the unscoped traffic of a test.
     */
    long lastGlobalSequence();

    /** The global (unscoped) requests with a sequence above {@code afterSequence}, in arrival order. */
    List<RecordedRequest> globalRequestsAfter(long afterSequence);

    /**
     * Sets a scope's default chaos and the seed of its generator ({@code PUT /__mock__/scopes/{name}/chaos}).
     *
     * @param scope the scope
     * @param chaosJson the chaos object with its {@code seed}
     * @throws IllegalArgumentException when the engine rejects it
     */
    default void configureChaos(String scope, String chaosJson) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot set a scope's chaos");
    }

    /**
     * Registers a stub whose action is Java code; only an engine in this JVM can run it.
     *
     * @param scope the scope
     * @param payloadJson the stub payload (its action is replaced by the callback)
     * @param description the callback's description
     * @param callback the code
     * @return the stub id
     * @throws IllegalStateException for a remote engine
     */
    default String addCallbackStub(String scope, String payloadJson, String description,
                                   dev.scopemock.engine.model.StubCallback callback) {
        throw new IllegalStateException("Callbacks (respondWith(request -> ...)) need the in-process engine, but this"
                + " test uses the engine at " + baseUrl() + " in another process, which cannot run Java code of this"
                + " test. Fix: answer with a MockResponse, a sequence or a template instead, or run the test"
                + " without scopemock.url / @MockServer(url = ...) so that the engine starts in process.");
    }

    @Override
    void close();
}
