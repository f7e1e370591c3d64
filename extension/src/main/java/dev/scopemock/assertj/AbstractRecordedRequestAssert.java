package dev.scopemock.assertj;

import dev.scopemock.engine.model.RecordedRequest;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on one recorded request; extend it to add your own, keeping the fluent {@code SELF} type. Obtain
 * the concrete {@link RecordedRequestAssert} from {@link MockAssertions#assertThat(RecordedRequest)}.
 *
 * <pre>{@code
 * assertThat(mock.lastRequest()).hasMethod("POST").hasPath("/payment").hasJsonBody("{\"amount\": 42}");
 * }</pre>
 *
 * <p>Every failure is an {@code org.opentest4j.AssertionFailedError} with the expected and the actual value,
 * and a message that prints the request, what was expected and what was found, each on its own indented line,
 * with invisible characters made visible (<code>"&#92;u00a0"</code>).
 *
 * @param <SELF> the concrete assertion type, returned by every method
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public abstract class AbstractRecordedRequestAssert<SELF extends AbstractRecordedRequestAssert<SELF>>
        extends AbstractAssert<SELF, RecordedRequest> {

    /**
     * For subclasses.
     *
     * @param actual the request under test, may be null (then every assertion fails)
     * @param selfType the concrete class
     */
    protected AbstractRecordedRequestAssert(RecordedRequest actual, Class<?> selfType) {
        super(actual, selfType);
    }

    /**
     * Verifies the request's method, ignoring case.
     *
     * <pre>{@code
     * assertThat(request).hasMethod("POST");   // passes for POST /payment
     * assertThat(request).hasMethod("PUT");    // fails: Expecting request: POST /payment to have method: "PUT" ...
     * }</pre>
     *
     * @param expected the method, for example {@code "POST"}
     * @return this assertion
     * @since 0.1
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public SELF hasMethod(String expected) {
        isNotNull();
        RequestChecks.hasMethod(info, actual, expected);
        return myself;
    }

    /**
     * Verifies the request's percent-decoded path, without query, exactly.
     *
     * <pre>{@code
     * assertThat(request).hasPath("/orders/7");   // passes for GET /orders/7?expand=items
     * assertThat(request).hasPath("/orders/8");   // fails, printing both paths
     * }</pre>
     *
     * @param expected the path
     * @return this assertion
     * @since 0.1
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public SELF hasPath(String expected) {
        isNotNull();
        RequestChecks.hasPath(info, actual, expected);
        return myself;
    }

    /**
     * Verifies the request has a header (name in any case) of which one value equals {@code expected} exactly.
     *
     * <pre>{@code
     * assertThat(request).hasHeader("Content-Type", "application/json");   // passes when it was sent
     * assertThat(request).hasHeader("Content-Type", "text/plain");         // fails, printing the actual value
     * }</pre>
     *
     * @param name the header name, any case
     * @param expected the value
     * @return this assertion
     * @since 0.1
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public SELF hasHeader(String name, String expected) {
        isNotNull();
        RequestChecks.hasHeader(info, actual, name, expected);
        return myself;
    }

    /**
     * Verifies the request has a header, whatever its value.
     *
     * <pre>{@code
     * assertThat(request).hasHeader("Authorization");   // passes when it was sent
     * assertThat(request).hasHeader("X-Trace-Id");      // fails, listing the header names it had
     * }</pre>
     *
     * @param name the header name, any case
     * @return this assertion
     * @since 0.1
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public SELF hasHeader(String name) {
        isNotNull();
        RequestChecks.hasHeader(info, actual, name);
        return myself;
    }

    /**
     * Verifies the request does not have a header.
     *
     * <pre>{@code
     * assertThat(request).hasNoHeader("Cookie");          // passes when none was sent
     * assertThat(request).hasNoHeader("Content-Type");    // fails, printing its values
     * }</pre>
     *
     * @param name the header name, any case
     * @return this assertion
     * @since 0.1
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public SELF hasNoHeader(String name) {
        isNotNull();
        RequestChecks.hasNoHeader(info, actual, name);
        return myself;
    }

    /**
     * Verifies the request has a query parameter (name compared exactly) of which one decoded value equals
     * {@code expected}.
     *
     * <pre>{@code
     * assertThat(request).hasQueryParam("q", "red shoes");   // passes for GET /search?q=red%20shoes
     * assertThat(request).hasQueryParam("q", "Red shoes");   // fails, printing the actual value
     * }</pre>
     *
     * @param name the parameter name
     * @param expected the decoded value
     * @return this assertion
     * @since 0.1
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public SELF hasQueryParam(String name, String expected) {
        isNotNull();
        RequestChecks.hasQueryParam(info, actual, name, expected);
        return myself;
    }

    /**
     * Verifies the request's body, as UTF-8 text, equals {@code expected} exactly.
     *
     * <pre>{@code
     * assertThat(request).hasBody("ping");    // passes when the body was ping
     * assertThat(request).hasBody("pong");    // fails, printing both bodies quoted, invisible characters escaped
     * }</pre>
     *
     * @param expected the text
     * @return this assertion
     * @since 0.1
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public SELF hasBody(String expected) {
        isNotNull();
        RequestChecks.hasBody(info, actual, expected);
        return myself;
    }

    /**
     * Verifies the request's body is JSON equal to {@code json}: key order and spacing do not matter, numbers
     * compare by value ({@code 1} equals {@code 1.0}), arrays in order.
     *
     * <pre>{@code
     * // request body {"currency":"EUR","amount":42}
     * assertThat(request).hasJsonBody("{\"amount\": 42, \"currency\": \"EUR\"}");   // passes
     * assertThat(request).hasJsonBody("{\"amount\": 43, \"currency\": \"EUR\"}");   // fails: $.amount differs
     * }</pre>
     *
     * @param json the expected JSON text
     * @return this assertion
     * @throws IllegalArgumentException when {@code json} is not JSON
     * @since 0.1
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public SELF hasJsonBody(String json) {
        isNotNull();
        RequestChecks.hasJsonBody(info, actual, json);
        return myself;
    }

    /**
     * Verifies the request's body, as UTF-8 text, contains {@code expected}.
     *
     * <pre>{@code
     * assertThat(request).hasBodyContaining("\"amount\"");   // passes for {"amount":42}
     * assertThat(request).hasBodyContaining("\"total\"");    // fails, printing the body
     * }</pre>
     *
     * @param expected the text to find
     * @return this assertion
     * @since 0.1
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public SELF hasBodyContaining(String expected) {
        isNotNull();
        RequestChecks.hasBodyContaining(info, actual, expected);
        return myself;
    }

    /**
     * Verifies a given stub served the request: {@code stub} is the stub's id (as {@code respondWith…} returns
     * it), or the name of a named stub of the request's scope ({@code @Stub(name = ...)}, {@code .named(...)}).
     *
     * <pre>{@code
     * assertThat(mock.lastRequest()).wasMatchedBy("payment");   // passes when the stub named payment answered
     * assertThat(mock.lastRequest()).wasMatchedBy("refund");    // fails, printing the stub that did, if any
     * }</pre>
     *
     * @param stub the stub id or name
     * @return this assertion
     * @since 0.1
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public SELF wasMatchedBy(String stub) {
        isNotNull();
        RequestChecks.wasMatchedBy(info, actual, stub);
        return myself;
    }

    /**
     * Verifies no stub matched the request (the engine answered it with its no-match response).
     *
     * <pre>{@code
     * assertThat(mock.lastRequest()).wasUnmatched();   // passes for a request no stub answered
     * }</pre>
     * It fails, printing the serving stub's id, when one answered.
     *
     * @return this assertion
     * @since 0.1
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public SELF wasUnmatched() {
        isNotNull();
        RequestChecks.wasUnmatched(info, actual);
        return myself;
    }

    /**
     * Verifies the value a {@code {param}} segment of the serving stub's path captured.
     *
     * <pre>{@code
     * // stub: get("/orders/{id}")
     * assertThat(request).hasPathParam("id", "7");   // passes for GET /orders/7
     * assertThat(request).hasPathParam("id", "8");   // fails, printing "id" = "7"
     * }</pre>
     *
     * @param name the parameter name, without braces
     * @param expected the captured, decoded value
     * @return this assertion
     * @since 0.1
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public SELF hasPathParam(String name, String expected) {
        isNotNull();
        RequestChecks.hasPathParam(info, actual, name, expected);
        return myself;
    }
}
