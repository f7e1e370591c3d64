package dev.scopemock.engine;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Whether and how the engine serves HTTPS, on a port of its own next to the HTTP port (both at once, the same
 * stubs, scopes and journal). The HTTPS port speaks HTTP/2 (negotiated with ALPN) and HTTP/1.1.
 *
 * <pre>{@code
 * try (MockEngine engine = MockEngine.start(EngineOptions.defaults().withHttps(HttpsOptions.onFreePort()))) {
 *     HttpClient client = HttpClient.newBuilder().sslContext(engine.clientSslContext()).build();
 *     client.send(HttpRequest.newBuilder(engine.httpsBaseUrl().resolve("/health")).build(), ofString());
 * }
 * }</pre>
 *
 * @param enabled whether the HTTPS port is opened
 * @param port the HTTPS port, 0 for a free one
 * @param clientAuth whether clients must present a certificate signed by the engine's CA
 * @param certificate the server certificate: generated (the default) or from a key store of your own
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record HttpsOptions(boolean enabled, int port, ClientAuth clientAuth, ServerCertificate certificate) {

    /**
     * Validates the options.
     *
     * @param enabled whether HTTPS is served
     * @param port port or 0
     * @param clientAuth client certificate requirement
     * @param certificate certificate source
     */
    public HttpsOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("HTTPS port must be between 0 and 65535, found " + port
                    + ". Fix: use 0 for a free port.");
        }
        Objects.requireNonNull(clientAuth, "clientAuth");
        Objects.requireNonNull(certificate, "certificate");
    }

    /**
     * No HTTPS port (the default of {@link EngineOptions#defaults()}).
     *
     * @return disabled options
     */
    public static HttpsOptions disabled() {
        return new HttpsOptions(false, 0, ClientAuth.NONE, ServerCertificate.generated());
    }

    /**
     * HTTPS on a free port with a generated certificate and no client certificates asked for.
     *
     * @return enabled options
     */
    public static HttpsOptions onFreePort() {
        return onPort(0);
    }

    /**
     * HTTPS on the given port with a generated certificate and no client certificates asked for.
     *
     * @param port the HTTPS port, 0 for a free one
     * @return enabled options
     */
    public static HttpsOptions onPort(int port) {
        return new HttpsOptions(true, port, ClientAuth.NONE, ServerCertificate.generated());
    }

    /**
     * These options with another port.
     *
     * @param newPort the HTTPS port, 0 for a free one
     * @return a copy
     */
    public HttpsOptions withPort(int newPort) {
        return new HttpsOptions(enabled, newPort, clientAuth, certificate);
    }

    /**
     * These options with another client-certificate requirement.
     *
     * @param newClientAuth none, want or need
     * @return a copy
     */
    public HttpsOptions withClientAuth(ClientAuth newClientAuth) {
        return new HttpsOptions(enabled, port, newClientAuth, certificate);
    }

    /**
     * These options with another server certificate.
     *
     * @param newCertificate generated or from a key store
     * @return a copy
     */
    public HttpsOptions withCertificate(ServerCertificate newCertificate) {
        return new HttpsOptions(enabled, port, clientAuth, newCertificate);
    }
}
