package dev.scopemock.benchmarks.load;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * The load driver's ceiling: a bare Jetty 12 server whose one non-blocking handler answers every request
 * {@code 200 ok} (text/plain), with Jetty's default thread pool and connector. Usage: {@code RawJettyServer PORT}.
 */
public final class RawJettyServer {

    private static final byte[] OK = "ok".getBytes(StandardCharsets.UTF_8);
    private static final HttpField CONTENT_TYPE =
            new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");

    private RawJettyServer() {
    }

    public static void main(String[] args) throws Exception {
        Server server = new Server();
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(Integer.parseInt(args[0]));
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract.NonBlocking() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                response.setStatus(200);
                response.getHeaders().add(CONTENT_TYPE);
                response.getHeaders().put(HttpHeader.CONTENT_LENGTH, OK.length);
                response.write(true, ByteBuffer.wrap(OK), callback);
                return true;
            }
        });
        server.setStopTimeout(0);
        server.start();
        System.out.println("raw Jetty listening on " + connector.getLocalPort());
        server.join();
    }
}
