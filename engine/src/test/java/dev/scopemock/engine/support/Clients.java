package dev.scopemock.engine.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/** Real {@code java.net.http} clients for HTTPS and HTTP/2 tests: each call builds its own, so no state is shared. */
public final class Clients {

    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private Clients() {
    }

    /** A client of the given version that trusts what {@code ssl} trusts (null: the JVM's default trust). */
    public static HttpClient client(HttpClient.Version version, SSLContext ssl) {
        HttpClient.Builder builder = HttpClient.newBuilder().version(version).connectTimeout(TIMEOUT);
        if (ssl != null) {
            builder.sslContext(ssl);
        }
        return builder.build();
    }

    /** GETs {@code uri} with alternating header names and values. */
    public static HttpResponse<String> get(HttpClient client, URI uri, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(TIMEOUT);
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A stub payload answering {@code path} with 200 and a text body. */
    public static String textStub(String path, String body) {
        return "{\"request\": {\"path\": \"" + path + "\"}, \"action\": {\"response\": {\"status_code\": 200,"
                + " \"headers\": {}, \"body\": \"" + body + "\"}}}";
    }
}
