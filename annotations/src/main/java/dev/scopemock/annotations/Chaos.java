package dev.scopemock.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Faults for stubs. On a test method or class, it applies to every {@link Stub} declared on that same element (a
 * class's {@code @Chaos} does not reach the stubs of its methods or {@code @Nested} classes); nested in
 * {@link Stub#chaos()}, to that stub only, instead of the element's.
 *
 * <pre>{@code
 * @Test
 * @Stub(path = "/payment", method = "POST", status = 200, body = "ok")
 * @Chaos(latencyMs = 100, jitterMs = 50)              // each call answered after 100..150 ms
 * void paysDespiteSlowProvider(ScopedMock mock) { ... }
 * }</pre>
 *
 * <p>Invalid values (negative delays, a probability outside [0, 1], more than one {@code @Chaos} in
 * {@link Stub#chaos()}) fail the test before it runs, with a message naming the element, the attribute and the fix.
 *
 * @since 0.1
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public @interface Chaos {

    /**
     * The minimum delay before each matched response, in milliseconds.
     *
     * @return the base latency, 0 for none
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    long latencyMs() default 0;

    /**
     * Extra random delay, uniform in {@code [0, jitterMs]}, added to {@link #latencyMs()}.
     *
     * @return the jitter in milliseconds
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    long jitterMs() default 0;

    /**
     * The probability in [0, 1] that a matched response is cut off mid-body and the connection aborted.
     *
     * @return the drop probability, 0 for never
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    double connectionDropProbability() default 0.0;
}
