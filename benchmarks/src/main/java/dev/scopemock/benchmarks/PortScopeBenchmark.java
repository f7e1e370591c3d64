package dev.scopemock.benchmarks;

import dev.scopemock.engine.EngineOptions;
import dev.scopemock.engine.MockEngine;
import dev.scopemock.engine.ScopeInfo;
import dev.scopemock.engine.ScopeOptions;
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
 * What {@code @MockServer(isolation = Isolation.PORT)} adds to each test, in process: create a scope with a dedicated
 * port (a Jetty connector opened on a free loopback port) and delete it (the connector stopped, the port released),
 * compared with the same cycle for a scope reached by its header (or path prefix), which opens nothing.
 * Run: {@code java -jar benchmarks/target/benchmarks.jar PortScopeBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PortScopeBenchmark {

    private static final ScopeOptions DEDICATED_PORT = ScopeOptions.defaults().withDedicatedPort(true);

    private final AtomicLong counter = new AtomicLong();
    private MockEngine engine;

    @Setup(Level.Trial)
    public void start() {
        engine = MockEngine.start(EngineOptions.defaults());
    }

    @TearDown(Level.Trial)
    public void stop() {
        engine.close();
    }

    /** Create a scope with a dedicated port, then delete it (the port refuses connections afterwards). */
    @Benchmark
    public int portScopeCreateDelete() {
        String scope = "bench-port-" + counter.incrementAndGet();
        ScopeInfo created = engine.createScope(scope, DEDICATED_PORT);
        engine.deleteScope(scope);
        return created.dedicatedPort();
    }

    /** The same cycle for a scope without a port of its own (header or path-prefix isolation). */
    @Benchmark
    public int headerScopeCreateDelete() {
        String scope = "bench-header-" + counter.incrementAndGet();
        ScopeInfo created = engine.createScope(scope, ScopeOptions.defaults());
        engine.deleteScope(scope);
        return created.name().length();
    }
}
