package dev.scopemock.assertj;

import dev.scopemock.engine.criteria.CriterionException;
import dev.scopemock.engine.criteria.JsonValues;
import dev.scopemock.engine.internal.json.JsonCodec;
import dev.scopemock.engine.model.RecordedRequest;
import dev.scopemock.junit.internal.VisibleText;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.assertj.core.api.AssertionInfo;
import org.assertj.core.error.ErrorMessageFactory;
import org.assertj.core.internal.Failures;

/** The checks behind {@link AbstractRecordedRequestAssert}: each compares, and on a mismatch throws the failure. */
final class RequestChecks {

    private RequestChecks() {
    }

    static void hasMethod(AssertionInfo info, RecordedRequest actual, String expected) {
        Objects.requireNonNull(expected, "expected method");
        if (!actual.method().equalsIgnoreCase(expected)) {
            throw failure(info, ShouldHaveMethod.shouldHaveMethod(actual, expected), actual.method(), expected);
        }
    }

    static void hasPath(AssertionInfo info, RecordedRequest actual, String expected) {
        Objects.requireNonNull(expected, "expected path");
        if (!actual.path().equals(expected)) {
            throw failure(info, ShouldHavePath.shouldHavePath(actual, expected), actual.path(), expected);
        }
    }

    static void hasHeader(AssertionInfo info, RecordedRequest actual, String name, String expected) {
        Objects.requireNonNull(expected, "expected header value");
        List<String> values = headerValues(actual, name);
        if (!values.contains(expected)) {
            throw failure(info, ShouldHaveHeader.shouldHaveHeader(actual, name, expected, values),
                    values.size() == 1 ? values.get(0) : values, expected);
        }
    }

    static void hasHeader(AssertionInfo info, RecordedRequest actual, String name) {
        if (headerValues(actual, name).isEmpty()) {
            throw failure(info, ShouldHaveHeader.shouldHaveHeader(actual, name),
                    List.copyOf(actual.headers().keySet()), name.toLowerCase(Locale.ROOT));
        }
    }

    static void hasNoHeader(AssertionInfo info, RecordedRequest actual, String name) {
        List<String> values = headerValues(actual, name);
        if (!values.isEmpty()) {
            throw failure(info, ShouldHaveHeader.shouldNotHaveHeader(actual, name, values), values, List.of());
        }
    }

    static void hasQueryParam(AssertionInfo info, RecordedRequest actual, String name, String expected) {
        Objects.requireNonNull(name, "query parameter name");
        Objects.requireNonNull(expected, "expected query parameter value");
        List<String> values = actual.query().getOrDefault(name, List.of());
        if (!values.contains(expected)) {
            throw failure(info, ShouldHaveQueryParam.shouldHaveQueryParam(actual, name, expected, values),
                    values.size() == 1 ? values.get(0) : values, expected);
        }
    }

    static void hasPathParam(AssertionInfo info, RecordedRequest actual, String name, String expected) {
        Objects.requireNonNull(name, "path parameter name");
        Objects.requireNonNull(expected, "expected path parameter value");
        String value = actual.pathParams().get(name);
        if (!expected.equals(value)) {
            throw failure(info, ShouldHavePathParam.shouldHavePathParam(actual, name, expected), value, expected);
        }
    }

    static void hasBody(AssertionInfo info, RecordedRequest actual, String expected) {
        Objects.requireNonNull(expected, "expected body");
        String text = actual.bodyText();
        if (!expected.equals(text)) {
            throw failure(info, ShouldHaveBody.shouldHaveBody(actual, expected), ShouldHaveBody.body(actual),
                    VisibleText.wire(expected));
        }
    }

    static void hasBodyContaining(AssertionInfo info, RecordedRequest actual, String expected) {
        Objects.requireNonNull(expected, "expected body part");
        String text = actual.bodyText();
        if (text == null || !text.contains(expected)) {
            throw failure(info, ShouldHaveBody.shouldHaveBodyContaining(actual, expected),
                    ShouldHaveBody.body(actual), VisibleText.wire(expected));
        }
    }

    static void hasJsonBody(AssertionInfo info, RecordedRequest actual, String json) {
        Object expected = parseExpected(json);
        String text = actual.bodyText();
        Object parsed;
        try {
            parsed = text == null ? null : JsonCodec.parseValue(text);
        } catch (CriterionException notJson) {
            parsed = null;
            text = null;
        }
        if (text == null) {
            throw failure(info, ShouldHaveBody.shouldHaveJsonBodyButWasNotJson(actual, expected),
                    ShouldHaveBody.body(actual), VisibleText.wire(expected));
        }
        if (!JsonValues.matches(expected, parsed)) {
            throw failure(info, ShouldHaveBody.shouldHaveJsonBody(actual, expected, parsed), VisibleText.wire(parsed),
                    VisibleText.wire(expected));
        }
    }

    static void wasMatchedBy(AssertionInfo info, RecordedRequest actual, String stub) {
        Objects.requireNonNull(stub, "stub id or name");
        String served = actual.matchedStubId();
        boolean byId = stub.equals(served);
        boolean byName = served != null && actual.scope() != null && served.equals(actual.scope() + ":" + stub);
        if (!byId && !byName) {
            throw failure(info, ShouldHaveBeenServed.shouldHaveBeenServedBy(actual, stub), served, stub);
        }
    }

    static void wasUnmatched(AssertionInfo info, RecordedRequest actual) {
        if (actual.matchedStubId() != null) {
            throw failure(info, ShouldHaveBeenServed.shouldBeUnmatched(actual), actual.matchedStubId(), null);
        }
    }

    private static List<String> headerValues(RecordedRequest actual, String name) {
        Objects.requireNonNull(name, "header name");
        return actual.headers().getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    private static Object parseExpected(String json) {
        Objects.requireNonNull(json, "expected JSON");
        try {
            return JsonCodec.parseValue(json);
        } catch (CriterionException invalid) {
            throw new IllegalArgumentException("hasJsonBody(..) takes JSON text, but found " + VisibleText.wire(json)
                    + " (" + invalid.getMessage() + "). Fix: pass valid JSON such as {\"amount\": 42}, or use"
                    + " hasBody(..) to compare text.", invalid);
        }
    }

    static AssertionError failure(AssertionInfo info, ErrorMessageFactory message, Object actual, Object expected) {
        return Failures.instance().failure(info, message, actual, expected);
    }
}
