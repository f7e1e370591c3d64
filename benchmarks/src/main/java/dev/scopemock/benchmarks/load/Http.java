package dev.scopemock.benchmarks.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The driver's small HTTP client for admin calls and probes (HTTP/1.1, keep-alive, loopback only). */
final class Http {

    /** A status and body. */
    record Answer(int status, String body) {
    }

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    Answer send(String method, int port, String path, String json, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(120))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            builder.header("Content-Type", "application/json");
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        HttpRequest request = builder.build();
        try {
            HttpResponse<String> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException closedUnderneath) {
                // A server just thawed (SIGCONT) runs its overdue idle timeouts and may close the pooled connection
                // as the request goes out, before reading it: once more, on a new connection.
                response = client.send(request, HttpResponse.BodyHandlers.ofString());
            }
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " on port " + port + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Sends and requires a 2xx answer. */
    Answer expectOk(String method, int port, String path, String json, String... headers) {
        Answer answer = send(method, port, path, json, headers);
        if (answer.status() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + " answered " + answer.status() + ": "
                    + abbreviate(answer.body()));
        }
        return answer;
    }

    /**
     * One raw request on a fresh connection: true once any HTTP status line comes back, false when the port does not
     * accept connections yet.
     */
    static boolean answers(int port, String path) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] head = new byte[12];
            int read = 0;
            while (read < head.length) {
                int n = in.read(head, read, head.length - read);
                if (n < 0) {
                    return false;
                }
                read += n;
            }
            return new String(head, StandardCharsets.US_ASCII).startsWith("HTTP/1.");
        } catch (IOException notYet) {
            return false;
        }
    }

    /**
     * One keep-alive HTTP/1.1 connection used from one thread, blocking: the cheapest client for many small sequential
     * admin requests (the registration timing then measures the server rather than a client's thread hand-offs).
     */
    static final class Connection implements AutoCloseable {

        private final Socket socket;
        private final OutputStream out;
        private final java.io.BufferedInputStream in;
        private final int port;

        Connection(int port) {
            this.port = port;
            try {
                socket = new Socket();
                socket.setTcpNoDelay(true);
                socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
                socket.setSoTimeout(120_000);
                out = new java.io.BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
                in = new java.io.BufferedInputStream(socket.getInputStream(), 16 * 1024);
            } catch (IOException e) {
                throw new IllegalStateException("cannot connect to port " + port + ": " + e, e);
            }
        }

        /** Sends a JSON request and requires a 2xx answer; {@code headers} are name, value pairs. */
        Answer expectOk(String method, String path, String json, String... headers) {
            try {
                byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
                StringBuilder head = new StringBuilder(128).append(method).append(' ').append(path)
                        .append(" HTTP/1.1\r\nHost: 127.0.0.1:").append(port)
                        .append("\r\nContent-Type: application/json\r\nContent-Length: ").append(body.length);
                for (int i = 0; i + 1 < headers.length; i += 2) {
                    head.append("\r\n").append(headers[i]).append(": ").append(headers[i + 1]);
                }
                out.write(head.append("\r\n\r\n").toString().getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
                String status = line();
                int code = Integer.parseInt(status.substring(9, 12));
                int length = -1;
                boolean chunked = false;
                for (String header = line(); !header.isEmpty(); header = line()) {
                    int colon = header.indexOf(':');
                    String name = header.substring(0, colon).trim();
                    String value = header.substring(colon + 1).trim();
                    if (name.equalsIgnoreCase("Content-Length")) {
                        length = Integer.parseInt(value);
                    } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
                        chunked = true;
                    }
                }
                java.io.ByteArrayOutputStream content = new java.io.ByteArrayOutputStream();
                if (chunked) {
                    for (int size = Integer.parseInt(line().trim(), 16); size > 0;
                         size = Integer.parseInt(line().trim(), 16)) {
                        content.write(in.readNBytes(size));
                        line();
                    }
                    line();
                } else if (length > 0) {
                    content.write(in.readNBytes(length));
                }
                Answer answer = new Answer(code, content.toString(StandardCharsets.UTF_8));
                if (code / 100 != 2) {
                    throw new IllegalStateException(method + " " + path + " answered " + code + ": "
                            + abbreviate(answer.body()));
                }
                return answer;
            } catch (IOException e) {
                throw new IllegalStateException(method + " " + path + " on port " + port + " failed: " + e, e);
            }
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder(64);
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("connection closed");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
