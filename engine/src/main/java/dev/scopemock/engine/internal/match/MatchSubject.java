package dev.scopemock.engine.internal.match;

import dev.scopemock.engine.model.RecordedRequest;
import java.util.List;
import java.util.Map;

/** A request as matchers see it, with the single-valued views and the body subject computed once, lazily. */
public final class MatchSubject {

    private final RecordedRequest request;
    private Map<String, String> singleHeaders;
    private Map<String, String> singleQuery;
    private Object body;

    public MatchSubject(RecordedRequest request) {
        this.request = request;
    }

    public RecordedRequest request() {
        return request;
    }

    public String method() {
        return request.method();
    }

    public String path() {
        return request.path();
    }

    public String host() {
        return request.host();
    }

    public Map<String, List<String>> allHeaders() {
        return request.headers();
    }

    public Map<String, List<String>> allQuery() {
        return request.query();
    }

    public Map<String, String> singleHeaders() {
        if (singleHeaders == null) {
            singleHeaders = request.singleHeaders();
        }
        return singleHeaders;
    }

    public Map<String, String> singleQuery() {
        if (singleQuery == null) {
            singleQuery = request.singleQuery();
        }
        return singleQuery;
    }

    /** The body as text when it is valid UTF-8, else its raw bytes. */
    public Object body() {
        if (body == null) {
            String text = request.bodyText();
            body = text != null ? text : request.body();
        }
        return body;
    }
}
