package dev.scopemock.junit.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The HTTP clients a system under test might use, each sending a plain GET the way such a system would: to the URL
 * it was given, with only the headers it chose itself (never the scope header, unless a test passes it).
 */
enum Client {

    JDK_HTTP_CLIENT {
        @Override
        String get(URI uri, Map<String, String> headers) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT);
            headers.forEach(request::header);
            try {
                return Clients.get().jdk.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    },
    HTTP_URL_CONNECTION {
        @Override
        String get(URI uri, Map<String, String> headers) {
            try {
                HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
                connection.setConnectTimeout((int) TIMEOUT.toMillis());
                connection.setReadTimeout((int) TIMEOUT.toMillis());
                headers.forEach(connection::setRequestProperty);
                InputStream body = connection.getResponseCode() < 400 ? connection.getInputStream()
                        : connection.getErrorStream();
                try (body) {
                    return body == null ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    },
    APACHE_CLASSIC {
        @Override
        String get(URI uri, Map<String, String> headers) {
            HttpGet request = new HttpGet(uri);
            headers.forEach(request::addHeader);
            try {
                return Clients.get().apacheClassic.execute(request, response -> EntityUtils.toString(
                        response.getEntity(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    },
    APACHE_ASYNC {
        @Override
        String get(URI uri, Map<String, String> headers) {
            SimpleRequestBuilder builder = SimpleRequestBuilder.get(uri);
            headers.forEach(builder::addHeader);
            SimpleHttpRequest request = builder.build();
            try {
                SimpleHttpResponse response = Clients.get().apacheAsync.execute(request, null)
                        .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                return response.getBodyText() == null ? "" : response.getBodyText();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException(e);
            }
        }
    },
    OKHTTP {
        @Override
        String get(URI uri, Map<String, String> headers) {
            Request.Builder request = new Request.Builder().url(uri.toString());
            headers.forEach(request::header);
            try (Response response = Clients.get().okHttp.newCall(request.build()).execute()) {
                return response.body().string();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    static final Duration TIMEOUT = Duration.ofSeconds(20);

    /** GET {@code uri} with these headers only; returns the body (also of an error answer). */
    abstract String get(URI uri, Map<String, String> headers);

    String get(URI uri) {
        return get(uri, Map.of());
    }

    /**
     * The clients, built once outside any test (as a system under test builds them at start-up) and shared by the
     * fixtures; {@link #close()} releases their threads and connections.
     */
    static final class Clients implements AutoCloseable {

        private static volatile Clients current;

        final HttpClient jdk = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(TIMEOUT).build();
        final CloseableHttpClient apacheClassic = HttpClients.createDefault();
        final CloseableHttpAsyncClient apacheAsync = HttpAsyncClients.createDefault();
        final OkHttpClient okHttp = new OkHttpClient.Builder().callTimeout(TIMEOUT).build();

        private Clients() {
            apacheAsync.start();
        }

        /** Builds the clients for the fixtures of a test class. */
        static Clients open() {
            current = new Clients();
            return current;
        }

        static Clients get() {
            Clients clients = current;
            if (clients == null) {
                throw new IllegalStateException("no clients: the test running the fixtures must open them");
            }
            return clients;
        }

        @Override
        public void close() throws IOException {
            current = null;
            apacheClassic.close();
            apacheAsync.close(CloseMode.GRACEFUL);
            okHttp.dispatcher().executorService().shutdown();
            okHttp.connectionPool().evictAll();
        }
    }
}
