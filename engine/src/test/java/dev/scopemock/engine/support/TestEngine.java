package dev.scopemock.engine.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scopemock.engine.EngineOptions;
import dev.scopemock.engine.MockEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A real engine on a free loopback port plus a real {@code java.net.http} client, for tests. Headers are given as
 * alternating name/value strings.
 */
public final class TestEngine implements AutoCloseable {

    public static final ObjectMapper JSON = new ObjectMapper();

    private final MockEngine engine;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private TestEngine(MockEngine engine) {
        this.engine = engine;
    }

    public static TestEngine start() {
        return new TestEngine(MockEngine.start(EngineOptions.defaults()));
    }

    public static TestEngine start(EngineOptions options) {
        return new TestEngine(MockEngine.start(options));
    }

    public MockEngine engine() {
        return engine;
    }

    public URI url(String path) {
        return URI.create(engine.baseUrl() + path);
    }

    public int port() {
        return engine.port();
    }

    public HttpClient client() {
        return client;
    }

    /** Sends a request; {@code body} null means no body. */
    public HttpResponse<String> send(String method, String path, String body, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        try {
            return client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    /** POSTs JSON with {@code Content-Type: application/json}. */
    public HttpResponse<String> postJson(String path, String json, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = "application/json";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return send("POST", path, json, all);
    }

    /** Creates a scope over HTTP and checks the 201. */
    public void createScope(String name) {
        HttpResponse<String> response = postJson("/__mock__/scopes", "{\"name\":\"" + name + "\"}");
        if (response.statusCode() != 201) {
            throw new AssertionError("scope " + name + " not created: " + response.statusCode() + " "
                    + response.body());
        }
    }

    /** Adds a stub over HTTP (scope given as a header name, or null), checks the 200 and returns its id. */
    public String addStub(String scope, String json) {
        HttpResponse<String> response = scope == null ? postJson("/__mock__/stubs", json)
                : postJson("/__mock__/stubs", json, scope, "1");
        if (response.statusCode() != 200) {
            throw new AssertionError("stub not created: " + response.statusCode() + " " + response.body());
        }
        return json(response).get("stub_id").asText();
    }

    /** Runs an assertion over HTTP (scope header or null) and returns its result. */
    public boolean confirm(String scope, String json) {
        HttpResponse<String> response = scope == null ? postJson("/__mock__/assert", json)
                : postJson("/__mock__/assert", json, scope, "1");
        if (response.statusCode() != 200) {
            throw new AssertionError("assert failed: " + response.statusCode() + " " + response.body());
        }
        return json(response).get("result").asBoolean();
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    @Override
    public void close() {
        engine.close();
    }
}
