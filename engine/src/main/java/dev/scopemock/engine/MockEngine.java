package dev.scopemock.engine;

import dev.scopemock.engine.criteria.Criterion;
import dev.scopemock.engine.criteria.CriterionException;
import dev.scopemock.engine.internal.core.EngineCore;
import dev.scopemock.engine.internal.jetty.EngineHandler;
import dev.scopemock.engine.internal.jetty.JsonErrorHandler;
import dev.scopemock.engine.internal.jetty.Protocols;
import dev.scopemock.engine.internal.jetty.ScopeConnectors;
import dev.scopemock.engine.internal.json.JsonCodec;
import dev.scopemock.engine.internal.json.StubFileReader;
import dev.scopemock.engine.internal.json.StubPayloadReader;
import dev.scopemock.engine.internal.match.RegisteredStub;
import dev.scopemock.engine.internal.respond.ProxyClient;
import dev.scopemock.engine.internal.respond.ResponderRuntime;
import dev.scopemock.engine.internal.respond.TemplateEngine;
import dev.scopemock.engine.internal.scope.ScopeState;
import dev.scopemock.engine.internal.tls.EngineTls;
import dev.scopemock.engine.model.RecordedRequest;
import dev.scopemock.engine.model.RequestMatcher;
import dev.scopemock.engine.model.ResponseAction;
import dev.scopemock.engine.model.ResponseBody;
import dev.scopemock.engine.model.SseAction;
import dev.scopemock.engine.model.SseEvent;
import dev.scopemock.engine.model.StubDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import org.apiguardian.api.API;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

/**
 * The Scopemock engine: a Jetty 12 HTTP mock server with scopes, stubs, a request journal and the
 * {@code /__mock__} control API. This is the one Java API: the HTTP control API and the JUnit extension both
 * drive it.
 *
 * <pre>{@code
 * try (MockEngine engine = MockEngine.start(EngineOptions.defaults())) {
 *     engine.createScope("checkout");
 *     engine.addStubJson("checkout", "{\"request\": {\"path\": \"/payment\"},"
 *             + " \"action\": {\"response\": {\"status_code\": 200, \"headers\": {}, \"body\": \"ok\"}}}");
 *     // send requests to engine.baseUrl() with the header "checkout: 1",
 *     // or to engine.baseUrl() + "/__scope__/checkout" + path without any header
 * }
 * }</pre>
 *
 * <p>A request's scope comes from the way it arrives: a scope's {@linkplain #createScope(String, ScopeOptions)
 * dedicated port}, else a {@code /__scope__/{name}} path prefix (stripped before matching and recording), else a
 * header named after the scope.
 *
 * <p>With {@link EngineOptions#withHttps(HttpsOptions)} the engine also serves HTTPS on a second port
 * ({@link #httpsBaseUrl()}) with a certificate signed by a CA generated for this engine, in memory; clients trust it
 * through {@link #clientSslContext()} or {@link #trustStore()}, and nothing JVM-global changes. Every port speaks
 * HTTP/1.1 and HTTP/2: h2c on the plain port (prior knowledge or {@code Upgrade: h2c}), h2 negotiated with ALPN on the
 * HTTPS port.
 *
 * <p>Thread-safe. Scope names are compared lower-cased; {@code null} as a scope means the global space.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class MockEngine implements AutoCloseable {

    // Over STYLE's 500 lines on purpose: this is the one Java API of the engine (DESIGN.md), so every capability has
    // its documented entry point here; the bodies are one-line delegations (EngineCore, ScopeConnectors, EngineTls).

    private final EngineCore core;
    private final TemplateEngine templates;
    private final StubPayloadReader stubReader;
    private final Server server;
    private final ProxyClient proxyClient;
    private final ServerConnector connector;
    /** The HTTPS connector and the TLS material, or null when the engine serves no HTTPS. */
    private final ServerConnector httpsConnector;
    private final EngineTls tls;
    private final ScopeConnectors scopeConnectors;
    private final String bindAddress;

    private MockEngine(EngineOptions options) {
        this.core = new EngineCore(options.journalCapacity());
        this.templates = new TemplateEngine();
        this.stubReader = new StubPayloadReader(templates::syntaxError);
        this.bindAddress = options.bindAddress();

        QueuedThreadPool threads = new QueuedThreadPool(200, 8);
        threads.setName("scopemock");
        threads.setDaemon(true);
        this.server = new Server(threads);
        ScheduledExecutorScheduler scheduler = new ScheduledExecutorScheduler("scopemock-scheduler", true);
        server.addBean(scheduler);

        this.proxyClient = new ProxyClient(threads, scheduler);

        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setUriCompliance(UriCompliance.UNSAFE);
        this.tls = options.https().enabled() ? EngineTls.create(options.https(), options.bindAddress()) : null;
        Protocols protocols = new Protocols(http, tls);
        this.connector = listen(new ServerConnector(server, 1, 1, protocols.plain()), options.port());
        this.httpsConnector = tls == null ? null : listen(new ServerConnector(server, 1, 1,
                protocols.https(tls.clientAuth())), options.https().port());
        this.scopeConnectors = new ScopeConnectors(core, server, threads, protocols, options.bindAddress());
        server.setHandler(new EngineHandler(core, scopeConnectors, stubReader, new ResponderRuntime(scheduler,
                proxyClient, templates), options.bindAddress(), options.maxBodyBytes(), this::httpsUrlOrNull, tls));
        server.setErrorHandler(new JsonErrorHandler());
        server.setStopTimeout(0);
    }

    private ServerConnector listen(ServerConnector added, int port) {
        added.setHost(bindAddress);
        added.setPort(port);
        added.setReuseAddress(true);
        server.addConnector(added);
        return added;
    }

    /**
     * Starts an engine and loads its start-up stub files.
     *
     * @param options where to listen and how to bound the journal
     * @return the running engine, listening once this returns
     * @throws IllegalArgumentException when a start-up stub file is invalid (the message names the file, entry
     *                                  and field); the engine is then stopped
     * @throws IllegalStateException when the port cannot be bound
     */
    public static MockEngine start(EngineOptions options) {
        MockEngine engine = new MockEngine(options);
        try {
            Map<String, String> origins = new HashMap<>();
            for (Path file : options.stubFiles()) {
                engine.loadStubFiles(file, origins);
            }
            engine.server.start();
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        } catch (Exception e) {
            engine.close();
            throw new IllegalStateException("the engine could not start on " + options.bindAddress() + ":"
                    + options.port() + ": " + e.getMessage(), e);
        }
        return engine;
    }

    /**
     * Starts an engine on a free loopback port.
     *
     * @return the running engine
     */
    public static MockEngine start() {
        return start(EngineOptions.defaults());
    }

    /** Loads a file, or the {@code *.json} files of a directory in name order; {@code origins}: id → where. */
    private void loadStubFiles(Path fileOrDirectory, Map<String, String> origins) {
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(fileOrDirectory)) {
            try (Stream<Path> entries = Files.list(fileOrDirectory)) {
                entries.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p))
                        .sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list stub directory " + fileOrDirectory, e);
            }
        } else if (Files.isRegularFile(fileOrDirectory)) {
            files.add(fileOrDirectory);
        } else {
            throw new IllegalArgumentException("stub file " + fileOrDirectory + " does not exist");
        }
        StubFileReader reader = new StubFileReader(stubReader);
        for (Path file : files) {
            List<StubDefinition> stubs = reader.read(file);
            for (int i = 0; i < stubs.size(); i++) {
                StubDefinition stub = stubs.get(i);
                String here = "stub file " + file + " entry " + i;
                if (stub.id() != null && core.findStub(stub.id()) != null) {
                    throw new IllegalArgumentException(here + ", field id: duplicate stub id '" + stub.id()
                            + "', already used by " + origins.get(stub.id()) + "; stub ids must be unique across"
                            + " all start-up files");
                }
                RegisteredStub added = core.addStub(core.scopes().global(), stub);
                origins.put(added.id(), here);
            }
        }
    }

    /**
     * The base URL of mock traffic, for example {@code http://127.0.0.1:45321}.
     *
     * @return the URL, without a trailing slash
     */
    public URI baseUrl() {
        return URI.create("http://" + urlHost() + ":" + port());
    }

    private String urlHost() {
        String host = bindAddress.contains(":") ? "[" + bindAddress + "]" : bindAddress;
        return host.equals("0.0.0.0") ? "127.0.0.1" : host;
    }

    /**
     * The port the engine listens on.
     *
     * @return the bound port
     */
    public int port() {
        return connector.getLocalPort();
    }

    /**
     * Whether the engine serves HTTPS ({@link EngineOptions#withHttps(HttpsOptions)}).
     *
     * @return true when {@link #httpsBaseUrl()} and the TLS methods can be used
     * @since 0.1
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public boolean hasHttps() {
        return tls != null;
    }

    /**
     * The base URL of mock traffic over HTTPS, for example {@code https://127.0.0.1:45322}: the same stubs, scopes
     * and journal as {@link #baseUrl()}, with HTTP/2 (ALPN) and HTTP/1.1. Clients trust it through
     * {@link #clientSslContext()} or {@link #trustStore()}.
     *
     * @return the URL, without a trailing slash
     * @throws IllegalStateException when the engine serves no HTTPS
     * @since 0.1
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public URI httpsBaseUrl() {
        requireHttps("httpsBaseUrl()");
        return URI.create("https://" + urlHost() + ":" + httpsConnector.getLocalPort());
    }

    private URI httpsUrlOrNull() {
        return tls == null ? null : httpsBaseUrl();
    }

    /**
     * The certificate clients must trust to accept the engine's HTTPS certificate: the CA generated for this engine
     * (or the last certificate of a {@linkplain ServerCertificate#fromKeyStore user-supplied chain}). Write it as PEM
     * for other processes with {@code --ca-out} (standalone) or {@code GET /__mock__/ca.pem}.
     *
     * @return the CA certificate
     * @throws IllegalStateException when the engine serves no HTTPS
     * @since 0.1
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public X509Certificate caCertificate() {
        requireHttps("caCertificate()");
        return tls.trustAnchor();
    }

    /**
     * A new in-memory PKCS#12 trust store holding {@link #caCertificate()} (alias {@code scopemock-ca}), for clients
     * configured with a {@code TrustManagerFactory}. Nothing JVM-global changes.
     *
     * @return a new key store on each call
     * @throws IllegalStateException when the engine serves no HTTPS
     * @since 0.1
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public KeyStore trustStore() {
        requireHttps("trustStore()");
        return tls.trustStore();
    }

    /**
     * A new client {@link SSLContext} that trusts the engine's certificate, for example
     * {@code HttpClient.newBuilder().sslContext(engine.clientSslContext())}. The JVM's default context is not touched.
     *
     * @return a new context on each call
     * @throws IllegalStateException when the engine serves no HTTPS
     * @since 0.1
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public SSLContext clientSslContext() {
        requireHttps("clientSslContext()");
        return tls.clientContext(null);
    }

    /**
     * Issues a client certificate for mutual TLS, signed by the engine's CA (valid for a few days; kept in memory).
     * An engine started with {@link ClientAuth#NEED} accepts clients presenting it and refuses the others.
     *
     * @param commonName the certificate's CN, e.g. {@code payment-service}
     * @return the key, the certificate and the CA certificate
     * @throws IllegalStateException when the engine serves no HTTPS
     * @since 0.1
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public ClientCertificate issueClientCertificate(String commonName) {
        requireHttps("issueClientCertificate(String)");
        if (commonName == null || commonName.isBlank()) {
            throw new IllegalArgumentException("issueClientCertificate: expected a common name such as"
                    + " \"payment-service\", found " + (commonName == null ? "null" : "a blank string"));
        }
        return tls.issueClient(commonName);
    }

    /**
     * A new client {@link SSLContext} that trusts the engine's certificate and presents {@code certificate}.
     *
     * <pre>{@code
     * SSLContext mutual = engine.clientSslContext(engine.issueClientCertificate("payment-service"));
     * HttpClient client = HttpClient.newBuilder().sslContext(mutual).build();
     * }</pre>
     *
     * @param certificate a client certificate, usually from {@link #issueClientCertificate(String)}
     * @return a new context
     * @throws IllegalStateException when the engine serves no HTTPS
     * @since 0.1
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public SSLContext clientSslContext(ClientCertificate certificate) {
        requireHttps("clientSslContext(ClientCertificate)");
        return tls.clientContext(java.util.Objects.requireNonNull(certificate, "certificate"));
    }

    private void requireHttps(String method) {
        if (tls == null) {
            throw new IllegalStateException("MockEngine." + method + ": expected an engine serving HTTPS, found one"
                    + " started without it. Fix: start it with EngineOptions.defaults().withHttps("
                    + "HttpsOptions.onFreePort()) (standalone: --https-port 0).");
        }
    }

    /**
     * Creates a scope.
     *
     * @param name the scope name ({@code [A-Za-z0-9_-]+}, not a common header name)
     * @return the stored, lower-cased name
     * @throws InvalidPayloadException when the name breaks a rule
     * @throws ScopeExistsException when the scope exists
     */
    public String createScope(String name) {
        return core.createScope(name);
    }

    /**
     * Creates a scope, with a port of its own when the options ask for one: every request arriving on that port
     * belongs to the scope whatever its headers, and control calls ({@code /__mock__/...}) sent there act for the
     * scope as if its header were sent. The port is on the engine's bind address and closes with the scope.
     *
     * <pre>{@code
     * ScopeInfo checkout = engine.createScope("checkout", ScopeOptions.defaults().withDedicatedPort(true));
     * URI forTheSystemUnderTest = URI.create("http://127.0.0.1:" + checkout.port().orElseThrow());
     * }</pre>
     *
     * @param name the scope name ({@code [A-Za-z0-9_-]+}, not a common header name)
     * @param options whether to open a dedicated port
     * @return the lower-cased name and the dedicated port, if any
     * @throws InvalidPayloadException when the name breaks a rule
     * @throws ScopeExistsException when the scope exists
     * @throws IllegalStateException when the dedicated port cannot be opened (the scope is then not created)
     * @since 0.1
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public ScopeInfo createScope(String name, ScopeOptions options) {
        ScopeState created = scopeConnectors.create(name, options.dedicatedPort());
        return new ScopeInfo(created.name(), created.dedicatedPort());
    }

    /**
     * Sets a scope's default chaos (for its stubs without chaos of their own) and the seed of its generator, in the
     * wire form of {@code PUT /__mock__/scopes/{name}/chaos}: a stub's {@code chaos} object plus an optional
     * {@code seed}, e.g. {@code {"seed": 42, "faults": {"error_status": {"status": 503, "probability": 0.3}}}}. A
     * new generator starts from the seed, so the same requests in the same order get the same faults; without a
     * seed the scope's generator goes on where it is.
     *
     * @param scope the scope name, or null for the global scope
     * @param chaosJson the chaos object
     * @return the seed in use (the given one, else the scope's current one)
     * @throws InvalidPayloadException when the chaos breaks a rule
     * @throws ScopeNotFoundException when the scope does not exist
     * @since 0.2
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2")
    public long configureChaos(String scope, String chaosJson) {
        ScopeState state = scopeState(scope);
        dev.scopemock.engine.internal.chaos.ScopeChaos chaos;
        try {
            chaos = dev.scopemock.engine.internal.json.ScopeChaosReader.read(
                    JsonCodec.parseTree(chaosJson.getBytes(StandardCharsets.UTF_8)), List.of("body"),
                    state.chaos().random());
        } catch (IOException e) {
            throw new InvalidPayloadException(List.of(new PayloadError("json_invalid", List.of("body"),
                    "JSON decode error: " + e.getMessage())));
        }
        state.setChaos(chaos);
        return chaos.random().seed();
    }

    /**
     * The seed of a scope's chaos generator (print it with a failure to replay the run).
     *
     * @param scope the scope name, or null for the global scope
     * @return the seed
     * @throws ScopeNotFoundException when the scope does not exist
     * @since 0.2
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2")
    public long chaosSeed(String scope) {
        return scopeState(scope).chaos().random().seed();
    }

    private ScopeState scopeState(String scope) {
        if (scope == null) {
            return core.scopes().global();
        }
        return core.scopes().require(scope);
    }

    /**
     * The scopes in creation order, with their dedicated ports.
     *
     * @return one entry per scope
     * @since 0.1
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public List<ScopeInfo> scopeInfos() {
        List<ScopeInfo> infos = new ArrayList<>();
        core.scopes().list().forEach(s -> infos.add(new ScopeInfo(s.name(), s.dedicatedPort())));
        return infos;
    }

    /** The number of connectors of the server: the engine's own plus one per open dedicated port (for tests). */
    int connectorCount() {
        return server.getConnectors().length;
    }

    /**
     * Deletes a scope with its stubs and recorded requests, cancelling its delayed responses and closing its
     * dedicated port, if any (once this returns, the port refuses connections).
     *
     * @param name the scope name, any case
     * @throws ScopeNotFoundException when there is no such scope
     */
    public void deleteScope(String name) {
        core.deleteScope(name);
    }

    /**
     * The scope names in creation order.
     *
     * @return lower-cased names
     */
    public List<String> scopes() {
        List<String> names = new ArrayList<>();
        core.scopes().list().forEach(s -> names.add(s.name()));
        return names;
    }

    /**
     * Registers a stub.
     *
     * @param scope the scope, or null for the global space
     * @param stub the stub; an id is generated when it has none
     * @return the stub id
     * @throws ScopeNotFoundException when the scope does not exist
     * @throws IllegalArgumentException when a template does not compile or the id is taken
     */
    public String addStub(String scope, StubDefinition stub) {
        checkTemplates(stub);
        ScopeState state = scope == null ? core.scopes().global() : core.scopes().require(scope);
        try {
            return core.addStub(state, stub).id();
        } catch (InvalidPayloadException duplicate) {
            throw new IllegalArgumentException(duplicate.errors().get(0).msg(), duplicate);
        }
    }

    /**
     * Reads a stub payload in the control API's JSON form (PROTOCOL.md §4) without registering it, e.g. to give it
     * a Java-only action ({@link dev.scopemock.engine.model.CallbackAction}) before {@link #addStub}.
     *
     * @param json the stub payload
     * @return the definition
     * @throws InvalidPayloadException when the payload breaks a rule
     * @since 0.2
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2")
    public StubDefinition readStub(String json) {
        try {
            return stubReader.read(JsonCodec.parseTree(json.getBytes(StandardCharsets.UTF_8)), List.of("body"));
        } catch (IOException e) {
            throw new InvalidPayloadException(List.of(new PayloadError("json_invalid", List.of("body"),
                    "JSON decode error: " + e.getMessage())));
        }
    }

    /**
     * Registers a stub given in the control API's JSON form (PROTOCOL.md §4).
     *
     * @param scope the scope, or null for the global space
     * @param json the stub payload
     * @return the stub id
     * @throws InvalidPayloadException when the payload breaks a rule
     */
    public String addStubJson(String scope, String json) {
        StubDefinition stub;
        try {
            stub = stubReader.read(JsonCodec.parseTree(json.getBytes(StandardCharsets.UTF_8)), List.of("body"));
        } catch (IOException e) {
            throw new InvalidPayloadException(List.of(new PayloadError("json_invalid", List.of("body"),
                    "JSON decode error: " + e.getMessage())));
        }
        ScopeState state = scope == null ? core.scopes().global() : core.scopes().require(scope);
        return core.addStub(state, stub).id();
    }

    /**
     * Replaces a stub's matchers, action, call limit and chaos atomically, keeping its id and scope; requests never
     * see the stub missing. Its call count starts again at zero.
     *
     * @param id the stub id
     * @param json the new stub payload (PROTOCOL.md §4); an id in it is ignored
     * @throws InvalidPayloadException when the payload breaks a rule (the old stub then stays)
     * @throws StubNotFoundException when there is no such stub
     */
    public void replaceStubJson(String id, String json) {
        StubDefinition stub;
        try {
            stub = stubReader.read(JsonCodec.parseTree(json.getBytes(StandardCharsets.UTF_8)), List.of("body"));
        } catch (IOException e) {
            throw new InvalidPayloadException(List.of(new PayloadError("json_invalid", List.of("body"),
                    "JSON decode error: " + e.getMessage())));
        }
        core.replaceStub(id, stub);
    }

    private void checkTemplates(StubDefinition stub) {
        if (stub.action() instanceof ResponseAction response && response.body() instanceof ResponseBody.Template t) {
            checkTemplate(t.source(), "template");
        }
        if (stub.action() instanceof SseAction sse) {
            for (SseEvent event : sse.events()) {
                checkTemplate(event.data(), "SSE data");
                if (event.id() != null) {
                    checkTemplate(event.id(), "SSE id");
                }
                if (event.event() != null) {
                    checkTemplate(event.event(), "SSE event");
                }
            }
        }
    }

    private void checkTemplate(String source, String what) {
        String problem = templates.syntaxError(source);
        if (problem != null) {
            throw new IllegalArgumentException("invalid " + what + ": " + problem);
        }
    }

    /**
     * Deletes a stub, whichever scope it is in.
     *
     * @param id the stub id
     * @throws StubNotFoundException when there is no such stub
     */
    public void deleteStub(String id) {
        core.deleteStub(id);
    }

    /**
     * The number of calls a stub has served.
     *
     * @param id the stub id
     * @return its call count
     * @throws StubNotFoundException when there is no such stub
     */
    public int callCount(String id) {
        RegisteredStub stub = core.findStub(id);
        if (stub == null) {
            throw new StubNotFoundException("Stub '" + id + "' was not found");
        }
        return stub.callCount();
    }

    /**
     * The requests visible to a scope (its own and the global ones) in arrival order.
     *
     * @param scope the scope, or null for the global requests only
     * @return recorded requests
     * @throws ScopeNotFoundException when the scope does not exist
     */
    public List<RecordedRequest> requests(String scope) {
        return core.visibleRequests(scope == null ? null : core.scopes().require(scope));
    }

    /**
     * Evaluates an assertion over the requests visible to a scope.
     *
     * @param scope the scope, or null for the global requests only
     * @param matcher which requests count
     * @param times a criterion over their number
     * @return whether the count satisfies {@code times}
     */
    public boolean verify(String scope, RequestMatcher matcher, Criterion times) {
        try {
            return core.verify(scope == null ? null : core.scopes().require(scope), matcher, times);
        } catch (CriterionException notEvaluable) {
            return false;
        }
    }

    /**
     * Calls {@code listener} with every request the engine records from now on (any scope), on the thread that
     * handles the request, until the returned handle is closed. Listeners must be quick and must not block;
     * their exceptions are ignored.
     *
     * @param listener receives each recorded request
     * @return a handle that removes the listener when closed
     */
    public AutoCloseable onRequest(java.util.function.Consumer<RecordedRequest> listener) {
        return core.onRequest(listener);
    }

    /**
     * Removes every stub, scope and recorded request, cancels delayed responses and closes every dedicated port.
     */
    public void reset() {
        core.reset();
    }

    /**
     * Whether the engine is running.
     *
     * @return true between start and close
     */
    public boolean isRunning() {
        return server.isRunning();
    }

    /**
     * Stops the engine at once, aborting responses still in flight (idle keep-alive connections would otherwise
     * hold a graceful stop for a second); idempotent.
     */
    @Override
    public void close() {
        try {
            core.reset();
            scopeConnectors.closeAll();
            server.stop();
            proxyClient.close();
            if (tls != null) {
                tls.close();
            }
        } catch (Exception e) {
            throw new IllegalStateException("the engine did not stop cleanly: " + e.getMessage(), e);
        }
    }
}
