package dev.scopemock.benchmarks;

import dev.scopemock.engine.EngineOptions;
import dev.scopemock.engine.MockEngine;
import dev.scopemock.engine.criteria.Eq;
import dev.scopemock.engine.model.PathEquals;
import dev.scopemock.engine.model.RequestMatcher;
import dev.scopemock.engine.model.TextEquals;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The extension's per-test overhead in-process: create a scope, register three stubs from their JSON payloads (as
 * {@code @Stub} and the fluent API do), run one verification, delete the scope. Target: at most 100 µs per cycle.
 * Run: {@code java -jar benchmarks/target/benchmarks.jar TestCycleBenchmark -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TestCycleBenchmark {

    private static final String[] STUBS = {
        "{\"request\":{\"path\":\"/payment\",\"method\":\"POST\",\"body\":{\"$json\":{\"inner_criteria\":"
                + "{\"$eq\":{\"value\":{\"amount\":42}}}}}},\"action\":{\"response\":{\"status_code\":200,"
                + "\"headers\":{},\"body\":{\"status\":\"accepted\"}}}}",
        "{\"request\":{\"path\":\"/inventory/{sku}\",\"method\":\"GET\"},\"action\":{\"response\":"
                + "{\"status_code\":200,\"headers\":{\"Content-Type\":\"application/json\"},"
                + "\"body\":{\"stock\":3}}},\"chaos\":{\"latency\":{\"base_ms\":100,\"jitter_ms\":50}}}",
        "{\"request\":{\"path\":\"/health\"},\"action\":{\"response\":{\"status_code\":200,\"headers\":{},"
                + "\"body\":\"ok\"}},\"max_calls\":5}"
    };

    private final AtomicLong counter = new AtomicLong();
    private final RequestMatcher verification = new RequestMatcher(new PathEquals("/payment"),
            new TextEquals("POST", true), null, null, null, null);
    private MockEngine engine;

    @Setup(Level.Trial)
    public void start() {
        engine = MockEngine.start(EngineOptions.defaults());
    }

    @TearDown(Level.Trial)
    public void stop() {
        engine.close();
    }

    @Benchmark
    public boolean scopeStubsVerifyDelete() {
        String scope = "benchtest-cycle-" + counter.incrementAndGet();
        engine.createScope(scope);
        for (String stub : STUBS) {
            engine.addStubJson(scope, stub);
        }
        boolean verified = engine.verify(scope, verification, new Eq(0L));
        engine.deleteScope(scope);
        return verified;
    }
}
