package dev.scopemock.junit.internal;

import dev.scopemock.engine.EngineOptions;
import dev.scopemock.engine.HttpsOptions;
import dev.scopemock.engine.InvalidPayloadException;
import dev.scopemock.engine.MockEngine;
import dev.scopemock.engine.ScopeExistsException;
import dev.scopemock.engine.ScopeNotFoundException;
import dev.scopemock.engine.ScopeOptions;
import dev.scopemock.engine.model.RecordedRequest;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import javax.net.ssl.SSLContext;

/**
 * An engine started in this JVM on a loopback port, driven through {@link MockEngine} directly. The extension's engine
 * always serves HTTPS too, on a second free loopback port, so that any test class of the run may ask for it whichever
 * class started the engine; its CA lives in memory and is trusted only by the contexts handed out here.
 */
public final class InProcessConnection implements EngineConnection {

    private final MockEngine engine;
    /** Built on first use; guarded by {@code this}. */
    private SSLContext trusting;

    InProcessConnection(int port) {
        this(MockEngine.start(EngineOptions.defaults().withPort(port).withHttps(HttpsOptions.onFreePort())));
    }

    /**
     * A connection over an engine the caller started and owns (closing the connection closes the engine); used by
     * the benchmarks to measure the extension's own per-test path.
     *
     * @param engine the running engine
     */
    public InProcessConnection(MockEngine engine) {
        this.engine = engine;
    }

    @Override
    public URI baseUrl() {
        return engine.baseUrl();
    }

    @Override
    public URI httpsUrl() {
        return engine.hasHttps() ? engine.httpsBaseUrl() : null;
    }

    @Override
    public synchronized SSLContext sslContext() {
        if (trusting == null) {
            trusting = engine.clientSslContext();
        }
        return trusting;
    }

    @Override
    public SSLContext clientSslContext(String commonName) {
        return engine.clientSslContext(engine.issueClientCertificate(commonName));
    }

    @Override
    public boolean createScope(String name) {
        try {
            engine.createScope(name);
            return true;
        } catch (ScopeExistsException exists) {
            return false;
        }
    }

    @Override
    public int createScopeWithPort(String name) {
        try {
            return engine.createScope(name, ScopeOptions.defaults().withDedicatedPort(true)).port().orElseThrow();
        } catch (ScopeExistsException exists) {
            return -1;
        }
    }

    @Override
    public void deleteScope(String name) {
        try {
            engine.deleteScope(name);
        } catch (ScopeNotFoundException alreadyGone) {
            // deleted by a reset or by hand; the test's cleanup is done either way
        }
    }

    @Override
    public String addStub(String scope, String payloadJson) {
        try {
            return engine.addStubJson(scope, payloadJson);
        } catch (InvalidPayloadException invalid) {
            throw new IllegalArgumentException(invalid.getMessage(), invalid);
        }
    }

    @Override
    public void replaceStub(String scope, String id, String payloadJson) {
        try {
            engine.replaceStubJson(id, payloadJson);
        } catch (InvalidPayloadException invalid) {
            throw new IllegalArgumentException(invalid.getMessage(), invalid);
        }
    }

    @Override
    public String addCallbackStub(String scope, String payloadJson, String description,
                                  dev.scopemock.engine.model.StubCallback callback) {
        try {
            dev.scopemock.engine.model.StubDefinition read = engine.readStub(payloadJson);
            return engine.addStub(scope, new dev.scopemock.engine.model.StubDefinition(read.id(), read.request(),
                    new dev.scopemock.engine.model.CallbackAction(description, callback), read.maxCalls(),
                    read.chaos()));
        } catch (InvalidPayloadException invalid) {
            throw new IllegalArgumentException(invalid.getMessage(), invalid);
        }
    }

    @Override
    public void configureChaos(String scope, String chaosJson) {
        try {
            engine.configureChaos(scope, chaosJson);
        } catch (InvalidPayloadException invalid) {
            throw new IllegalArgumentException(invalid.getMessage(), invalid);
        }
    }

    @Override
    public void deleteStub(String id) {
        engine.deleteStub(id);
    }

    @Override
    public List<RecordedRequest> scopeRequests(String scope) {
        List<RecordedRequest> visible;
        try {
            visible = engine.requests(scope);
        } catch (ScopeNotFoundException gone) {
            return List.of();      // as over HTTP: a scope that is gone has no requests
        }
        List<RecordedRequest> own = new ArrayList<>();
        for (RecordedRequest request : visible) {
            if (scope.equals(request.scope())) {
                own.add(request);
            }
        }
        return own;
    }

    @Override
    public long lastGlobalSequence() {
        List<RecordedRequest> global = engine.requests(null);
        return global.isEmpty() ? 0 : global.get(global.size() - 1).sequence();
    }

    @Override
    public List<RecordedRequest> globalRequestsAfter(long afterSequence) {
        List<RecordedRequest> newer = new ArrayList<>();
        for (RecordedRequest request : engine.requests(null)) {
            if (request.sequence() > afterSequence && request.scope() == null) {
                newer.add(request);
            }
        }
        return newer;
    }

    @Override
    public RecordedRequest awaitRequest(String scope, long afterSequence, Predicate<RecordedRequest> condition,
                                        Duration timeout) throws InterruptedException {
        CompletableFuture<RecordedRequest> arrived = new CompletableFuture<>();
        Predicate<RecordedRequest> wanted = r -> scope.equals(r.scope()) && r.sequence() > afterSequence
                && condition.test(r);
        try (AutoCloseable listener = engine.onRequest(r -> {
            if (wanted.test(r)) {
                arrived.complete(r);
            }
        })) {
            for (RecordedRequest earlier : scopeRequests(scope)) {
                if (wanted.test(earlier)) {
                    return earlier;
                }
            }
            return arrived.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException expired) {
            return null;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception closing) {
            throw new IllegalStateException(closing);
        }
    }

    @Override
    public void close() {
        engine.close();
    }
}
