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

    /** The {@link #seed()} default: no seed fixed here. */
    long UNSET_SEED = Long.MIN_VALUE;

    /**
     * Fixes the seed of the test scope's chaos generator, to replay a run exactly (the nearest {@code @Chaos} with a
     * seed wins: method, then the innermost class). Without one, {@code -Dscopemock.chaos.seed} or a random seed;
     * the seed is printed with any failure of a test whose stubs have chaos.
     *
     * @return the seed, or {@link #UNSET_SEED}
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2")
    long seed() default UNSET_SEED;

    /**
     * A status injected instead of the response, with {@link #errorProbability()}.
     *
     * @return 200 to 599, or 0 for none
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2")
    int errorStatus() default 0;

    /**
     * The probability of {@link #errorStatus()}.
     *
     * @return 0 to 1
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2")
    double errorProbability() default 1.0;

    /**
     * The probability of a connection reset (TCP RST before any byte of the response).
     *
     * @return 0 to 1
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2")
    double connectionResetProbability() default 0.0;

    /**
     * The probability of an empty response (the connection closed before a status line).
     *
     * @return 0 to 1
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2")
    double emptyResponseProbability() default 0.0;

    /**
     * The probability of a stall: nothing is answered for {@link #stallMaxMs()}, then the connection closes.
     *
     * @return 0 to 1
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2")
    double stallProbability() default 0.0;

    /**
     * How long a stall lasts.
     *
     * @return milliseconds
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2")
    long stallMaxMs() default 30_000;

    /**
     * The probability of a line of random bytes instead of a response, then a close.
     *
     * @return 0 to 1
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2")
    double randomBytesProbability() default 0.0;

    /**
     * The probability of a chunked response with an invalid chunk size.
     *
     * @return 0 to 1
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2")
    double malformedChunkedProbability() default 0.0;

    /**
     * Bandwidth throttling: bytes written per {@link #throttleIntervalMs()}.
     *
     * @return bytes, or 0 for no throttling
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2")
    int throttleBytes() default 0;

    /**
     * The throttling interval.
     *
     * @return milliseconds
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2")
    long throttleIntervalMs() default 100;

    /**
     * SSE: abort the stream after this many complete events.
     *
     * @return the count, or -1 for no abort
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2")
    int sseDropAfterEvents() default -1;

    /**
     * SSE: an extra random delay in {@code [0, sseEventJitterMs]} before each event (from the seeded generator).
     *
     * @return milliseconds
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2")
    long sseEventJitterMs() default 0;
}
