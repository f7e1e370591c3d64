package dev.scopemock.engine.model;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A mock-traffic request as the engine received and recorded it.
 *
 * @param sequence the engine-wide arrival number (listings are ordered by it)
 * @param timestamp when it arrived
 * @param method the method as received
 * @param path the percent-decoded path, without query
 * @param rawQuery the undecoded query string, or {@code ""}
 * @param query every value of every query parameter, decoded, in order
 * @param headers every value of every header, names lower-cased, in order
 * @param body the raw body bytes
 * @param host the host of the {@code Host} header, lower-cased, without port
 * @param scope the scope it was resolved to, or null for global
 * @param matchedStubId the id of the stub that served it, or null when none matched
 * @param pathParams the captures of the serving stub's path pattern
 * @param protocol the protocol it came on ({@code HTTP/1.1}, {@code HTTP/2.0}), or null when not known (a journal
 *                 read from an engine that does not report it)
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record RecordedRequest(long sequence, Instant timestamp, String method, String path, String rawQuery,
                              Map<String, List<String>> query, Map<String, List<String>> headers, byte[] body,
                              String host, String scope, String matchedStubId, Map<String, String> pathParams,
                              String protocol) {

    /**
     * Validates the required parts. Maps are kept as given: the engine hands in unmodifiable ones.
     *
     * @param sequence arrival number
     * @param timestamp arrival time
     * @param method method
     * @param path path
     * @param rawQuery raw query
     * @param query query parameters
     * @param headers headers
     * @param body body bytes
     * @param host host
     * @param scope scope or null
     * @param matchedStubId stub id or null
     * @param pathParams path captures
     * @param protocol protocol or null
     */
    public RecordedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(timestamp, "timestamp");
        rawQuery = rawQuery == null ? "" : rawQuery;
        query = query == null ? Map.of() : query;
        headers = headers == null ? Map.of() : headers;
        body = body == null ? new byte[0] : body;
        host = host == null ? "" : host;
        pathParams = pathParams == null ? Map.of() : pathParams;
    }

    /**
     * The raw body bytes: a copy, so a recorded request stays immutable.
     *
     * @return the body
     */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /**
     * The body's length in bytes, without copying it.
     *
     * @return the length
     */
    public int bodyLength() {
        return body.length;
    }

    /**
     * The body as UTF-8 text, or null when the bytes are not valid UTF-8.
     *
     * @return the text or null
     */
    public String bodyText() {
        if (body.length == 0) {
            return "";
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * The first value of a header.
     *
     * @param name the header name, any case
     * @return the value, or null when absent
     */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /**
     * One value per header name (the first), as the protocol's {@code headers} field shows it.
     *
     * @return an ordered, unmodifiable map
     */
    public Map<String, String> singleHeaders() {
        Map<String, String> single = new LinkedHashMap<>();
        headers.forEach((k, v) -> single.put(k, v.get(0)));
        return Collections.unmodifiableMap(single);
    }

    /**
     * One value per query parameter (the last), as the protocol's {@code query} field shows it.
     *
     * @return an ordered, unmodifiable map
     */
    public Map<String, String> singleQuery() {
        Map<String, String> single = new LinkedHashMap<>();
        query.forEach((k, v) -> single.put(k, v.get(v.size() - 1)));
        return Collections.unmodifiableMap(single);
    }

    /**
     * A copy that records how the engine handled the request.
     *
     * @param newSequence arrival number
     * @param newScope scope or null
     * @param stubId serving stub or null
     * @param params path captures
     * @return the copy
     */
    public RecordedRequest withOutcome(long newSequence, String newScope, String stubId, Map<String, String> params) {
        return new RecordedRequest(newSequence, timestamp, method, path, rawQuery, query, headers, body, host,
                newScope, stubId, params, protocol);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RecordedRequest r && r.sequence == sequence && r.timestamp.equals(timestamp)
                && r.method.equals(method) && r.path.equals(path) && r.rawQuery.equals(rawQuery)
                && r.query.equals(query) && r.headers.equals(headers) && java.util.Arrays.equals(r.body, body)
                && r.host.equals(host) && Objects.equals(r.scope, scope)
                && Objects.equals(r.matchedStubId, matchedStubId) && r.pathParams.equals(pathParams)
                && Objects.equals(r.protocol, protocol);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(sequence) * 31 + path.hashCode();
    }

    /** Prints as {@code POST /orders?id=7}, the form used in failure messages. */
    @Override
    public String toString() {
        return rawQuery.isEmpty() ? method + " " + path : method + " " + path + "?" + rawQuery;
    }
}
