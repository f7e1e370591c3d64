package dev.scopemock.benchmarks;

import dev.scopemock.engine.criteria.Eq;
import dev.scopemock.engine.internal.core.EngineCore;
import dev.scopemock.engine.internal.match.MatchSubject;
import dev.scopemock.engine.internal.match.Selection;
import dev.scopemock.engine.model.PathCriterion;
import dev.scopemock.engine.model.PathMatcher;
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
 * Stub selection cost by stub count, requesting the last stub registered (the worst case for a scanning matcher):
 * literal paths (hash lookup), {@code {param}} patterns (segment trie) and criteria paths ({@code $eq}, the only kind
 * that is scanned, so its cost grows with the count by design). Each operation builds the request's
 * {@link MatchSubject}, selects and counts the serving stub. Run:
 * {@code java -jar benchmarks/target/benchmarks.jar MatchingBenchmark -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MatchingBenchmark {

    @Param({"10", "1000", "10000", "100000"})
    public int stubs;

    @Param({"literal", "pattern", "criteria"})
    public String kind;

    private EngineCore core;
    private RecordedRequest request;

    @Setup
    public void setUp() {
        core = new EngineCore(1_000);
        for (int i = 0; i < stubs; i++) {
            PathMatcher path = switch (kind) {
                case "literal" -> new PathPattern("/items/" + i);
                case "pattern" -> new PathPattern("/items" + i + "/{id}");
                default -> new PathCriterion(new Eq("/items/" + i));
            };
            core.addStub(core.scopes().global(), new StubDefinition(null,
                    new RequestMatcher(path, new TextEquals("GET", true), null, null, null, null),
                    new ResponseAction(200, List.of(), new ResponseBody.Text("ok")), null, null));
        }
        int last = stubs - 1;
        String path = kind.equals("pattern") ? "/items" + last + "/42" : "/items/" + last;
        request = new RecordedRequest(0, Instant.now(), "GET", path, "", Map.of(), Map.of(), new byte[0],
                "localhost", null, null, Map.of(), "HTTP/1.1");
    }

    @Benchmark
    public Selection selectLastRegistered() {
        return core.select(null, new MatchSubject(request));
    }
}
