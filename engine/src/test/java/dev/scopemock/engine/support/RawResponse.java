package dev.scopemock.engine.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A raw HTTP/1.1 response as received by {@link RawHttp}, split into status line, headers and body. A chunked body
 * is decoded into its chunks, and {@link #terminated()} tells whether the final {@code 0\r\n\r\n} chunk arrived.
 *
 * @param statusLine the first line, e.g. {@code HTTP/1.1 200 OK}
 * @param headers header values by lower-cased name, in order
 * @param chunks the payload of every chunk whose data fully arrived (one element holding the whole body when not
 *               chunked); the last one may lack its closing CRLF, which Jetty only writes before the next chunk
 * @param terminated whether the body ended properly (the last chunk, or the full Content-Length)
 * @param trailing bytes after the last complete chunk that did not form a complete chunk
 */
public record RawResponse(String statusLine, Map<String, List<String>> headers, List<String> chunks,
                          boolean terminated, String trailing) {

    /** Parses what {@link RawHttp#exchange} returned (ISO-8859-1 text). */
    public static RawResponse parse(String raw) {
        int end = raw.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new AssertionError("no complete response head in: " + raw);
        }
        String[] lines = raw.substring(0, end).split("\r\n");
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    k -> new ArrayList<>()).add(lines[i].substring(colon + 1).trim());
        }
        String body = raw.substring(end + 4);
        List<String> te = headers.getOrDefault("transfer-encoding", List.of());
        if (!te.contains("chunked")) {
            List<String> length = headers.get("content-length");
            boolean complete = length != null && Integer.parseInt(length.get(0)) == body.length();
            return new RawResponse(lines[0], headers, List.of(body), complete, "");
        }
        List<String> chunks = new ArrayList<>();
        int at = 0;
        while (true) {
            int lineEnd = body.indexOf("\r\n", at);
            if (lineEnd < 0) {
                return new RawResponse(lines[0], headers, chunks, false, body.substring(at));
            }
            int size = Integer.parseInt(body.substring(at, lineEnd).trim(), 16);
            int dataStart = lineEnd + 2;
            if (size == 0) {
                boolean done = body.startsWith("\r\n", dataStart);
                return new RawResponse(lines[0], headers, chunks, done, done ? "" : body.substring(at));
            }
            if (body.length() == dataStart + size) {
                // complete data cut off before its CRLF: Jetty writes that CRLF with the next chunk header
                chunks.add(body.substring(dataStart));
                return new RawResponse(lines[0], headers, chunks, false, "");
            }
            if (body.length() < dataStart + size + 2) {
                return new RawResponse(lines[0], headers, chunks, false, body.substring(at));
            }
            chunks.add(body.substring(dataStart, dataStart + size));
            at = dataStart + size + 2;
        }
    }

    /** The first value of a header, or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null ? null : values.get(0);
    }

    /** All chunks joined. */
    public String body() {
        return String.join("", chunks);
    }
}
