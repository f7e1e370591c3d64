package dev.scopemock.engine.internal.jetty;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopemock.engine.ClientCertificate;
import dev.scopemock.engine.internal.respond.ResponseWriter;
import dev.scopemock.engine.internal.tls.EngineTls;
import dev.scopemock.engine.internal.tls.Pem;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The TLS part of the control API (Scopemock additions): the HTTPS URL and client-auth mode in the welcome document,
 * {@code GET /__mock__/ca.pem} (the certificate clients trust) and {@code POST /__mock__/client-certificates}
 * (a client certificate for mTLS, key included: the control API is a test tool on a trusted port). An engine without
 * HTTPS answers both with {@code 404 HTTPS_NOT_ENABLED}.
 */
final class TlsControl {

    static final String CA_PEM = "/__mock__/ca.pem";
    static final String CLIENT_CERTIFICATES = "/__mock__/client-certificates";
    static final String NOT_ENABLED = "HTTPS_NOT_ENABLED";
    private static final String COMMON_NAME = "common_name";

    private final Supplier<URI> httpsUrl;
    private final EngineTls tls;

    /**
     * @param httpsUrl the HTTPS base URL, or a supplier of null when the engine serves no HTTPS
     * @param tls the TLS material, or null
     */
    TlsControl(Supplier<URI> httpsUrl, EngineTls tls) {
        this.httpsUrl = httpsUrl;
        this.tls = tls;
    }

    static boolean routes(String method, String path) {
        return (path.equals(CA_PEM) && method.equals("GET")) || (path.equals(CLIENT_CERTIFICATES)
                && method.equals("POST"));
    }

    /** Adds {@code https_url} and {@code client_auth} to the welcome document when the engine serves HTTPS. */
    void describe(Map<String, Object> welcome) {
        if (tls != null) {
            welcome.put("https_url", httpsUrl.get().toString());
            welcome.put("client_auth", tls.clientAuth().name().toLowerCase(Locale.ROOT));
        }
    }

    void handle(Request request, Response response, Callback callback, byte[] body, String path) {
        if (tls == null) {
            ResponseWriter.sendError(response, callback, 404, NOT_ENABLED, "This engine serves no HTTPS, so it has"
                    + " no " + (path.equals(CA_PEM) ? "CA certificate" : "client certificates") + ". Fix: start it"
                    + " with --https-port (or EngineOptions.withHttps(HttpsOptions.onFreePort())).");
            return;
        }
        if (path.equals(CA_PEM)) {
            byte[] pem = Pem.certificate(tls.trustAnchor()).getBytes(StandardCharsets.US_ASCII);
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/x-pem-file");
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, pem.length);
            response.write(true, ByteBuffer.wrap(pem), callback);
            return;
        }
        issue(request, response, callback, body);
    }

    private void issue(Request request, Response response, Callback callback, byte[] body) {
        JsonNode root = ControlApi.parseObject(request, body);
        JsonNode name = root.get(COMMON_NAME);
        List<Object> loc = List.of("body", COMMON_NAME);
        if (name == null || name.isNull()) {
            throw ControlApi.invalid("missing", loc, "Field required: the certificate's common name, e.g."
                    + " {\"common_name\": \"payment-service\"}");
        }
        if (!name.isTextual() || name.textValue().isBlank()) {
            throw ControlApi.invalid("string_type", loc, "Input should be a non-blank string: common_name names"
                    + " the client, found " + name);
        }
        root.fieldNames().forEachRemaining(field -> {
            if (!field.equals(COMMON_NAME)) {
                throw ControlApi.invalid("extra_forbidden", List.of("body", field), "Extra inputs are not"
                        + " permitted: unknown field '" + field + "'; allowed fields are [common_name]");
            }
        });
        ClientCertificate issued = tls.issueClient(name.textValue());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put(COMMON_NAME, name.textValue());
        answer.put("certificate_pem", issued.certificatePem());
        answer.put("private_key_pem", issued.privateKeyPem());
        answer.put("issuer_pem", Pem.certificate(issued.issuer()));
        ResponseWriter.sendJson(response, callback, 201, answer);
    }
}
