package dev.scopemock.engine.internal.chaos;

import dev.scopemock.engine.internal.respond.Exchange;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.http.MetaData;
import org.eclipse.jetty.server.HttpStream;
import org.eclipse.jetty.util.Callback;

/**
 * A transport fault on a multiplexed connection (HTTP/2, HTTP/3): the connection carries other requests, of other
 * scopes too, so the fault resets the request's own stream instead of closing the connection. The request's stream
 * is wrapped so that nothing more is sent on it (not even the error answer Jetty would write for a failed request
 * that has not answered yet); failing the send makes Jetty reset the stream ({@code RST_STREAM}).
 */
final class StreamReset extends HttpStream.Wrapper {

    private final ChaosAbort abort;

    private StreamReset(HttpStream stream, ChaosAbort abort) {
        super(stream);
        this.abort = abort;
    }

    /** Whether the request came over a connection that multiplexes requests. */
    static boolean multiplexed(Exchange exchange) {
        HttpVersion version = exchange.request().getConnectionMetaData().getHttpVersion();
        return version == HttpVersion.HTTP_2 || version == HttpVersion.HTTP_3;
    }

    /** Resets the request's stream, leaving its connection and the other streams on it alone. */
    static void reset(Exchange exchange, String fault) {
        ChaosAbort abort = new ChaosAbort(fault);
        exchange.request().addHttpStreamWrapper(stream -> new StreamReset(stream, abort));
        exchange.callback().failed(abort);
    }

    @Override
    public void send(MetaData.Request request, MetaData.Response response, boolean last, ByteBuffer content,
                     Callback callback) {
        callback.failed(abort);
    }
}
