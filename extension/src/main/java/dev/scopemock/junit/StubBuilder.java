package dev.scopemock.junit;

import dev.scopemock.annotations.Exhausted;
import dev.scopemock.engine.internal.json.JsonCodec;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A stub being declared: {@code mock.whenRequestedWith(...)}, optional refinements, then one terminal
 * {@code respondWith…}/{@code proxyTo} call that registers it in the test's scope and returns its id. Not
 * thread-safe; use each builder once.
 *
 * <pre>{@code
 * mock.whenRequestedWith(post("/payment"))
 *     .withLatency(Duration.ofMillis(100), Duration.ofMillis(50))
 *     .maxCalls(1)
 *     .respondWith(ok().withJson("{\"status\": \"accepted\"}"));
 * }</pre>
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class StubBuilder {

    private final ScopedMock mock;
    private final RequestMatcher request;
    private Map<String, Object> latency;
    private Double dropProbability;
    private final Map<String, Object> faults = new LinkedHashMap<>();
    private Integer maxCalls;
    private String name;

    StubBuilder(ScopedMock mock, RequestMatcher request) {
        this.mock = mock;
        this.request = Objects.requireNonNull(request, "request");
    }

    /**
     * Delays each matched response by {@code base} plus a uniform random {@code [0, jitter]}; scheduled, not slept.
     *
     * @param base the minimum delay
     * @param jitter the maximum extra delay
     * @return this builder
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public StubBuilder withLatency(Duration base, Duration jitter) {
        if (base.isNegative() || jitter.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative, found " + base + " and " + jitter);
        }
        latency = new LinkedHashMap<>();
        latency.put("base_ms", base.toMillis());
        latency.put("jitter_ms", jitter.toMillis());
        return this;
    }

    /**
     * Delays each matched response by exactly {@code delay}.
     *
     * @param delay the delay
     * @return this builder
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public StubBuilder withLatency(Duration delay) {
        return withLatency(delay, Duration.ZERO);
    }

    /**
     * Cuts matched responses off mid-body and aborts the connection with a probability.
     *
     * @param probability in [0, 1]
     * @return this builder
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public StubBuilder withConnectionDrop(double probability) {
        if (!(probability >= 0.0 && probability <= 1.0)) {
            throw new IllegalArgumentException("probability must be in [0, 1], found " + probability);
        }
        dropProbability = probability;
        return this;
    }

    /**
     * Answers {@code status} instead of the response with a probability (the body is
     * {@code {"error": "CHAOS_ERROR_STATUS", "detail": ...}} naming the scope's seed).
     *
     * @param status 200 to 599
     * @param probability in [0, 1]
     * @return this builder
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2")
    public StubBuilder withErrorStatus(int status, double probability) {
        if (status < 200 || status > 599) {
            throw new IllegalArgumentException("status must be between 200 and 599, found " + status);
        }
        faults.put("error_status", Map.of("status", status, "probability", checked(probability)));
        return this;
    }

    /**
     * Resets the connection (TCP RST, nothing sent) with a probability.
     *
     * @param probability in [0, 1]
     * @return this builder
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2")
    public StubBuilder withConnectionReset(double probability) {
        faults.put("connection_reset", Map.of("probability", checked(probability)));
        return this;
    }

    /**
     * Closes the connection before any status line with a probability.
     *
     * @param probability in [0, 1]
     * @return this builder
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2")
    public StubBuilder withEmptyResponse(double probability) {
        faults.put("empty_response", Map.of("probability", checked(probability)));
        return this;
    }

    /**
     * Answers nothing for {@code max}, then closes the connection, with a probability (no thread waits).
     *
     * @param probability in [0, 1]
     * @param max how long the stall lasts
     * @return this builder
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2")
    public StubBuilder withStall(double probability, Duration max) {
        faults.put("stall", Map.of("probability", checked(probability), "max_ms", max.toMillis()));
        return this;
    }

    /**
     * Sends a line of random bytes (from the scope's seeded generator) instead of a response, then closes.
     *
     * @param probability in [0, 1]
     * @return this builder
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2")
    public StubBuilder withRandomBytes(double probability) {
        faults.put("random_bytes", Map.of("probability", checked(probability)));
        return this;
    }

    /**
     * Sends a chunked response whose chunk size is not hexadecimal, then closes.
     *
     * @param probability in [0, 1]
     * @return this builder
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2")
    public StubBuilder withMalformedChunked(double probability) {
        faults.put("malformed_chunked", Map.of("probability", checked(probability)));
        return this;
    }

    /**
     * Sends the body at most {@code bytes} per {@code interval} (scheduled, not slept).
     *
     * @param bytes at least 1
     * @param interval positive
     * @return this builder
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2")
    public StubBuilder withThrottle(int bytes, Duration interval) {
        if (bytes < 1 || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("throttling needs at least 1 byte per positive interval, found "
                    + bytes + " per " + interval);
        }
        faults.put("throttle", Map.of("bytes", bytes, "interval_ms", interval.toMillis()));
        return this;
    }

    /**
     * SSE: aborts the stream after {@code events} complete events, and delays each event by an extra random
     * {@code [0, jitter]} (from the scope's seeded generator).
     *
     * @param events complete events before the abort, or -1 for none
     * @param jitter the maximum extra delay per event
     * @return this builder
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2")
    public StubBuilder withSseChaos(int events, Duration jitter) {
        if (events < -1 || jitter.isNegative()) {
            throw new IllegalArgumentException("events must be -1 (no abort) or a count, and the jitter not negative,"
                    + " found " + events + " and " + jitter);
        }
        Map<String, Object> sse = new LinkedHashMap<>();
        if (events >= 0) {
            sse.put("drop_after_events", events);
        }
        sse.put("event_jitter_ms", jitter.toMillis());
        faults.put("sse", sse);
        return this;
    }

    private static double checked(double probability) {
        if (!(probability >= 0.0 && probability <= 1.0)) {
            throw new IllegalArgumentException("probability must be in [0, 1], found " + probability);
        }
        return probability;
    }

    /**
     * Lets the stub serve at most {@code calls} requests.
     *
     * @param calls the limit, not negative
     * @return this builder
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public StubBuilder maxCalls(int calls) {
        if (calls < 0) {
            throw new IllegalArgumentException("maxCalls must not be negative, found " + calls);
        }
        maxCalls = calls;
        return this;
    }

    /**
     * Names the stub, so the test can refer to it ({@code mock.stub(name)}, {@code mock.callsTo(name)}).
     *
     * @param stubName unique within the test
     * @return this builder
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public StubBuilder named(String stubName) {
        if (Objects.requireNonNull(stubName, "name").isBlank()) {
            throw new IllegalArgumentException("a stub name must not be blank");
        }
        name = stubName;
        return this;
    }

    /**
     * Registers the stub with a response.
     *
     * @param response the response
     * @return the stub id
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public String respondWith(MockResponse response) {
        return register(Map.of("response", response.toWire()));
    }

    /**
     * Registers the stub with Java code that answers each request (the in-process engine only); see
     * {@link RequestHandler}. Exceptions it throws are answered {@code 500} and fail the test when it ends.
     *
     * @param handler the code
     * @return the stub id
     * @throws IllegalStateException when the test uses a remote engine
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2")
    public String respondWith(RequestHandler handler) {
        Objects.requireNonNull(handler, "handler");
        Map<String, Object> placeholder = new LinkedHashMap<>();
        placeholder.put("status_code", 200);
        placeholder.put("headers", Map.of());
        placeholder.put("body", "");
        String description = "respondWith(RequestHandler) for " + JsonCodec.writeString(request.toWire());
        return mock.registerCallback(payload(Map.of("response", placeholder)), description, handler);
    }

    /**
     * Registers the stub with a sequence: call i gets {@code responses[i]}, calls after the last get the last
     * response again ({@link Exhausted#REPEAT_LAST}).
     *
     * @param responses the responses in order, at least one
     * @return the stub id
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2")
    public String respondWithSequence(MockResponse... responses) {
        return respondWithSequence(Exhausted.REPEAT_LAST, responses);
    }

    /**
     * Registers the stub with a sequence: call i gets {@code responses[i]}; calls after the last follow
     * {@code onExhausted} ({@link Exhausted#FAIL} answers {@code 500 SEQUENCE_EXHAUSTED} and fails the test).
     *
     * @param onExhausted what calls after the last response get
     * @param responses the responses in order, at least one
     * @return the stub id
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2")
    public String respondWithSequence(Exhausted onExhausted, MockResponse... responses) {
        Objects.requireNonNull(onExhausted, "onExhausted");
        if (responses.length == 0) {
            throw new IllegalArgumentException("a sequence needs at least one response. Fix: pass the responses in"
                    + " the order the calls should get them, e.g. respondWithSequence(status(503), ok())");
        }
        List<Object> wire = new ArrayList<>();
        for (MockResponse response : responses) {
            wire.add(Objects.requireNonNull(response, "response").toWire());
        }
        Map<String, Object> sequence = new LinkedHashMap<>();
        sequence.put("responses", wire);
        sequence.put("on_exhausted", onExhausted.name().toLowerCase(java.util.Locale.ROOT));
        return register(Map.of("sequence", sequence));
    }

    /**
     * Registers the stub with a JSON response.
     *
     * @param status the status
     * @param json JSON text
     * @return the stub id
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public String respondWithJson(int status, String json) {
        return respondWith(MockResponse.status(status).withJson(json));
    }

    /**
     * Registers the stub with a templated response.
     *
     * @param status the status
     * @param template a Jinja template with the {@code request.*} variables
     * @return the stub id
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public String respondWithTemplate(int status, String template) {
        return respondWith(MockResponse.status(status).withTemplate(template));
    }

    /**
     * Registers the stub with a server-sent event stream: one event per {@code data}, each after {@code delay}.
     *
     * @param delay the wait before each event
     * @param data the events' data (templates)
     * @return the stub id
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public String respondWithSse(Duration delay, String... data) {
        if (data.length == 0) {
            throw new IllegalArgumentException("an SSE stream needs at least one event");
        }
        List<Object> events = new ArrayList<>();
        for (String item : data) {
            events.add(Map.of("data", item));
        }
        Map<String, Object> sse = new LinkedHashMap<>();
        sse.put("events", events);
        sse.put("default_delay_ms", delay.toMillis());
        return register(Map.of("sse", sse));
    }

    /**
     * Registers the stub as a proxy to {@code url} (the url's query is kept, the incoming one appended).
     *
     * @param url the target
     * @return the stub id
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public String proxyTo(URI url) {
        Map<String, Object> proxy = new LinkedHashMap<>();
        proxy.put("url", url.toString());
        return register(Map.of("proxy", proxy));
    }

    private String register(Map<String, Object> action) {
        return mock.register(name, request, payload(action));
    }

    private String payload(Map<String, Object> action) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("request", request.toWire());
        payload.put("action", action);
        if (maxCalls != null) {
            payload.put("max_calls", maxCalls);
        }
        Map<String, Object> allFaults = new LinkedHashMap<>(faults);
        if (dropProbability != null) {
            allFaults.put("connection_drop", Map.of("probability", dropProbability));
        }
        if (latency != null || !allFaults.isEmpty()) {
            Map<String, Object> chaos = new LinkedHashMap<>();
            if (latency != null) {
                chaos.put("latency", latency);
            }
            if (!allFaults.isEmpty()) {
                chaos.put("faults", allFaults);
            }
            payload.put("chaos", chaos);
        }
        return JsonCodec.writeString(payload);
    }
}
