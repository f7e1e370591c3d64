package dev.scopemock.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Declares a stub in the test's own scope. On a test class it applies to every test of the class (and of its
 * {@code @Nested} classes); on a test method, to that test only. Registered before the test (and its
 * {@code @BeforeEach} methods) runs; removed with the scope after the test.
 *
 * <pre>{@code
 * @Stub(path = "/health", status = 200, body = "ok")
 * @Stub(path = "/payment", method = "POST", json = "{\"amount\": 42}",
 *       status = 200, responseJson = "{\"status\":\"accepted\"}")
 * @Stub(name = "user", path = "/users/{id}", template = "{\"id\": \"{{ request.path_params.id }}\"}",
 *       responseHeaders = "Content-Type: application/json")
 * }</pre>
 *
 * <p>Request side: {@link #path()} (with {@code {param}} segments), {@link #method()}, {@link #headers()},
 * {@link #query()}, {@link #requestBody()} or {@link #json()}, {@link #host()}. Response side: {@link #status()},
 * {@link #responseHeaders()} and at most one of {@link #body()}, {@link #responseJson()}, {@link #template()},
 * {@link #bodyFile()}. An invalid combination fails the test before it runs, with a message naming the attribute,
 * the rule and the fix.
 *
 * @since 0.1
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Repeatable(Stubs.class)
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public @interface Stub {

    /**
     * A name to refer to this stub from the test ({@code mock.stub("pay")}, {@code mock.callsTo("pay")}); unique
     * within a test.
     *
     * @return the name, empty for an anonymous stub
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    String name() default "";

    /**
     * The request path; segments written {@code {name}} match any one segment and are available to templates as
     * {@code request.path_params.name}.
     *
     * @return the path pattern, empty to match any path
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    String path() default "";

    /**
     * The HTTP method (compared ignoring case).
     *
     * @return the method, empty to match any method
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    String method() default "";

    /**
     * Required request headers, each written {@code "Name: value"}; other headers are allowed.
     *
     * @return header lines
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    String[] headers() default {};

    /**
     * Required query parameters, each written {@code "name=value"}; other parameters are allowed.
     *
     * @return query pairs
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    String[] query() default {};

    /**
     * The exact request body text. Exclusive with {@link #json()}.
     *
     * @return the body, empty to match any body
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    String requestBody() default "";

    /**
     * A JSON value the request body must equal (whitespace and key order do not matter). Exclusive with
     * {@link #requestBody()}.
     *
     * @return JSON text, empty to match any body
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    String json() default "";

    /**
     * The host of the request's {@code Host} header (compared ignoring case, without port).
     *
     * @return the host, empty to match any host
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    String host() default "";

    /**
     * The response status.
     *
     * @return 200 to 599
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    int status() default 200;

    /**
     * Response headers, each written {@code "Name: value"}.
     *
     * @return header lines
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    String[] responseHeaders() default {};

    /**
     * The response body text ({@code text/plain; charset=utf-8} unless a Content-Type header is given).
     *
     * @return the body
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    String body() default "";

    /**
     * A JSON response body, sent compact with {@code application/json}.
     *
     * @return JSON text
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    String responseJson() default "";

    /**
     * A Jinja template rendered per request with the {@code request.*} variables.
     *
     * @return the template
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    String template() default "";

    /**
     * A classpath resource (from the test class path root) whose bytes are the response body; a {@code .json}
     * file is sent as {@code application/json}.
     *
     * @return the resource path, for example {@code "stubs/order.json"}
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    String bodyFile() default "";

    /**
     * How many requests the stub may serve; afterwards it no longer matches.
     *
     * @return the limit, {@code -1} for unlimited
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    int maxCalls() default -1;

    /**
     * Faults for this stub only; at most one element.
     *
     * @return an empty array or one {@link Chaos}
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    Chaos[] chaos() default {};

    /**
     * Answers call i with the i-th reply instead of {@link #status()}/{@link #body()}/...; exclusive with them.
     *
     * @return the replies in order, empty for a single response
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2")
    Reply[] sequence() default {};

    /**
     * What calls after the last reply of {@link #sequence()} get.
     *
     * @return the policy
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2")
    Exhausted onExhausted() default Exhausted.REPEAT_LAST;
}
