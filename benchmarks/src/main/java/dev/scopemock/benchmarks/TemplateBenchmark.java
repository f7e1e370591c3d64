package dev.scopemock.benchmarks;

import dev.scopemock.engine.internal.respond.TemplateContext;
import dev.scopemock.engine.internal.respond.TemplateEngine;
import dev.scopemock.engine.model.RecordedRequest;
import java.nio.charset.StandardCharsets;
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
 * Rendering a response template per request with Jinjava and the {@code request.*} context, as a template stub does:
 * a path parameter, a query value and a JSON body field; and a loop over the body's list. Run:
 * {@code java -jar benchmarks/target/benchmarks.jar TemplateBenchmark -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TemplateBenchmark {

    private static final Map<String, String> TEMPLATES = Map.of(
            "fields", "{\"sku\": \"{{ request.path_params.sku }}\", \"page\": \"{{ request.query.page }}\", "
                    + "\"amount\": {{ request.body.amount }}}",
            "loop", "[{% for item in request.body.items %}{\"id\": {{ item.id }}}"
                    + "{% if not loop.last %},{% endif %}{% endfor %}]");

    @Param({"fields", "loop"})
    public String template;

    private final TemplateEngine engine = new TemplateEngine();
    private String source;
    private RecordedRequest request;

    @Setup
    public void setUp() {
        source = TEMPLATES.get(template);
        byte[] body = "{\"amount\": 42, \"items\": [{\"id\": 1}, {\"id\": 2}, {\"id\": 3}]}"
                .getBytes(StandardCharsets.UTF_8);
        request = new RecordedRequest(1, Instant.now(), "POST", "/stock/a-1", "page=2", Map.of("page", List.of("2")),
                Map.of("content-type", List.of("application/json"), "host", List.of("localhost")), body,
                "localhost", null, "stub-1", Map.of("sku", "a-1"), "HTTP/1.1");
        if (engine.syntaxError(source) != null) {
            throw new IllegalStateException(engine.syntaxError(source));
        }
    }

    @Benchmark
    public String render() {
        return engine.render(source, TemplateContext.of(request, request.pathParams()));
    }
}
