package dev.scopemock.engine.internal.match;

import dev.scopemock.engine.criteria.CriterionException;
import dev.scopemock.engine.model.PathMatch;
import dev.scopemock.engine.model.RequestMatcher;

/**
 * Evaluates a {@link RequestMatcher} against a request. A criterion that cannot evaluate its subject makes the
 * whole matcher not match; it never escapes as an error.
 */
public final class RequestEvaluator {

    private RequestEvaluator() {
    }

    /**
     * Stub order: path, method, headers, body, host, query.
     *
     * @return the path match, or null when any field fails
     */
    public static PathMatch matchStub(RequestMatcher matcher, MatchSubject subject) {
        return matchStub(matcher, subject, null);
    }

    /**
     * As {@link #matchStub(RequestMatcher, MatchSubject)}, with the path's match already known (a literal stub found
     * under the request's own path), so the path is not compared again.
     */
    static PathMatch matchStub(RequestMatcher matcher, MatchSubject subject, PathMatch knownPath) {
        try {
            PathMatch pathMatch = knownPath != null ? knownPath : PathMatch.PLAIN;
            if (knownPath == null && matcher.path() != null) {
                pathMatch = matcher.path().match(subject.path());
                if (pathMatch == null) {
                    return null;
                }
            }
            if (matcher.method() != null && !matcher.method().test(subject.method())) {
                return null;
            }
            if (matcher.headers() != null && !matcher.headers().test(subject.singleHeaders(), subject.allHeaders())) {
                return null;
            }
            if (matcher.body() != null && !matcher.body().test(subject.body())) {
                return null;
            }
            if (matcher.host() != null && !matcher.host().test(subject.host())) {
                return null;
            }
            if (matcher.query() != null && !matcher.query().test(subject.singleQuery(), subject.allQuery())) {
                return null;
            }
            return pathMatch;
        } catch (CriterionException notEvaluable) {
            return null;
        }
    }

    /** Assertion order: method, path, headers, body, host, query. */
    public static boolean matchesAssertion(RequestMatcher matcher, MatchSubject subject) {
        try {
            if (matcher.method() != null && !matcher.method().test(subject.method())) {
                return false;
            }
            if (matcher.path() != null && matcher.path().match(subject.path()) == null) {
                return false;
            }
            if (matcher.headers() != null && !matcher.headers().test(subject.singleHeaders(), subject.allHeaders())) {
                return false;
            }
            if (matcher.body() != null && !matcher.body().test(subject.body())) {
                return false;
            }
            if (matcher.host() != null && !matcher.host().test(subject.host())) {
                return false;
            }
            return matcher.query() == null || matcher.query().test(subject.singleQuery(), subject.allQuery());
        } catch (CriterionException notEvaluable) {
            return false;
        }
    }
}
