package dev.scopemock.benchmarks;

import static dev.scopemock.junit.MockResponse.ok;
import static dev.scopemock.junit.RequestMatcher.get;
import static dev.scopemock.junit.RequestMatcher.path;
import static dev.scopemock.junit.RequestMatcher.post;

import dev.scopemock.engine.EngineOptions;
import dev.scopemock.engine.MockEngine;
import dev.scopemock.junit.ScopedMock;
import dev.scopemock.junit.Times;
import dev.scopemock.junit.internal.InProcessConnection;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The extension's per-test path in-process, as a test runs it: create the test's scope, register three stubs
 * through the fluent API (JSON payloads, as {@code @Stub} does too), one {@code confirmRequest} verification (which
 * lists the scope's journal and evaluates the matcher locally), delete the scope; with the second stub static or a
 * template (templates are syntax-checked with Jinjava when registered). JUnit's own per-test cost is not
 * included. Target: at most 100 µs per cycle. Run:
 * {@code java -jar benchmarks/target/benchmarks.jar ExtensionTestCycleBenchmark -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ExtensionTestCycleBenchmark {

    /** Whether the second stub is a template (checked with Jinjava at registration) or a static JSON answer. */
    @Param({"static", "template"})
    public String inventoryStub;

    private final AtomicLong counter = new AtomicLong();
    private InProcessConnection connection;

    @Setup(Level.Trial)
    public void start() {
        connection = new InProcessConnection(MockEngine.start(EngineOptions.defaults()));
    }

    @TearDown(Level.Trial)
    public void stop() {
        connection.close();
    }

    @Benchmark
    public boolean scopeStubsVerifyDelete() {
        String scope = "checkouttest-paysonce-" + counter.incrementAndGet();
        connection.createScope(scope);
        ScopedMock mock = new ScopedMock(connection, scope);
        mock.whenRequestedWith(post("/payment").withJson("{\"amount\": 42}"))
                .respondWith(ok().withJson("{\"status\": \"accepted\"}"));
        var inventory = mock.whenRequestedWith(get("/inventory/{sku}"))
                .withLatency(Duration.ofMillis(100), Duration.ofMillis(50));
        if (inventoryStub.equals("template")) {
            inventory.respondWithTemplate(200, "{\"sku\": \"{{ request.path_params.sku }}\"}");
        } else {
            inventory.respondWith(ok().withJson("{\"sku\": \"a-1\", \"stock\": 3}"));
        }
        mock.whenRequestedWith(path("/health")).maxCalls(5).respondWith(ok().withBody("ok"));
        boolean verified = mock.confirmRequest(post("/payment"), Times.never());
        connection.deleteScope(scope);
        return verified;
    }
}
