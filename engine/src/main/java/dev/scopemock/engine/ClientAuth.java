package dev.scopemock.engine;

import org.apiguardian.api.API;

/**
 * Whether the engine's HTTPS port asks clients for a certificate (mutual TLS). Client certificates are checked
 * against the engine's own CA: issue them with {@link MockEngine#issueClientCertificate(String)}.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum ClientAuth {

    /** No client certificate is asked for (the default). */
    NONE,

    /** A client certificate is asked for: a client without one is still served, one with an untrusted one is not. */
    WANT,

    /** A client certificate signed by the engine's CA is required: without one the TLS handshake fails. */
    NEED
}
