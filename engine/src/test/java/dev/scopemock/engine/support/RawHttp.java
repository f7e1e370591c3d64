package dev.scopemock.engine.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * Sends raw HTTP/1.1 text over a loopback socket and reads until the server closes or goes quiet, for cases a
 * regular client cannot express (a custom Host, TRACE, invalid UTF-8, observing truncated chunked bodies).
 */
public final class RawHttp {

    private RawHttp() {
    }

    /** Sends the bytes and returns everything received (ISO-8859-1), waiting at most {@code timeoutMillis}. */
    public static String exchange(int port, byte[] request, int timeoutMillis) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(timeoutMillis);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    received.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException quiet) {
                // the server kept the connection open: return what arrived
            } catch (IOException reset) {
                // a reset after data: return what arrived
            }
            return received.toString(StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sends a keep-alive request whose response is chunked, and returns what arrived once the terminating
     * {@code 0\r\n\r\n} chunk is seen, the server closes or resets the connection, or {@code timeoutMillis}
     * pass. Jetty only chunks when the connection stays open, so this is how to observe chunk boundaries.
     */
    public static String exchangeChunked(int port, String request, int timeoutMillis) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(timeoutMillis);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    received.write(buffer, 0, n);
                    String text = received.toString(StandardCharsets.ISO_8859_1);
                    int head = text.indexOf("\r\n\r\n");
                    if (head >= 0 && (text.endsWith("\r\n0\r\n\r\n") || text.startsWith("0\r\n\r\n", head + 4))) {
                        break;
                    }
                }
            } catch (SocketTimeoutException quiet) {
                // return what arrived
            } catch (IOException reset) {
                // a reset after data: return what arrived
            }
            return received.toString(StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends request text with {@code Connection: close} semantics left to the caller. */
    public static String exchange(int port, String request) {
        return exchange(port, request.getBytes(StandardCharsets.ISO_8859_1), 5_000);
    }
}
