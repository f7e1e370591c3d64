package dev.scopemock.assertj;

import dev.scopemock.junit.ScopedMock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Sends real HTTP/1.1 requests to the test's engine, with or without the test's scope header. */
final class Traffic {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private Traffic() {
    }

    static int get(ScopedMock mock, String pathAndQuery, String... headers) {
        return send(mock, true, "GET", pathAndQuery, null, headers);
    }

    static int post(ScopedMock mock, String path, String body, String... headers) {
        return send(mock, true, "POST", path, body, headers);
    }

    /** A request without the scope header: the engine records it as global, outside every test's scope. */
    static int unscoped(ScopedMock mock, String method, String path, String body) {
        return send(mock, false, method, path, body);
    }

    static int send(ScopedMock mock, boolean scoped, String method, String pathAndQuery, String body,
                    String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(mock.baseUrl() + pathAndQuery))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (scoped) {
            request.header(mock.scopeHeader().name(), mock.scopeHeader().value());
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
