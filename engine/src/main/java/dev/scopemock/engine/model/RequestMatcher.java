package dev.scopemock.engine.model;

import org.apiguardian.api.API;

/**
 * The request side of a stub or an assertion. Every component may be {@code null}, meaning "not constrained".
 * A stub whose every component is null (or an empty map matcher) is a catch-all.
 *
 * @param path path pattern, exact path or criterion
 * @param method method matcher (literals compare case-insensitively)
 * @param headers header matcher (names compare case-insensitively)
 * @param body body matcher
 * @param host host matcher (literals compare case-insensitively, without port)
 * @param query query-parameter matcher
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record RequestMatcher(PathMatcher path, ValueMatcher method, MapMatcher headers, ValueMatcher body,
                             ValueMatcher host, MapMatcher query) {

    /** Matches every request. */
    public static final RequestMatcher ANY = new RequestMatcher(null, null, null, null, null, null);

    /** Ranking weights of the protocol (path 79, method 37, body 17, host 7, query 3, headers 2). */
    public static final int PATH_WEIGHT = 79;
    /** Weight of a method matcher. */
    public static final int METHOD_WEIGHT = 37;
    /** Weight of a body matcher. */
    public static final int BODY_WEIGHT = 17;
    /** Weight of a host matcher. */
    public static final int HOST_WEIGHT = 7;
    /** Weight of a query matcher. */
    public static final int QUERY_WEIGHT = 3;
    /** Weight of a headers matcher. */
    public static final int HEADERS_WEIGHT = 2;

    /**
     * The number of ranked fields: set fields, not counting empty map matchers; a catch-all counts 1.
     *
     * @return the match count every match of this matcher has
     */
    public int fieldCount() {
        int count = (path != null ? 1 : 0) + (method != null ? 1 : 0) + (body != null ? 1 : 0)
                + (host != null ? 1 : 0) + (ranks(query) ? 1 : 0) + (ranks(headers) ? 1 : 0);
        return count == 0 ? 1 : count;
    }

    /**
     * The weighted score: the sum of the weights of the ranked fields; a catch-all scores 1.
     *
     * @return the weighted score
     */
    public int weight() {
        int weight = (path != null ? PATH_WEIGHT : 0) + (method != null ? METHOD_WEIGHT : 0)
                + (body != null ? BODY_WEIGHT : 0) + (host != null ? HOST_WEIGHT : 0)
                + (ranks(query) ? QUERY_WEIGHT : 0) + (ranks(headers) ? HEADERS_WEIGHT : 0);
        return weight == 0 ? 1 : weight;
    }

    private static boolean ranks(MapMatcher matcher) {
        return matcher != null && !matcher.isEmpty();
    }
}
