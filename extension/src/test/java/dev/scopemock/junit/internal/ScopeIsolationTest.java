package dev.scopemock.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopemock.engine.model.RecordedRequest;
import dev.scopemock.junit.Isolation;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The base URL each isolation mode hands out, from the engine's URL (host, port and path) and the scope. */
class ScopeIsolationTest {

    @Test
    void headerIsolationUsesTheEngineUrl() {
        FakeEngine engine = new FakeEngine("http://10.1.2.3:8910/mock", 0);

        URI url = ScopeIsolation.create(engine, "s1", Isolation.HEADER);

        assertThat(url).hasToString("http://10.1.2.3:8910/mock");
        assertThat(engine.calls).containsExactly("createScope s1");
    }

    @Test
    void portIsolationUsesTheEnginesHostAndTheScopesPort() {
        FakeEngine engine = new FakeEngine("http://10.1.2.3:8910/mock", 41234);

        URI url = ScopeIsolation.create(engine, "s1", Isolation.PORT);

        assertThat(url).hasToString("http://10.1.2.3:41234");
        assertThat(engine.calls).containsExactly("createScopeWithPort s1");
    }

    @Test
    void pathPrefixIsolationAppendsThePrefixToTheEngineUrlAndItsPath() {
        FakeEngine engine = new FakeEngine("http://10.1.2.3:8910/mock", 0);

        URI url = ScopeIsolation.create(engine, "s1", Isolation.PATH_PREFIX);

        assertThat(url).hasToString("http://10.1.2.3:8910/mock/__scope__/s1");
    }

    @Test
    void answersNullWhenTheNameIsTakenInEveryMode() {
        FakeEngine engine = new FakeEngine("http://127.0.0.1:8910", 41234);
        engine.taken = true;

        assertThat(ScopeIsolation.create(engine, "s1", Isolation.HEADER)).isNull();
        assertThat(ScopeIsolation.create(engine, "s1", Isolation.PORT)).isNull();
        assertThat(ScopeIsolation.create(engine, "s1", Isolation.PATH_PREFIX)).isNull();
    }

    /** Records the scope calls; everything else is unused here. */
    private static final class FakeEngine implements EngineConnection {
        private final URI baseUrl;
        private final int port;
        private final List<String> calls = new ArrayList<>();
        private boolean taken;

        FakeEngine(String baseUrl, int port) {
            this.baseUrl = URI.create(baseUrl);
            this.port = port;
        }

        @Override
        public URI baseUrl() {
            return baseUrl;
        }

        @Override
        public boolean createScope(String name) {
            calls.add("createScope " + name);
            return !taken;
        }

        @Override
        public int createScopeWithPort(String name) {
            calls.add("createScopeWithPort " + name);
            return taken ? -1 : port;
        }

        @Override
        public void deleteScope(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String addStub(String scope, String payloadJson) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void deleteStub(String id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void replaceStub(String scope, String id, String payloadJson) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long lastGlobalSequence() {
            return 0;
        }

        @Override
        public List<RecordedRequest> globalRequestsAfter(long sequence) {
            return List.of();
        }

        @Override
        public List<RecordedRequest> scopeRequests(String scope) {
            throw new UnsupportedOperationException();
        }

        @Override
        public RecordedRequest awaitRequest(String scope, long afterSequence, Predicate<RecordedRequest> condition,
                                            Duration timeout) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
        }
    }
}
