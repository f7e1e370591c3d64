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
     * Sends one keep-alive request and returns its response once complete (the terminating {@code 0\r\n\r\n}
     * chunk, or {@code Content-Length} body bytes), or whatever arrived when the server closes or resets the
     * connection, or after {@code timeoutMillis}. Jetty only chunks when the connection stays open, so this is how
     * to observe chunk boundaries and the missing last chunk of an aborted response.
     */
    public static String exchangeOne(int port, String request, int timeoutMillis) {
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
                    if (isComplete(received.toString(StandardCharsets.ISO_8859_1))) {
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

    private static boolean isComplete(String text) {
        int head = text.indexOf("\r\n\r\n");
        if (head < 0) {
            return false;
        }
        String lowerHead = text.substring(0, head).toLowerCase(java.util.Locale.ROOT);
        if (lowerHead.contains("\r\ntransfer-encoding: chunked")) {
            return text.endsWith("\r\n0\r\n\r\n") || text.startsWith("0\r\n\r\n", head + 4);
        }
        int at = lowerHead.indexOf("\r\ncontent-length:");
        if (at < 0) {
            return false;
        }
        int lineEnd = lowerHead.indexOf("\r\n", at + 2);
        String value = lowerHead.substring(at + 17, lineEnd < 0 ? lowerHead.length() : lineEnd).trim();
        return text.length() - head - 4 >= Integer.parseInt(value);
    }

    /** Sends request text with {@code Connection: close} semantics left to the caller. */
    public static String exchange(int port, String request) {
        return exchange(port, request.getBytes(StandardCharsets.ISO_8859_1), 5_000);
    }
}
