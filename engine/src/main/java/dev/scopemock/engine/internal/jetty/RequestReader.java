package dev.scopemock.engine.internal.jetty;

import dev.scopemock.engine.internal.json.HostNames;
import dev.scopemock.engine.model.RecordedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Request;

/** Turns a Jetty request and its body into the engine's {@link RecordedRequest} (before matching). */
final class RequestReader {

    private RequestReader() {
    }

    /** @param path the decoded path to record (a path prefix stripped), or null to take the URI's */
    static RecordedRequest read(Request request, byte[] body, String fallbackHost, String path) {
        HttpURI uri = request.getHttpURI();
        if (path == null) {
            path = decodedPath(uri);
        }
        String rawQuery = uri.getQuery() == null ? "" : uri.getQuery();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpField field : request.getHeaders()) {
            headers.computeIfAbsent(field.getLowerCaseName(), k -> new ArrayList<>(1)).add(field.getValue());
        }
        freeze(headers);
        List<String> hostValues = headers.get("host");
        String host = hostValues == null || hostValues.get(0).isBlank() ? fallbackHost
                : HostNames.withoutPort(hostValues.get(0));
        return new RecordedRequest(0, Instant.now(), request.getMethod(), path, rawQuery, query(rawQuery),
                headers, body, host, null, null, Map.of(), request.getConnectionMetaData().getHttpVersion().asString());
    }

    private static String decodedPath(HttpURI uri) {
        String decoded = uri.getDecodedPath();
        if (decoded != null) {
            return decoded;
        }
        String raw = uri.getPath();
        return raw == null || raw.isEmpty() ? "/" : raw;
    }

    /** Parses {@code a=1&b=x+y&a=2}: every value kept, percent- and {@code +}-decoded; a bare name gives "". */
    static Map<String, List<String>> query(String rawQuery) {
        if (rawQuery.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            query.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
        }
        freeze(query);
        return query;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }

    private static void freeze(Map<String, List<String>> map) {
        map.replaceAll((k, v) -> Collections.unmodifiableList(v));
    }
}
