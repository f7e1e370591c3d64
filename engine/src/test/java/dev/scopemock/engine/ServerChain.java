package dev.scopemock.engine;

import java.io.IOException;
import java.net.URI;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/** Reads the certificate chain a TLS server presents, with a plain {@link SSLSocket} handshake. */
final class ServerChain {

    private ServerChain() {
    }

    static X509Certificate[] fetch(URI https, SSLContext trusting) throws IOException {
        try (SSLSocket socket = (SSLSocket) trusting.getSocketFactory().createSocket(https.getHost(),
                https.getPort())) {
            socket.setSoTimeout(10_000);
            socket.startHandshake();
            return (X509Certificate[]) socket.getSession().getPeerCertificates();
        }
    }
}
