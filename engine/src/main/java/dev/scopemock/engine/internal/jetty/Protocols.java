package dev.scopemock.engine.internal.jetty;

import dev.scopemock.engine.ClientAuth;
import dev.scopemock.engine.internal.tls.EngineTls;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.DetectorConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.SslConnectionFactory;

/**
 * The protocol stacks of the engine's connectors, new factory instances per connector (a connector manages its
 * factories' life cycle). Every stack ends in the same root handler, so HTTP/1.1, h2c and h2 see the same stubs:
 * <ul>
 *   <li>plain: HTTP/1.1, and h2c by prior knowledge or by {@code Upgrade: h2c};</li>
 *   <li>HTTPS: TLS, then ALPN choosing h2 or HTTP/1.1 (HTTP/1.1 when the client offers no ALPN);</li>
 *   <li>a scope's dedicated port: plain, or, when the engine serves HTTPS, whichever the first bytes show: a TLS
 *       handshake gets the HTTPS stack, anything else the plain one, so one port answers {@code http://} and
 *       {@code https://}.</li>
 * </ul>
 */
public final class Protocols {

    private static final String HTTP_1_1 = "http/1.1";

    private final HttpConfiguration plain;
    private final HttpConfiguration secure;
    private final EngineTls tls;

    /**
     * @param plain the HTTP configuration of plain connections
     * @param tls the engine's TLS material, or null when it serves no HTTPS
     */
    public Protocols(HttpConfiguration plain, EngineTls tls) {
        this.plain = plain;
        this.tls = tls;
        this.secure = new HttpConfiguration(plain);
        // a mock answers whatever host name a test uses; the certificate names are the client's to check
        secure.addCustomizer(new SecureRequestCustomizer(false));
        secure.setSecureScheme("https");
    }

    /** HTTP/1.1 and h2c. */
    public ConnectionFactory[] plain() {
        return new ConnectionFactory[] {new HttpConnectionFactory(plain), new HTTP2CServerConnectionFactory(plain)};
    }

    /** TLS, ALPN, h2 and HTTP/1.1, asking clients for certificates as {@code clientAuth} says. */
    public ConnectionFactory[] https(ClientAuth clientAuth) {
        ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory("h2", HTTP_1_1);
        alpn.setDefaultProtocol(HTTP_1_1);
        return new ConnectionFactory[] {ssl(clientAuth, alpn), alpn, new HTTP2ServerConnectionFactory(secure),
                new HttpConnectionFactory(secure)};
    }

    /** The stack of a scope's dedicated port: plain, or TLS-or-plain by detection when the engine serves HTTPS. */
    public ConnectionFactory[] dedicated() {
        if (tls == null) {
            return plain();
        }
        ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory("h2", HTTP_1_1);
        alpn.setDefaultProtocol(HTTP_1_1);
        // the detector hands non-TLS bytes to the factory after it: HTTP/1.1 (which upgrades to h2c when asked)
        return new ConnectionFactory[] {new DetectorConnectionFactory(ssl(tls.clientAuth(), alpn)),
                new HttpConnectionFactory(secure), alpn, new HTTP2ServerConnectionFactory(secure),
                new HTTP2CServerConnectionFactory(secure)};
    }

    private SslConnectionFactory ssl(ClientAuth clientAuth, ALPNServerConnectionFactory alpn) {
        SslConnectionFactory ssl = new SslConnectionFactory(tls.serverFactory(clientAuth), alpn.getProtocol());
        ssl.setEnsureSecureRequestCustomizer(false);
        return ssl;
    }
}
