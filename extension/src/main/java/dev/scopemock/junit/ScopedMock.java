package dev.scopemock.junit;

import dev.scopemock.engine.model.RecordedRequest;
import dev.scopemock.junit.internal.Diagnosis;
import dev.scopemock.junit.internal.EngineConnection;
import dev.scopemock.junit.internal.Verifier;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import org.apiguardian.api.API;
import org.opentest4j.AssertionFailedError;

/**
 * The test's handle on its own scope of the shared engine: where to send traffic, how to stub, how to verify.
 * Injected by {@code @MockServer} as a test-method, lifecycle-method or field value; valid for one test.
 *
 * <pre>{@code
 * @Test
 * void paysOnce(ScopedMock mock) {
 *     mock.whenRequestedWith(post("/payment")).respondWith(ok().withJson("{\"status\": \"accepted\"}"));
 *     new CheckoutService(mock.baseUrl(), mock.scopeHeader()).checkout(42);
 *     assertThat(mock.confirmRequest(post("/payment"), Times.once())).isTrue();
 * }
 * }</pre>
 *
 * <p>{@link #requests()}, {@link #confirmRequest} and the name-based methods see only requests recorded in this
 * test's scope: unscoped traffic of a parallel neighbour never satisfies this test's verification. Thread-safe.
 *
 * <p>In a {@code @TestFactory}, each dynamic test has its own scope: the mock handed to the factory acts for the
 * dynamic test running on the calling thread (from another thread, for the only dynamic test running), and for the
 * factory's own scope when none runs.
 *
 * @since 0.1
 */
// Over STYLE's 500 lines on purpose: this is the test's one handle, so it carries the whole user-facing contract in
// javadoc; each method is a few lines that delegate (TestStubs registers, Verifier/NearMiss/Diagnosis explain).
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ScopedMock {

    private final EngineConnection engine;
    private final String scope;
    private final URI baseUrl;
    private final Isolation isolation;
    private final TestStubs stubs;
    private volatile boolean scopeChaos;
    private final List<Throwable> callbackFailures = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AtomicLong clearedUpTo = new AtomicLong();
    /** For the mock of a {@code @TestFactory}: the mock of the dynamic test to act for; null otherwise. */
    private final Supplier<ScopedMock> router;
    /** The engine's last global sequence when the scope was created: later unscoped requests are the test's. */
    private final long unscopedMark;

    /**
     * Created by the extension for each test.
     *
     * @param engine the engine connection
     * @param scope the test's scope name
     */
    @API(status = API.Status.INTERNAL, since = "0.1")
    public ScopedMock(EngineConnection engine, String scope) {
        this(engine, scope, engine.baseUrl(), Isolation.HEADER, null);
    }

    /**
     * Created by the extension for each test whose scope is reached by a port or a path prefix.
     *
     * @param engine the engine connection
     * @param scope the test's scope name
     * @param baseUrl the URL that reaches the scope
     * @param isolation how it does
     */
    @API(status = API.Status.INTERNAL, since = "0.1")
    public ScopedMock(EngineConnection engine, String scope, URI baseUrl, Isolation isolation) {
        this(engine, scope, baseUrl, isolation, null);
    }

    private ScopedMock(EngineConnection engine, String scope, URI baseUrl, Isolation isolation,
                       Supplier<ScopedMock> router) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.scope = Objects.requireNonNull(scope, "scope");
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.isolation = Objects.requireNonNull(isolation, "isolation");
        this.router = router;
        this.stubs = new TestStubs(engine, scope);
        this.unscopedMark = router == null ? engine.lastGlobalSequence() : 0;
    }

    /**
     * The mock handed to a {@code @TestFactory}: every call acts for the dynamic test {@code current} names (each
     * dynamic test has its own scope).
     *
     * @param engine the engine connection
     * @param current the mock of the dynamic test to act for; throws when there is none
     * @return the routing mock
     */
    @API(status = API.Status.INTERNAL, since = "0.1")
    public static ScopedMock routing(EngineConnection engine, Supplier<ScopedMock> current) {
        return new ScopedMock(engine, "dynamic-tests", engine.baseUrl(), Isolation.HEADER,
                Objects.requireNonNull(current, "current"));
    }

    /**
     * The base URL for the system under test ({@code https://} with {@link MockServer#https()}; trust it with
     * {@link #sslContext()}). It depends on {@link #isolation()}: the engine's URL, for example
     * {@code http://127.0.0.1:41234} ({@link Isolation#HEADER}; send {@link #scopeHeader()} too), the scope's own port,
     * for example {@code http://127.0.0.1:43917} ({@link Isolation#PORT}), or the engine's URL with the scope's path
     * prefix, for example {@code http://127.0.0.1:41234/__scope__/checkouttest-pays-1a2b3c}
     * ({@link Isolation#PATH_PREFIX}); append request paths to it.
     *
     * @return the URL, without a trailing slash
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public URI baseUrl() {
        if (router != null) {
            return router.get().baseUrl();
        }
        return baseUrl;
    }

    /**
     * The port of {@link #baseUrl()}: the engine's, or with {@link Isolation#PORT} the scope's own.
     *
     * @return the port
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public int port() {
        return baseUrl().getPort();
    }

    /**
     * A client {@link SSLContext} that trusts the engine's HTTPS certificate (a CA generated for the engine, in
     * memory): hand it to the system under test's HTTP client when {@link #baseUrl()} is an {@code https://} URL
     * ({@link MockServer#https()}). Nothing JVM-global changes. In process it comes from the engine; with a remote
     * engine it is built from {@code GET /__mock__/ca.pem}, fetched once per connection.
     *
     * <pre>{@code
     * HttpClient client = HttpClient.newBuilder().sslContext(mock.sslContext()).build();
     * client.send(HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/orders")).build(), ofString());  // 200
     * HttpClient.newHttpClient().send(...);  // SSLHandshakeException: the JVM's default trust knows no such CA
     * }</pre>
     *
     * @return the same thread-safe context on each call for one engine
     * @throws IllegalStateException when the engine serves no HTTPS (a remote engine started without
     *                               {@code --https-port})
     * @since 0.1
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public SSLContext sslContext() {
        return engine.sslContext();
    }

    /**
     * A new client {@link SSLContext} that trusts the engine and presents a client certificate issued by the engine's
     * CA for {@code commonName}, for an engine that asks for client certificates (mutual TLS: a standalone engine
     * started with {@code --client-auth need|want}, or a {@code MockEngine} with {@code ClientAuth.NEED}). With a
     * remote engine the certificate and its key come from {@code POST /__mock__/client-certificates}.
     *
     * @param commonName the certificate's CN, e.g. {@code payment-service}
     * @return a new context
     * @throws IllegalStateException when the engine serves no HTTPS
     * @since 0.1
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public SSLContext clientSslContext(String commonName) {
        if (commonName == null || commonName.isBlank()) {
            throw new IllegalArgumentException("clientSslContext: expected a common name such as \"payment-service\","
                    + " found " + (commonName == null ? "null" : "a blank string"));
        }
        return engine.clientSslContext(commonName);
    }

    /**
     * How this test's requests reach its scope, as {@link MockServer#isolation()} chose.
     *
     * @return the isolation mode
     * @since 0.1
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public Isolation isolation() {
        if (router != null) {
            return router.get().isolation();
        }
        return isolation;
    }

    /**
     * Sets chaos for every stub of this test's scope that has none of its own, in the wire form of a stub's
     * {@code chaos} (README, "Chaos"); the scope's seeded generator goes on (a {@code "seed"} member restarts it).
     *
     * <pre>{@code
     * mock.setScopeChaos("{\"faults\": {\"error_status\": {\"status\": 503, \"probability\": 0.3}}}");
     * }</pre>
     *
     * @param chaosJson the chaos object
     * @throws IllegalArgumentException when the engine rejects it, with the engine's reason
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2")
    public void setScopeChaos(String chaosJson) {
        if (router != null) {
            router.get().setScopeChaos(chaosJson);
            return;
        }
        engine.configureChaos(scope, java.util.Objects.requireNonNull(chaosJson, "chaosJson"));
        scopeChaos = true;
    }

    /** Whether {@link #setScopeChaos(String)} was used (failure reports then print the seed). */
    @API(status = API.Status.INTERNAL, since = "0.2")
    public boolean hasScopeChaos() {
        return router != null ? router.get().hasScopeChaos() : scopeChaos;
    }

    /**
     * This test's scope name (lower case, derived from the test's class, method and invocation).
     *
     * @return the scope name
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public String scopeName() {
        if (router != null) {
            return router.get().scopeName();
        }
        return scope;
    }

    /**
     * The header the system under test must send so its requests land in this test's scope. With
     * {@link Isolation#PORT} and {@link Isolation#PATH_PREFIX} it is not needed (the engine ignores it there), but
     * sending it does no harm.
     *
     * @return name (the scope) and value
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public ScopeHeader scopeHeader() {
        if (router != null) {
            return router.get().scopeHeader();
        }
        return new ScopeHeader(scope, "1");
    }

    /**
     * Starts declaring a stub in this test's scope.
     *
     * @param request which requests it answers
     * @return the builder; finish it with a {@code respondWith…} call
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public StubBuilder whenRequestedWith(RequestMatcher request) {
        if (router != null) {
            return router.get().whenRequestedWith(request);
        }
        return new StubBuilder(this, request);
    }

    /**
     * Registers a stub given in the control API's JSON form (PROTOCOL.md §4) in this test's scope: everything the
     * wire protocol can express, such as SSE events with ids, names, retry times and per-event delays, or a proxy
     * with extra headers. An {@code "id"} in the payload is not allowed (name stubs with the fluent API).
     *
     * <pre>{@code
     * mock.stubJson("""
     *     {"request": {"path": "/prices/{sku}"},
     *      "action": {"sse": {"events": [{"id": "1", "event": "price", "data": "10", "delay_ms": 50}]}}}
     *     """);
     * }</pre>
     *
     * @param payloadJson the stub payload
     * @return the stub id
     * @throws IllegalArgumentException naming every rule the payload breaks
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public String stubJson(String payloadJson) {
        if (router != null) {
            return router.get().stubJson(payloadJson);
        }
        Map<String, Object> payload = Verifier.parseObject(payloadJson);
        if (payload.containsKey("id") || payload.containsKey("stub_id")) {
            throw new IllegalArgumentException("stubJson payloads must not carry an id (ids are unique across every"
                    + " scope of the engine); found " + (payload.containsKey("id") ? "\"id\"" : "\"stub_id\"")
                    + ". Fix: remove it, or name the stub with whenRequestedWith(...).named(...).");
        }
        return stubs.register(null, payloadJson, "stubJson", null);
    }

    /**
     * Whether at least one request of this test matched.
     *
     * @param request which requests count
     * @return true when one or more did
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public boolean confirmRequest(RequestMatcher request) {
        return confirmRequest(request, Times.atLeast(1));
    }

    /**
     * Whether the number of this test's requests that match satisfies {@code times}.
     *
     * @param request which requests count
     * @param times the expected count
     * @return the verdict
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public boolean confirmRequest(RequestMatcher request, Times times) {
        return times.isSatisfiedBy(count(request));
    }

    /**
     * How many of this test's requests match.
     *
     * @param request which requests count
     * @return the count
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public int count(RequestMatcher request) {
        return Verifier.matching(requests(), request.toWire()).size();
    }

    /**
     * The requests recorded in this test's scope (since the last {@link #clearRequests()}), in arrival order.
     *
     * @return an immutable list
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public List<RecordedRequest> requests() {
        if (router != null) {
            return router.get().requests();
        }
        long after = clearedUpTo.get();
        List<RecordedRequest> visible = new ArrayList<>();
        for (RecordedRequest request : engine.scopeRequests(scope)) {
            if (request.sequence() > after) {
                visible.add(request);
            }
        }
        return Collections.unmodifiableList(visible);
    }

    /**
     * The most recent request of this test.
     *
     * @return the request
     * @throws AssertionFailedError when none arrived
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public RecordedRequest lastRequest() {
        if (router != null) {
            return router.get().lastRequest();
        }
        List<RecordedRequest> all = requests();
        if (all.isEmpty()) {
            throw new AssertionFailedError("Expecting a request in scope " + scope + " but none arrived"
                    + Diagnosis.ofStubs(scope, registeredStubs(), unscopedRequests()).map(d -> "\n" + d).orElse(""));
        }
        return all.get(all.size() - 1);
    }

    /**
     * Forgets the requests recorded so far: {@link #requests()} and verifications see only later ones.
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public void clearRequests() {
        if (router != null) {
            router.get().clearRequests();
            return;
        }
        List<RecordedRequest> all = engine.scopeRequests(scope);
        long last = all.isEmpty() ? 0 : all.get(all.size() - 1).sequence();
        clearedUpTo.accumulateAndGet(last, Math::max);
    }

    /**
     * Waits until a matching request arrives in this test's scope (or returns one that already has), woken by the
     * engine's request events (in process) or the control API's long-poll (remote engine); blocks the calling
     * thread up to {@code timeout}. Requests before {@link #clearRequests()} do not count.
     *
     * @param request which request to wait for
     * @param timeout how long to wait at most
     * @return the first matching request
     * @throws AssertionFailedError when none arrived in time, listing what did arrive
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public RecordedRequest awaitRequest(RequestMatcher request, Duration timeout) {
        if (router != null) {
            return router.get().awaitRequest(request, timeout);
        }
        Predicate<RecordedRequest> wanted = Verifier.predicate(request.toWire());
        try {
            RecordedRequest found = engine.awaitRequest(scope, clearedUpTo.get(), wanted, timeout);
            if (found != null) {
                return found;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + request, e);
        }
        throw new AssertionFailedError("Expecting a request within " + timeout.toMillis() + " ms:\n  " + request
                + "\nbut " + describeReceived() + unscopedDiagnosis(wanted));
    }

    /**
     * Waits until {@code condition} accepts a request of this scope recorded since the last
     * {@link #clearRequests()}, one already recorded or one arriving during the wait (woken by the engine's request
     * events). The condition may see a request more than once. Used by the AssertJ assertions.
     *
     * @param condition tested with each such request
     * @param timeout how long to wait at most
     * @return whether a request was accepted before the timeout
     */
    @API(status = API.Status.INTERNAL, since = "0.1")
    public boolean awaitRecorded(Predicate<RecordedRequest> condition, Duration timeout) {
        if (router != null) {
            return router.get().awaitRecorded(condition, timeout);
        }
        try {
            return engine.awaitRequest(scope, clearedUpTo.get(), condition, timeout) != null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a request in scope " + scope, e);
        }
    }

    /**
     * A named stub of this test, to change its response mid-test.
     *
     * @param name the name given with {@code @Stub(name = ...)} or {@code .named(...)}
     * @return the handle
     * @throws IllegalArgumentException when no stub has that name (the message lists the declared names)
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public NamedStub stub(String name) {
        if (router != null) {
            return router.get().stub(name);
        }
        stubs.require(name);
        return new NamedStub(this, name);
    }

    /**
     * The requests a named stub served, in arrival order.
     *
     * @param name the stub name
     * @return the requests
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public List<RecordedRequest> callsTo(String name) {
        if (router != null) {
            return router.get().callsTo(name);
        }
        String id = stubs.require(name).id();
        List<RecordedRequest> calls = new ArrayList<>();
        for (RecordedRequest request : requests()) {
            if (id.equals(request.matchedStubId())) {
                calls.add(request);
            }
        }
        return Collections.unmodifiableList(calls);
    }

    /**
     * The last request a named stub served.
     *
     * @param name the stub name
     * @return the request
     * @throws AssertionFailedError when it served none
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public RecordedRequest lastCallTo(String name) {
        if (router != null) {
            return router.get().lastCallTo(name);
        }
        List<RecordedRequest> calls = callsTo(name);
        if (calls.isEmpty()) {
            throw new AssertionFailedError("Expecting stub \"" + name + "\" to have been called but it was not;\n"
                    + describeReceived() + stubDiagnosis(name));
        }
        return calls.get(calls.size() - 1);
    }

    /**
     * Asserts how often a named stub served.
     *
     * @param name the stub name
     * @param times the expected count
     * @throws AssertionFailedError with expected and actual counts otherwise
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public void received(String name, Times times) {
        if (router != null) {
            router.get().received(name, times);
            return;
        }
        List<RecordedRequest> calls = callsTo(name);
        int actual = calls.size();
        if (!times.isSatisfiedBy(actual)) {
            String count = actual == 1 ? "1 time" : actual + " times";
            StringBuilder message = new StringBuilder("Expecting stub \"" + name + "\" to be called:\n  " + times
                    + "\nbut it was called " + count + (actual == 0 ? "" : ":"));
            calls.forEach(c -> message.append("\n  ").append(Verifier.describe(c)));
            List<RecordedRequest> others = new ArrayList<>(requests());
            others.removeAll(calls);
            if (!others.isEmpty()) {
                message.append("\nother requests in scope ").append(scope).append(':');
                others.forEach(o -> message.append("\n  ").append(Verifier.describe(o)));
            } else if (actual == 0) {
                message.append("\nand no request arrived in scope ").append(scope);
            }
            if (Diagnosis.tooFew(times::isSatisfiedBy, actual)) {
                message.append(stubDiagnosis(name));
            }
            throw new AssertionFailedError(message.toString(), times.toString(),
                    actual == 1 ? "1 time" : actual + " times");
        }
    }

    /**
     * Asserts a named stub served nothing.
     *
     * @param name the stub name
     * @throws AssertionFailedError listing the calls otherwise
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public void assertNotCalled(String name) {
        if (router != null) {
            router.get().assertNotCalled(name);
            return;
        }
        List<RecordedRequest> calls = callsTo(name);
        if (!calls.isEmpty()) {
            StringBuilder message = new StringBuilder("Expecting stub \"" + name + "\" not to be called but it was "
                    + "called " + calls.size() + (calls.size() == 1 ? " time:" : " times:"));
            calls.forEach(c -> message.append("\n  ").append(Verifier.describe(c)));
            throw new AssertionFailedError(message.toString());
        }
    }

    String register(String name, RequestMatcher request, String payloadJson) {
        return stubs.register(name, payloadJson, "fluent", "A stub named \"" + name + "\" already exists in scope "
                + scope + "; stub names are unique within a test. Fix: choose another name, or change the existing"
                + " stub's answer with stub(\"" + name + "\").respondWith(...).");
    }

    String registerCallback(String payloadJson, String description, RequestHandler handler) {
        if (router != null) {
            return router.get().registerCallback(payloadJson, description, handler);
        }
        dev.scopemock.engine.model.StubCallback callback = recorded -> {
            MockResponse response;
            try {
                response = handler.handle(recorded);
            } catch (dev.scopemock.engine.model.InjectedFault fault) {
                throw fault;
            } catch (Exception | AssertionError failure) {
                callbackFailures.add(failure);
                throw failure;
            }
            if (response == null) {
                IllegalStateException missing = new IllegalStateException("the callback " + description
                        + " returned null for " + recorded.method() + " " + recorded.path() + "; it must return a"
                        + " MockResponse (or throw an InjectedFault)");
                callbackFailures.add(missing);
                throw missing;
            }
            return response.toAction();
        };
        return stubs.registerCallback(payloadJson, description, callback, handler);
    }

    /**
     * Registers copies of this test's stubs in {@code target}'s scope (same names, matchers, answers and callbacks;
     * fresh ids): the stubs of a {@code @TestFactory} for each of its dynamic tests.
     *
     * @param target the mock of the scope to copy into
     */
    @API(status = API.Status.INTERNAL, since = "0.1")
    public void copyStubsTo(ScopedMock target) {
        if (router != null) {
            router.get().copyStubsTo(target);
            return;
        }
        for (TestStubs.Entry entry : stubs.entries()) {
            Map<String, Object> payload = new java.util.LinkedHashMap<>(Verifier.parseObject(entry.payload()));
            payload.remove("id");
            String json = dev.scopemock.engine.internal.json.JsonCodec.writeString(payload);
            if (entry.handler() != null) {
                target.registerCallback(json, entry.description(), entry.handler());
            } else {
                target.registerDeclared(entry.name(), json, entry.origin());
            }
        }
    }

    /** What this test's callbacks threw (each was answered 500); the extension fails the test with them. */
    @API(status = API.Status.INTERNAL, since = "0.2")
    public List<Throwable> callbackFailures() {
        if (router != null) {
            return router.get().callbackFailures();
        }
        return List.copyOf(callbackFailures);
    }

    /** Registers a stub declared by an annotation (the extension's entry point). */
    @API(status = API.Status.INTERNAL, since = "0.1")
    public String registerDeclared(String name, String payloadJson, String origin) {
        if (router != null) {
            return router.get().registerDeclared(name, payloadJson, origin);
        }
        return stubs.register(name, payloadJson, origin, origin + ": a stub named \"" + name + "\" is already"
                + " declared for this test; stub names must be unique within a test");
    }

    void replaceAction(String name, Map<String, Object> action) {
        stubs.replaceAction(name, action);
    }

    /** Id, name, origin and payload of every stub this test registered, for reports. */
    @API(status = API.Status.INTERNAL, since = "0.1")
    public List<String[]> registeredStubs() {
        if (router != null) {
            return router.get().registeredStubs();
        }
        return stubs.rows();
    }

    /**
     * The requests the engine recorded without any scope header since this test's scope was created (and, like
     * {@link #requests()}, since the last {@link #clearRequests()}), in arrival order: the system under test's calls
     * that missed the scope, but also any parallel neighbour's unscoped calls. Used to diagnose failed checks.
     *
     * @return the global requests recorded during the test
     */
    @API(status = API.Status.INTERNAL, since = "0.1")
    public List<RecordedRequest> unscopedRequests() {
        if (router != null) {
            return router.get().unscopedRequests();
        }
        return engine.globalRequestsAfter(Math.max(unscopedMark, clearedUpTo.get()));
    }

    /** The diagnosis of the unscoped requests that {@code wanted} accepts. */
    private String unscopedDiagnosis(Predicate<RecordedRequest> wanted) {
        return Diagnosis.ofVerification(scope, wanted, registeredStubs(), unscopedRequests())
                .map(d -> "\n" + d).orElse("");
    }

    /** The diagnosis of the unscoped requests a named stub would have answered. */
    private String stubDiagnosis(String name) {
        return Diagnosis.ofStub(scope, stubs.require(name).row(), unscopedRequests()).map(d -> "\n" + d).orElse("");
    }

    String describeReceived() {
        List<RecordedRequest> all = requests();
        if (all.isEmpty()) {
            return "no request arrived in scope " + scope;
        }
        StringBuilder out = new StringBuilder("these requests arrived in scope " + scope + ":");
        all.forEach(r -> out.append("\n  ").append(Verifier.describe(r)));
        return out.toString();
    }
}
