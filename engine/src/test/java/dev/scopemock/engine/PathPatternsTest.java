package dev.scopemock.engine;

import static dev.scopemock.engine.support.ControlCalls.requests;
import static dev.scopemock.engine.support.ControlCalls.textStub;
import static dev.scopemock.engine.support.ControlCalls.tree;
import static dev.scopemock.engine.support.ControlCalls.wire;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopemock.engine.support.ControlCalls;
import dev.scopemock.engine.support.TestEngine;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Stub path patterns of PROTOCOL.md §4.3 ({@code {param}} captures, segment counts, slashes, literals, decoding),
 * path criteria, and literal assertion paths (§7), over a real engine.
 */
class PathPatternsTest {

    private static TestEngine engine;

    @BeforeAll
    static void startEngine() {
        engine = TestEngine.start();
    }

    @AfterAll
    static void stopEngine() {
        engine.close();
    }

    @BeforeEach
    void resetEngine() {
        ControlCalls.reset(engine);
    }

    @Test
    void capturesParametersShownInRecordedRequest() {
        String stub = givenPathStub("/users/{id}/posts/{postId}");

        HttpResponse<String> response = engine.get("/users/42/posts/p-7");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode recorded = requests(engine, null).get(0);
        assertThat(recorded.get("matched_stub_id").asText()).isEqualTo(stub);
        assertThat(recorded.get("path_params")).isEqualTo(tree("{'id': '42', 'postId': 'p-7'}"));
    }

    @Test
    void requiresTheSameNumberOfSegments() {
        givenPathStub("/users/{id}");

        HttpResponse<String> fewer = engine.get("/users");
        HttpResponse<String> more = engine.get("/users/42/posts");
        HttpResponse<String> same = engine.get("/users/42");

        assertThat(fewer.statusCode()).isEqualTo(404);
        assertThat(more.statusCode()).isEqualTo(404);
        assertThat(same.statusCode()).isEqualTo(200);
        assertThat(requests(engine, null).get(0).get("path_params")).isEqualTo(tree("{}"));
    }

    @Test
    void ignoresLeadingAndTrailingSlashesOfPatternAndPath() {
        givenPathStub("users/{id}/");
        givenPathStub("//orders/open//");

        HttpResponse<String> patternTrailing = engine.get("/users/42/");
        HttpResponse<String> patternPlain = engine.get("/users/42");
        HttpResponse<String> literalPlain = engine.get("/orders/open");
        HttpResponse<String> literalTrailing = engine.get("/orders/open/");

        assertThat(patternTrailing.statusCode()).isEqualTo(200);
        assertThat(patternPlain.statusCode()).isEqualTo(200);
        assertThat(literalPlain.statusCode()).isEqualTo(200);
        assertThat(literalTrailing.statusCode()).isEqualTo(200);
    }

    @Test
    void slashPatternMatchesOnlyTheRoot() {
        givenPathStub("/");

        HttpResponse<String> root = engine.get("/");
        HttpResponse<String> other = engine.get("/a");

        assertThat(root.statusCode()).isEqualTo(200);
        assertThat(other.statusCode()).isEqualTo(404);
    }

    @Test
    void emptyPatternMatchesOnlyTheRoot() {
        givenPathStub("");

        HttpResponse<String> root = engine.get("/");
        HttpResponse<String> other = engine.get("/a");

        assertThat(root.statusCode()).isEqualTo(200);
        assertThat(other.statusCode()).isEqualTo(404);
    }

    @Test
    void treatsPartialBracesAsLiteralText() {
        givenPathStub("/u/user-{id}");
        givenPathStub("/v/{a}{b}");
        givenPathStub("/w/{}");

        HttpResponse<String> notAParameter = engine.get("/u/user-42");
        HttpResponse<String> literal = engine.get("/u/user-%7Bid%7D");
        HttpResponse<String> twoBraces = engine.get("/v/xy");
        HttpResponse<String> twoBracesLiteral = engine.get("/v/%7Ba%7D%7Bb%7D");
        HttpResponse<String> emptyName = engine.get("/w/x");
        HttpResponse<String> emptyNameLiteral = engine.get("/w/%7B%7D");

        assertThat(notAParameter.statusCode()).isEqualTo(404);
        assertThat(literal.statusCode()).isEqualTo(200);
        assertThat(twoBraces.statusCode()).isEqualTo(404);
        assertThat(twoBracesLiteral.statusCode()).isEqualTo(200);
        assertThat(emptyName.statusCode()).isEqualTo(404);
        assertThat(emptyNameLiteral.statusCode()).isEqualTo(200);
    }

    @Test
    void capturesEmptySegment() {
        givenPathStub("/a/{x}/b");

        HttpResponse<String> response = engine.get("/a//b");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(requests(engine, null).get(0).get("path_params")).isEqualTo(tree("{'x': ''}"));
    }

    @Test
    void matchesLiteralPathWithEmptySegment() {
        givenPathStub("/a//b");

        HttpResponse<String> empty = engine.get("/a//b");
        HttpResponse<String> collapsed = engine.get("/a/b");

        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(collapsed.statusCode()).isEqualTo(404);
    }

    @Test
    void neverLooksAtTheQuery() {
        givenPathStub("/search/{term}");
        givenPathStub("/exact");

        HttpResponse<String> pattern = engine.get("/search/cats?term=dogs&x=/y/z");
        HttpResponse<String> literal = engine.get("/exact?page=2");

        assertThat(pattern.statusCode()).isEqualTo(200);
        assertThat(literal.statusCode()).isEqualTo(200);
        assertThat(requests(engine, null).get(0).get("path_params")).isEqualTo(tree("{'term': 'cats'}"));
    }

    @Test
    void matchesAndCapturesThePercentDecodedPath() {
        givenPathStub("/files/{name}");
        givenPathStub("/caf\u00e9/menu");

        HttpResponse<String> encodedSpace = engine.get("/files/a%20b");
        HttpResponse<String> encodedLiteral = engine.get("/caf%C3%A9/menu");

        assertThat(encodedSpace.statusCode()).isEqualTo(200);
        assertThat(encodedLiteral.statusCode()).isEqualTo(200);
        assertThat(requests(engine, null).get(0).get("path_params")).isEqualTo(tree("{'name': 'a b'}"));
    }

    @Test
    void encodedSlashSeparatesSegments() {
        givenPathStub("/p/{a}/{b}");

        HttpResponse<String> response = engine.get("/p/x%2Fy");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(requests(engine, null).get(0).get("path_params")).isEqualTo(tree("{'a': 'x', 'b': 'y'}"));
    }

    @Test
    void comparesLiteralSegmentsCaseSensitively() {
        givenPathStub("/Users/{id}");

        HttpResponse<String> lower = engine.get("/users/1");
        HttpResponse<String> exact = engine.get("/Users/1");

        assertThat(lower.statusCode()).isEqualTo(404);
        assertThat(exact.statusCode()).isEqualTo(200);
    }

    @Test
    void repeatedParameterNameKeepsTheLastSegment() {
        givenPathStub("/r/{id}/{id}");

        HttpResponse<String> response = engine.get("/r/1/2");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(requests(engine, null).get(0).get("path_params")).isEqualTo(tree("{'id': '2'}"));
    }

    @Test
    void exposesCapturesOfTheServingStubOnly() {
        givenPathStub("/c/{older}");
        String newer = givenPathStub("/c/{newer}");

        HttpResponse<String> response = engine.get("/c/v");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode recorded = requests(engine, null).get(0);
        assertThat(recorded.get("matched_stub_id").asText()).isEqualTo(newer);
        assertThat(recorded.get("path_params")).isEqualTo(tree("{'newer': 'v'}"));
    }

    @Test
    void pathCriterionMatchesTheWholeDecodedPathWithoutCaptures() {
        engine.addStub(null, textStub(wire("{'path': {'$regex': {'pattern': '/items/[0-9]+$'}}}"), "ok"));

        HttpResponse<String> number = engine.get("/items/12");
        HttpResponse<String> text = engine.get("/items/x");

        assertThat(number.statusCode()).isEqualTo(200);
        assertThat(text.statusCode()).isEqualTo(404);
        assertThat(requests(engine, null).get(0).get("path_params")).isEqualTo(tree("{}"));
    }

    @Test
    void pathCriterionHasNoSpecificityAgainstAPatternWithALiteralSegment() {
        String pattern = givenPathStub("/items/{id}");
        engine.addStub(null, textStub(wire("{'path': {'$regex': {'pattern': '/items/'}}}"), "criterion"));

        HttpResponse<String> response = engine.get("/items/12");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(requests(engine, null).get(0).get("matched_stub_id").asText()).isEqualTo(pattern);
    }

    @Test
    void assertionPathStringIsLiteralNotAPattern() {
        givenPathStub("/users/{id}");
        engine.get("/users/42");

        boolean pattern = engine.confirm(null, wire("{'path': '/users/{id}'}"));
        boolean exact = engine.confirm(null, wire("{'path': '/users/42'}"));
        boolean trailingSlash = engine.confirm(null, wire("{'path': '/users/42/'}"));
        boolean criterion = engine.confirm(null, wire("{'path': {'$regex': {'pattern': '/users/[0-9]+'}}}"));

        assertThat(pattern).isFalse();
        assertThat(exact).isTrue();
        assertThat(trailingSlash).isFalse();
        assertThat(criterion).isTrue();
    }

    private static String givenPathStub(String path) {
        return engine.addStub(null, textStub("{\"path\":" + TestEngine.JSON.valueToTree(path) + "}", "ok"));
    }

}
