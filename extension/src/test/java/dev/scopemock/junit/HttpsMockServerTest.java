package dev.scopemock.junit;

import static dev.scopemock.junit.MockResponse.ok;
import static dev.scopemock.junit.RequestMatcher.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scopemock.annotations.Stub;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** {@code @MockServer(https = true)} as a user writes it: the base URL is HTTPS, the SSLContext is injected. */
@MockServer(https = true)
class HttpsMockServerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static HttpRequest request(ScopedMock mock, String path) {
        return HttpRequest.newBuilder(URI.create(mock.baseUrl() + path)).timeout(TIMEOUT)
                .header(mock.scopeHeader().name(), mock.scopeHeader().value()).build();
    }

    @Test
    void handsOutAnHttpsBaseUrl(ScopedMock mock) {
        assertThat(mock.baseUrl().toString()).matches("https://127\\.0\\.0\\.1:\\d+");
    }

    @Test
    @Stub(path = "/orders/7", responseJson = "{\"id\": 7}")
    void servesDeclaredStubToClientTrustingTheInjectedContext(ScopedMock mock) throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(mock.sslContext()).build();

        HttpResponse<String> response = client.send(request(mock, "/orders/7"), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"id\":7}");
        assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(mock.confirmRequest(get("/orders/7"), Times.once())).isTrue();
    }

    @Test
    void failsTheHandshakeOfAClientWithTheJvmDefaultTrust(ScopedMock mock) {
        mock.whenRequestedWith(get("/orders")).respondWith(ok().withBody("never sent"));
        HttpClient jvmDefaults = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        assertThatThrownBy(() -> jvmDefaults.send(request(mock, "/orders"), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(SSLHandshakeException.class)
                .hasMessageStartingWith("PKIX path building failed");
        assertThat(mock.requests()).isEmpty();
        assertThat(mock.confirmRequest(get("/orders"), Times.never())).isTrue();
    }

    @Test
    void handsOutTheSameContextForTheSharedEngine(ScopedMock mock) {
        assertThat(mock.sslContext()).isSameAs(mock.sslContext());
    }

    @Test
    void presentsAnIssuedClientCertificate(ScopedMock mock) throws Exception {
        mock.whenRequestedWith(get("/mutual")).respondWith(ok().withBody("with a certificate"));
        HttpClient client = HttpClient.newBuilder().sslContext(mock.clientSslContext("payment-service")).build();

        HttpResponse<String> response = client.send(request(mock, "/mutual"), HttpResponse.BodyHandlers.ofString());

        assertThat(response.body()).isEqualTo("with a certificate");
        assertThatThrownBy(() -> mock.clientSslContext(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("clientSslContext: expected a common name such as \"payment-service\", found a blank"
                        + " string");
    }
}
