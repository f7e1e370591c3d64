package dev.scopemock.junit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopemock.engine.internal.json.JsonCodec;
import dev.scopemock.engine.model.RecordedRequest;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import javax.net.ssl.SSLContext;

/** An engine running elsewhere (standalone, another JVM), driven over the HTTP control API only. */
final class RemoteConnection implements EngineConnection {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    /** The engine's longest {@code wait_ms}. */
    private static final long MAX_WAIT_MILLIS = 20_000;
    /** The pause between listings of an engine that answers {@code wait_ms} at once (it has no long-poll). */
    private static final long LEGACY_PAUSE_MILLIS = 25;

    private final URI baseUrl;
    private final URI httpsUrl;
    /** The engine's CA certificate and the context trusting it, fetched on first use; guarded by {@code this}. */
    private String caPem;
    private SSLContext trusting;
    /**
     * The highest global sequence seen so far: global requests at or below it are older than any mark asked for
     * from now on, so {@link #lastGlobalSequence()} lists only the newer ones instead of the whole global journal.
     */
    private final AtomicLong globalSeen = new AtomicLong();
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    RemoteConnection(URI baseUrl) {
        String text = baseUrl.toString();
        this.baseUrl = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        HttpResponse<String> welcome = send("GET", "/__mock__", null, null);
        if (welcome.statusCode() != 200) {
            throw new IllegalStateException("the engine at " + this.baseUrl + " did not answer GET /__mock__ with"
                    + " 200 (it answered " + welcome.statusCode() + "); is it a Scopemock engine?");
        }
        this.httpsUrl = httpsUrl(this.baseUrl, json(welcome).get("https_url"));
    }

    /**
     * The engine's HTTPS URL on the host this connection uses (the engine reports its own bind address, which this
     * JVM may reach by another name); null when the welcome document reports none.
     */
    private static URI httpsUrl(URI baseUrl, JsonNode reported) {
        if (reported == null || !reported.isTextual()) {
            return null;
        }
        int port = URI.create(reported.textValue()).getPort();
        return URI.create("https://" + baseUrl.getRawAuthority().replaceFirst(":\\d+$", "") + ":" + port);
    }

    @Override
    public URI baseUrl() {
        return baseUrl;
    }

    @Override
    public URI httpsUrl() {
        return httpsUrl;
    }

    /** Fetches {@code GET /__mock__/ca.pem} once per connection. */
    @Override
    public synchronized SSLContext sslContext() {
        if (trusting == null) {
            trusting = TlsContexts.fromPem(caPem(), null);
        }
        return trusting;
    }

    /** {@code POST /__mock__/client-certificates}: the engine issues the certificate and hands out its key. */
    @Override
    public SSLContext clientSslContext(String commonName) {
        String ca = caPem();
        HttpResponse<String> response = send("POST", "/__mock__/client-certificates", null,
                "{\"common_name\":" + JsonCodec.writeString(commonName) + "}");
        expect(response, 201, "issue a client certificate for " + commonName);
        JsonNode issued = json(response);
        return TlsContexts.fromPem(ca, issued.get("private_key_pem").asText(),
                issued.get("certificate_pem").asText(), issued.get("issuer_pem").asText());
    }

    private synchronized String caPem() {
        if (caPem == null) {
            HttpResponse<String> response = send("GET", "/__mock__/ca.pem", null, null);
            if (response.statusCode() == 404) {
                throw new IllegalStateException("the engine at " + baseUrl + " serves no HTTPS (GET /__mock__/ca.pem"
                        + " answered 404). Fix: start it with --https-port 0 (or EngineOptions.withHttps(...)).");
            }
            expect(response, 200, "hand out its CA certificate");
            caPem = response.body();
        }
        return caPem;
    }

    @Override
    public boolean createScope(String name) {
        HttpResponse<String> response = send("POST", "/__mock__/scopes", null,
                "{\"name\":" + JsonCodec.writeString(name) + "}");
        if (response.statusCode() == 409) {
            return false;
        }
        expect(response, 201, "create scope " + name);
        return true;
    }

    @Override
    public int createScopeWithPort(String name) {
        HttpResponse<String> response = send("POST", "/__mock__/scopes", null,
                "{\"name\":" + JsonCodec.writeString(name) + ",\"dedicated_port\":true}");
        if (response.statusCode() == 409) {
            return -1;
        }
        expect(response, 201, "create scope " + name + " with a dedicated port");
        JsonNode port = json(response).get("port");
        if (port == null || !port.canConvertToInt() || port.asInt() <= 0) {
            deleteScope(name);
            throw new IllegalStateException("the engine at " + baseUrl + " created scope " + name + " but opened no"
                    + " dedicated port for it (its answer has no \"port\": " + response.body() + "). Fix: use a"
                    + " Scopemock engine, or @MockServer(isolation = Isolation.HEADER).");
        }
        return port.asInt();
    }

    @Override
    public void deleteScope(String name) {
        HttpResponse<String> response = send("DELETE", "/__mock__/scopes/" + encode(name), null, null);
        if (response.statusCode() != 404) {
            expect(response, 200, "delete scope " + name);
        }
    }

    @Override
    public String addStub(String scope, String payloadJson) {
        HttpResponse<String> response = send("POST", "/__mock__/stubs", scope, payloadJson);
        if (response.statusCode() == 422 || response.statusCode() == 400) {
            throw new IllegalArgumentException(describeErrors(response));
        }
        expect(response, 200, "add stub");
        return json(response).get("stub_id").asText();
    }

    @Override
    public void replaceStub(String scope, String id, String payloadJson) {
        HttpResponse<String> response = send("PUT", "/__mock__/stubs/" + encode(id), scope, payloadJson);
        if (response.statusCode() == 422 || response.statusCode() == 400) {
            throw new IllegalArgumentException(describeErrors(response));
        }
        expect(response, 200, "replace stub " + id);
    }

    @Override
    public void configureChaos(String scope, String chaosJson) {
        HttpResponse<String> response = send("PUT", "/__mock__/scopes/" + encode(scope) + "/chaos", null,
                chaosJson);
        if (response.statusCode() == 422 || response.statusCode() == 400) {
            throw new IllegalArgumentException(describeErrors(response));
        }
        expect(response, 200, "set the chaos of scope " + scope);
    }

    @Override
    public void deleteStub(String id) {
        expect(send("DELETE", "/__mock__/stubs/" + encode(id), null, null), 200, "delete stub " + id);
    }

    @Override
    public List<RecordedRequest> scopeRequests(String scope) {
        HttpResponse<String> response = send("GET", "/__mock__/requests", scope, null);
        expect(response, 200, "list requests");
        List<RecordedRequest> own = new ArrayList<>();
        for (JsonNode view : json(response).get("requests")) {
            if (scope.equals(view.path("scope").asText(null))) {
                own.add(toRequest(view));
            }
        }
        return own;
    }

    @Override
    public long lastGlobalSequence() {
        List<RecordedRequest> newer = globalRequestsAfter(globalSeen.get());
        return newer.isEmpty() ? globalSeen.get() : newer.get(newer.size() - 1).sequence();
    }

    /**
     * Lists {@code GET /__mock__/requests?after=N} without a scope header (the global view); an engine that ignores
     * {@code after} answers with every global request, so the listing is filtered here too.
     */
    @Override
    public List<RecordedRequest> globalRequestsAfter(long afterSequence) {
        HttpResponse<String> response = send("GET", "/__mock__/requests?after=" + afterSequence, null, null);
        expect(response, 200, "list global requests");
        List<RecordedRequest> newer = new ArrayList<>();
        for (JsonNode view : json(response).get("requests")) {
            if (view.path("sequence").asLong() > afterSequence && textOrNull(view.get("scope")) == null) {
                newer.add(toRequest(view));
            }
        }
        if (!newer.isEmpty()) {
            globalSeen.accumulateAndGet(newer.get(newer.size() - 1).sequence(), Math::max);
        }
        return newer;
    }

    /**
     * Waits on the engine's long-poll ({@code GET /__mock__/requests?after=N&wait_ms=M}): each call returns as soon
     * as a request newer than N is visible to the scope, so no time is spent sleeping between polls. An engine
     * without the long-poll answers at once with its whole listing; then the requests are filtered here and the
     * calls are spaced by a short pause.
     */
    @Override
    public RecordedRequest awaitRequest(String scope, long afterSequence, Predicate<RecordedRequest> condition,
                                        Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long after = afterSequence;
        while (true) {
            long leftMillis = Math.max(0, (deadline - System.nanoTime() + 999_999) / 1_000_000);
            long wait = Math.min(leftMillis, MAX_WAIT_MILLIS);
            long asked = System.nanoTime();
            HttpResponse<String> response = send("GET", "/__mock__/requests?after=" + after + "&wait_ms=" + wait,
                    scope, null);
            expect(response, 200, "list requests");
            long asOf = after;
            boolean newer = false;
            for (JsonNode view : json(response).get("requests")) {
                long sequence = view.path("sequence").asLong();
                if (sequence <= asOf) {
                    continue;
                }
                newer = true;
                after = Math.max(after, sequence);
                if (scope.equals(view.path("scope").asText(null))) {
                    RecordedRequest request = toRequest(view);
                    if (condition.test(request)) {
                        return request;
                    }
                }
            }
            if (leftMillis == 0) {
                return null;
            }
            long answeredAfterMillis = (System.nanoTime() - asked) / 1_000_000;
            if (!newer && answeredAfterMillis < wait / 2) {
                Thread.sleep(Math.min(LEGACY_PAUSE_MILLIS, leftMillis));
            }
        }
    }

    @Override
    public void close() {
        // the remote engine outlives this JVM's tests; java.net.http clients need no explicit close on Java 17
    }

    static RecordedRequest toRequest(JsonNode view) {
        String bodyText = view.path("body").asText("");
        byte[] body = "base64".equals(view.path("body_encoding").asText())
                ? Base64.getDecoder().decode(bodyText) : bodyText.getBytes(StandardCharsets.UTF_8);
        return new RecordedRequest(view.path("sequence").asLong(), Instant.parse(view.path("timestamp").asText()),
                view.path("method").asText(), view.path("path").asText(), view.path("raw_query").asText(""),
                multimap(view.path("query_all")), multimap(view.path("headers_all")), body,
                view.path("host").asText(""), textOrNull(view.get("scope")), textOrNull(view.get("matched_stub_id")),
                stringMap(view.path("path_params")), textOrNull(view.get("protocol")));
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static Map<String, List<String>> multimap(JsonNode node) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        node.fields().forEachRemaining(field -> {
            List<String> values = new ArrayList<>();
            field.getValue().forEach(v -> values.add(v.asText()));
            map.put(field.getKey(), Collections.unmodifiableList(values));
        });
        return Collections.unmodifiableMap(map);
    }

    private static Map<String, String> stringMap(JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        node.fields().forEachRemaining(field -> map.put(field.getKey(), field.getValue().asText()));
        return Collections.unmodifiableMap(map);
    }

    private HttpResponse<String> send(String method, String path, String scope, String json) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(CALL_TIMEOUT)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            builder.header("Content-Type", "application/json");
        }
        if (scope != null) {
            builder.header(scope, "1");
        }
        try {
            return client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("the engine at " + baseUrl + " did not answer " + method + " " + path
                    + ": " + (e.getMessage() == null ? e.getClass().getName() : e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling the engine at " + baseUrl, e);
        }
    }

    private void expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("the engine at " + baseUrl + " refused to " + what + ": "
                    + response.statusCode() + " " + response.body());
        }
    }

    /** The engine's validation errors in the form {@code InvalidPayloadException} prints them in process. */
    private static String describeErrors(HttpResponse<String> response) {
        JsonNode detail;
        try {
            detail = json(response).get("detail");
        } catch (IllegalStateException notJson) {
            return "invalid payload: " + response.body();
        }
        if (detail == null || !detail.isArray()) {
            return "invalid payload: " + response.body();
        }
        StringBuilder out = new StringBuilder("invalid payload:");
        for (JsonNode error : detail) {
            StringBuilder path = new StringBuilder();
            for (JsonNode part : error.path("loc")) {
                if (part.isInt()) {
                    path.append('[').append(part.asInt()).append(']');
                } else {
                    path.append(path.length() > 0 ? "." : "").append(part.asText());
                }
            }
            out.append("\n  ").append(path).append(": ").append(error.path("msg").asText());
        }
        return out.toString();
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JsonCodec.parseTree(response.body().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("the engine answered non-JSON: " + response.body(), e);
        }
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
