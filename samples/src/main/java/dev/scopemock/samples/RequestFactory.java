package dev.scopemock.samples;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;

/**
 * Builds the outgoing requests of all clients: absolute URI, request timeout and the forwarded headers. Keeping
 * this in one place is what makes header propagation reliable: no client can forget the scope header.
 */
final class RequestFactory {

    private final ServiceSettings settings;

    RequestFactory(ServiceSettings settings) {
        this.settings = settings;
    }

    /** A builder for {@code path} that already carries the timeout and every forwarded header. */
    HttpRequest.Builder newRequest(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(settings.resolve(path)).timeout(settings.requestTimeout());
        for (ForwardedHeader header : settings.forwardedHeaders()) {
            builder.header(header.name(), header.value());
        }
        return builder;
    }

    /** An HTTP/1.1 client whose connect timeout is the request timeout. */
    HttpClient newClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.requestTimeout())
                .build();
    }
}
