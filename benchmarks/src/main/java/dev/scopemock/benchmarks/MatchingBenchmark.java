package dev.scopemock.benchmarks;

import dev.scopemock.engine.internal.core.EngineCore;
import dev.scopemock.engine.internal.match.MatchSubject;
import dev.scopemock.engine.internal.match.Selection;
import dev.scopemock.engine.model.PathPattern;
import dev.scopemock.engine.model.RecordedRequest;
import dev.scopemock.engine.model.RequestMatcher;
import dev.scopemock.engine.model.ResponseAction;
import dev.scopemock.engine.model.ResponseBody;
import dev.scopemock.engine.model.StubDefinition;
import dev.scopemock.engine.model.TextEquals;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Stub selection cost by stub count, for literal paths and {@code {param}} patterns, requesting the last stub
 * registered (the worst case for a scanning matcher). Run:
 * {@code java -cp benchmarks/target/benchmarks.jar org.openjdk.jmh.Main MatchingBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MatchingBenchmark {

    @Param({"10", "1000", "10000"})
    public int stubs;

    @Param({"literal", "pattern"})
    public String kind;

    private EngineCore core;
    private RecordedRequest request;

    @Setup
    public void setUp() {
        core = new EngineCore(1_000);
        for (int i = 0; i < stubs; i++) {
            String path = kind.equals("literal") ? "/items/" + i : "/items" + i + "/{id}";
            core.addStub(core.scopes().global(), new StubDefinition(null,
                    new RequestMatcher(new PathPattern(path), new TextEquals("GET", true), null, null, null, null),
                    new ResponseAction(200, List.of(), new ResponseBody.Text("ok")), null, null));
        }
        int last = stubs - 1;
        String path = kind.equals("literal") ? "/items/" + last : "/items" + last + "/42";
        request = new RecordedRequest(0, Instant.now(), "GET", path, "", Map.of(), Map.of(), new byte[0],
                "localhost", null, null, Map.of());
    }

    @Benchmark
    public Selection selectLastRegistered() {
        return core.select(null, new MatchSubject(request));
    }
}
