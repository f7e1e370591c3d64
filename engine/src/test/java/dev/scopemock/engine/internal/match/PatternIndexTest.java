package dev.scopemock.engine.internal.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopemock.engine.internal.core.EngineCore;
import dev.scopemock.engine.model.PathPattern;
import dev.scopemock.engine.model.RecordedRequest;
import dev.scopemock.engine.model.RequestMatcher;
import dev.scopemock.engine.model.ResponseAction;
import dev.scopemock.engine.model.ResponseBody;
import dev.scopemock.engine.model.StubDefinition;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pattern trie finds exactly the stubs whose pattern fits, however many patterns are registered. */
class PatternIndexTest {

    private final EngineCore core = new EngineCore(10);

    @Test
    void findsOverlappingPatternsAndRanksTheMoreSpecific() {
        add("a-param", "/a/{x}");
        add("param-b", "/{y}/b");
        add("literal", "/a/b/c");
        add("deep", "/{p}/{q}/{r}");

        assertThat(select("/a/b")).isEqualTo("param-b");
        assertThat(select("/a/z")).isEqualTo("a-param");
        assertThat(select("/a/b/c")).isEqualTo("literal");
        assertThat(select("/x/y/z")).isEqualTo("deep");
        assertThat(select("/x/y")).isNull();
    }

    @Test
    void selectsTheRightStubAmongTenThousandPatterns() {
        for (int i = 0; i < 10_000; i++) {
            add("s" + i, "/items" + i + "/{id}");
        }

        assertThat(select("/items9999/42")).isEqualTo("s9999");
        assertThat(select("/items0/x")).isEqualTo("s0");
        assertThat(select("/items10000/x")).isNull();
    }

    @Test
    void capturesParametersOfTheChosenPattern() {
        add("orders", "/users/{user}/orders/{order}");

        Selection selection = core.select(null, subject("/users/ann/orders/7"));

        assertThat(selection.pathMatch().params()).containsOnly(Map.entry("user", "ann"), Map.entry("order", "7"));
    }

    private void add(String id, String path) {
        core.addStub(core.scopes().global(), new StubDefinition(id,
                new RequestMatcher(new PathPattern(path), null, null, null, null, null),
                new ResponseAction(200, List.of(), new ResponseBody.Text(id)), null, null));
    }

    private String select(String path) {
        Selection selection = core.select(null, subject(path));
        return selection == null ? null : selection.stub().id();
    }

    private static MatchSubject subject(String path) {
        return new MatchSubject(new RecordedRequest(0, Instant.EPOCH, "GET", path, "", Map.of(), Map.of(),
                new byte[0], "localhost", null, null, Map.of(), "HTTP/1.1"));
    }
}
