package dev.scopemock.junit.testkit;

import dev.scopemock.junit.ScopedMock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Sends requests the way a system under test would: to the mock's base URL, with or without its scope header. */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private Http() {
    }

    /** {@code GET path} in the mock's scope; returns the body. */
    public static String get(ScopedMock mock, String path) {
        return send(mock, "GET", path, null).body();
    }

    /** A request in the mock's scope; {@code body} null for none. */
    public static HttpResponse<String> send(ScopedMock mock, String method, String path, String body,
                                            String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = mock.scopeHeader().name();
        all[1] = mock.scopeHeader().value();
        System.arraycopy(headers, 0, all, 2, headers.length);
        return exchange(URI.create(mock.baseUrl() + path), method, body, all);
    }

    /** A request without any scope header (global traffic). */
    public static HttpResponse<String> unscoped(URI baseUrl, String method, String path) {
        return exchange(URI.create(baseUrl + path), method, null);
    }

    /** Any request; headers as alternating names and values. */
    public static HttpResponse<String> exchange(URI uri, String method, String body, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        try {
            return CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
