package dev.scopemock.engine.internal.chaos;

import dev.scopemock.engine.internal.respond.Delays;
import dev.scopemock.engine.internal.respond.Exchange;
import dev.scopemock.engine.internal.respond.Responder;
import dev.scopemock.engine.internal.respond.ResponseWriter;
import dev.scopemock.engine.model.Chaos;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.ssl.SslConnection;
import org.eclipse.jetty.util.Callback;

/**
 * Carries out the fault chaos chose for a request. Over HTTP/1.1 the transport faults act on the connection's end
 * point below HTTP: nothing of them goes through the response, and the request's callback is failed after the
 * connection is closed, so Jetty writes nothing more. Over HTTP/2 the connection carries other requests (of other
 * scopes, in a parallel run), so every transport fault resets the request's stream only ({@link StreamReset}): the
 * client sees {@code RST_STREAM} where an HTTP/1.1 client sees a reset, an empty answer or garbage.
 */
public final class Faults {

    /** The error code of an injected status. */
    public static final String INJECTED = "CHAOS_ERROR_STATUS";

    /** The head of the malformed chunked response; its chunk size line is not hexadecimal. */
    static final String MALFORMED_HEAD = "HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\n"
            + "Transfer-Encoding: chunked\r\n\r\nzz\r\nnot a chunk\r\n";

    /** The faults that act on the connection over HTTP/1.1 and on the stream over HTTP/2 (stall: when it ends). */
    private static final Set<Fault> ON_THE_CONNECTION = EnumSet.of(Fault.CONNECTION_RESET, Fault.EMPTY_RESPONSE,
            Fault.RANDOM_BYTES, Fault.MALFORMED_CHUNKED);

    /** How many random bytes replace a response. */
    static final int RANDOM_BYTES = 64;

    private Faults() {
    }

    /**
     * Answers the request with the fault (or normally for {@link Fault#NONE}).
     *
     * @param chaos the chaos that applies (non-null unless fault is NONE)
     * @param random the scope's generator (random bytes)
     */
    public static void apply(Fault fault, Chaos chaos, ChaosRandom random, Exchange exchange, Responder responder) {
        if (ON_THE_CONNECTION.contains(fault) && StreamReset.multiplexed(exchange)) {
            if (fault == Fault.RANDOM_BYTES) {
                random.nextBytes(RANDOM_BYTES + 2);         // the same draws as over HTTP/1.1: a seed replays alike
            }
            StreamReset.reset(exchange, fault.name().toLowerCase(Locale.ROOT));
            return;
        }
        switch (fault) {
            case NONE -> responder.respond(exchange, false);
            case CONNECTION_DROP -> responder.respond(exchange, true);
            case ERROR_STATUS -> ResponseWriter.sendError(exchange.response(), exchange.callback(),
                    chaos.faults().errorStatus(), INJECTED, "status " + chaos.faults().errorStatus()
                            + " injected by chaos.faults.error_status (probability "
                            + chaos.faults().errorProbability() + ", " + (exchange.scope().name() == null ? "global scope"
                            : "scope " + exchange.scope().name()) + ", seed "
                            + random.seed() + ")");
            case CONNECTION_RESET -> reset(exchange);
            case EMPTY_RESPONSE -> close(exchange);
            case STALL -> Delays.schedule(exchange, chaos.faults().stallMax().toMillis(), () -> endStall(exchange),
                    () -> endStall(exchange));
            case RANDOM_BYTES -> writeThenClose(exchange, randomLine(random));
            case MALFORMED_CHUNKED -> writeThenClose(exchange, MALFORMED_HEAD.getBytes(StandardCharsets.US_ASCII));
            default -> throw new IllegalStateException("unknown fault " + fault);
        }
    }

    /**
     * {@value #RANDOM_BYTES} random bytes from the scope's generator with CR and LF replaced by {@code ?}, then CRLF:
     * one line of garbage where the status line should be, whatever the draw.
     */
    static byte[] randomLine(ChaosRandom random) {
        byte[] bytes = random.nextBytes(RANDOM_BYTES + 2);
        for (int i = 0; i < RANDOM_BYTES; i++) {
            if (bytes[i] == '\r' || bytes[i] == '\n') {
                bytes[i] = '?';
            }
        }
        bytes[RANDOM_BYTES] = '\r';
        bytes[RANDOM_BYTES + 1] = '\n';
        return bytes;
    }

    private static EndPoint endPoint(Exchange exchange) {
        return exchange.request().getConnectionMetaData().getConnection().getEndPoint();
    }

    /** Closes with {@code SO_LINGER 0}, so the peer gets a TCP RST instead of a FIN. */
    private static void reset(Exchange exchange) {
        EndPoint endPoint = endPoint(exchange);
        SocketChannel socket = socketOf(endPoint);
        if (socket != null) {
            try {
                socket.setOption(StandardSocketOptions.SO_LINGER, 0);
            } catch (IOException | UnsupportedOperationException ignored) {
                // closed already: the close below is all that is left to do
            }
        }
        endPoint.close();
        exchange.callback().failed(new ChaosAbort("connection_reset"));
    }

    /** The end of a stall: the connection closes, or over HTTP/2 the request's stream is reset. */
    private static void endStall(Exchange exchange) {
        if (StreamReset.multiplexed(exchange)) {
            StreamReset.reset(exchange, "stall");
        } else {
            close(exchange);
        }
    }

    private static void close(Exchange exchange) {
        endPoint(exchange).close();
        exchange.callback().failed(new ChaosAbort("close"));
    }

    private static void writeThenClose(Exchange exchange, byte[] bytes) {
        EndPoint endPoint = endPoint(exchange);
        endPoint.write(Callback.from(() -> close(exchange), failure -> close(exchange)), ByteBuffer.wrap(bytes));
    }

    private static SocketChannel socketOf(EndPoint endPoint) {
        EndPoint current = endPoint;
        for (int depth = 0; depth < 4 && current != null; depth++) {
            if (current.getTransport() instanceof SocketChannel channel) {
                return channel;
            }
            if (current instanceof SslConnection.SslEndPoint ssl) {
                current = ssl.getSslConnection().getEndPoint();
            } else {
                return null;
            }
        }
        return null;
    }
}
