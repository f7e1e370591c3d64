package dev.scopemock.benchmarks;

import dev.scopemock.engine.internal.core.EngineCore;
import dev.scopemock.engine.internal.journal.ScopeJournal;
import dev.scopemock.engine.internal.scope.ScopeState;
import dev.scopemock.engine.model.RecordedRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Recording a request in a bounded journal that is already full, so every append also evicts the oldest entry:
 * {@code append} is the ring buffer alone, {@code record} what the request path does (next sequence number, the
 * outcome copy, the lock-free append, the listener check), and {@code recordFromTwoThreads} the same from two threads
 * into one scope at once (the global scope under load). The cost must not depend on the bound.
 * Run: {@code java -jar benchmarks/target/benchmarks.jar JournalBenchmark -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class JournalBenchmark {

    @Param({"1000", "100000"})
    public int capacity;

    private ScopeJournal journal;
    private EngineCore core;
    private ScopeState scope;
    private RecordedRequest request;

    @Setup
    public void setUp() {
        request = new RecordedRequest(0, Instant.now(), "GET", "/items/42", "", Map.of(),
                Map.of("host", List.of("localhost:8910"), "user-agent", List.of("bench")), new byte[0],
                "localhost", null, null, Map.of(), "HTTP/1.1");
        journal = new ScopeJournal(capacity);
        core = new EngineCore(capacity);
        core.createScope("bench");
        scope = core.scopes().find("bench");
        for (int i = 0; i < capacity; i++) {
            journal.append(request);
            core.record(scope, request, null);
        }
    }

    @Benchmark
    public ScopeJournal append() {
        journal.append(request);
        return journal;
    }

    @Benchmark
    public RecordedRequest record() {
        return core.record(scope, request, null);
    }

    @Benchmark
    @Threads(2)
    public RecordedRequest recordFromTwoThreads() {
        return core.record(scope, request, null);
    }
}
