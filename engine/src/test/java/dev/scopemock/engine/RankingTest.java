package dev.scopemock.engine;

import static dev.scopemock.engine.support.ControlCalls.requests;
import static dev.scopemock.engine.support.ControlCalls.stubs;
import static dev.scopemock.engine.support.ControlCalls.textStub;
import static dev.scopemock.engine.support.ControlCalls.wire;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopemock.engine.support.ControlCalls;
import dev.scopemock.engine.support.RawHttp;
import dev.scopemock.engine.support.TestEngine;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which stub serves a request (PROTOCOL.md §5 with Scopemock's §17 decisions): own scope before global, then field
 * count, weighted score, path specificity, newest; only the winner counts a call; empty maps add no rank; and the
 * literal matching rules of §17 rows 8 to 10. Stubs are created so that "newest wins" would pick the wrong one
 * whenever a higher rule decides.
 */
class RankingTest {

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
    void scopedStubBeatsGlobalStubWithMoreFields() {
        engine.createScope("team");
        engine.addStub("team", textStub(wire("{'path': '/r'}"), "scoped"));
        engine.addStub(null, textStub(wire("{'path': '/r', 'method': 'GET', 'headers': {'x-a': '1'}}"), "global"));

        HttpResponse<String> scoped = engine.get("/r", "team", "1", "x-a", "1");
        HttpResponse<String> unscoped = engine.get("/r", "x-a", "1");

        assertThat(scoped.body()).isEqualTo("scoped");
        assertThat(unscoped.body()).isEqualTo("global");
    }

    @Test
    void globalStubServesScopedRequestWhenNoScopedStubMatches() {
        engine.createScope("team");
        engine.addStub("team", textStub(wire("{'path': '/r', 'method': 'POST'}"), "scoped"));
        engine.addStub(null, textStub(wire("{'path': '/r'}"), "global"));

        HttpResponse<String> response = engine.get("/r", "team", "1");

        assertThat(response.body()).isEqualTo("global");
        assertThat(requests(engine, "team").get(0).get("scope").asText()).isEqualTo("team");
    }

    @Test
    void moreMatchedFieldsBeatHigherWeight() {
        engine.addStub(null, textStub(wire("{'method': 'GET', 'headers': {'x-a': '1'}, 'query': {'q': '1'}}"),
                "three fields"));
        engine.addStub(null, textStub(wire("{'path': '/r', 'method': 'GET'}"), "two fields"));

        HttpResponse<String> response = engine.get("/r?q=1", "x-a", "1");

        assertThat(response.body()).isEqualTo("three fields");
    }

    @Test
    void equalFieldCountIsDecidedByWeightPathMethodBodyHostQueryHeaders() {
        Map<String, String> idsByField = new LinkedHashMap<>();
        for (String field : List.of("'path': '/w'", "'method': 'POST'", "'body': 'b'", "'host': '127.0.0.1'",
                "'query': {'q': '1'}", "'headers': {'x-a': '1'}")) {
            idsByField.put(field, engine.addStub(null, textStub(wire("{" + field + "}"), field)));
        }
        List<String> winners = new ArrayList<>();

        for (int i = 0; i < idsByField.size(); i++) {
            String winner = engine.send("POST", "/w?q=1", "b", "x-a", "1").body();
            winners.add(winner);
            engine.send("DELETE", "/__mock__/stubs/" + idsByField.get(winner), null);
        }

        assertThat(winners).containsExactly("'path': '/w'", "'method': 'POST'", "'body': 'b'",
                "'host': '127.0.0.1'", "'query': {'q': '1'}", "'headers': {'x-a': '1'}");
    }

    @Test
    void pathAndHostOutweighMethodAndBody() {
        engine.addStub(null, textStub(wire("{'path': '/w', 'host': '127.0.0.1'}"), "path+host"));
        engine.addStub(null, textStub(wire("{'method': 'POST', 'body': 'b'}"), "method+body"));

        HttpResponse<String> response = engine.send("POST", "/w", "b");

        assertThat(response.body()).isEqualTo("path+host");
    }

    @Test
    void equalWeightIsDecidedByPathSpecificity() {
        engine.addStub(null, textStub(wire("{'path': '/users/me', 'method': 'GET'}"), "me"));
        engine.addStub(null, textStub(wire("{'path': '/users/{id}', 'method': 'GET'}"), "any user"));
        engine.addStub(null, textStub(wire("{'path': '/users/{id}/posts/{pid}'}"), "posts"));
        engine.addStub(null, textStub(wire("{'path': '/users/{id}/{kind}/{pid}'}"), "anything"));

        HttpResponse<String> me = engine.get("/users/me");
        HttpResponse<String> other = engine.get("/users/42");
        HttpResponse<String> post = engine.get("/users/42/posts/7");

        assertThat(me.body()).isEqualTo("me");
        assertThat(other.body()).isEqualTo("any user");
        assertThat(post.body()).isEqualTo("posts");
    }

    @Test
    void fullTieGoesToTheNewestStub() {
        engine.addStub(null, textStub(wire("{'path': '/t', 'method': 'GET'}"), "older"));
        String newer = engine.addStub(null, textStub(wire("{'path': '/t', 'method': 'GET'}"), "newer"));

        HttpResponse<String> whileBothExist = engine.get("/t");
        engine.send("DELETE", "/__mock__/stubs/" + newer, null);
        HttpResponse<String> afterDeletingNewer = engine.get("/t");

        assertThat(whileBothExist.body()).isEqualTo("newer");
        assertThat(afterDeletingNewer.body()).isEqualTo("older");
    }

    @Test
    void emptyHeadersAndQueryMatchAnythingAndAddNoRank() {
        engine.addStub(null, textStub(wire("{'path': '/e', 'headers': {}, 'query': {}}"), "with empty maps"));
        engine.addStub(null, textStub(wire("{'path': '/e'}"), "path only"));
        engine.addStub(null, textStub(wire("{'path': '/f', 'headers': {}, 'query': {}}"), "only empty maps"));

        HttpResponse<String> tie = engine.get("/e?x=1", "x-a", "1");
        HttpResponse<String> emptyMapsMatch = engine.get("/f?x=1", "x-a", "1");

        assertThat(tie.body()).isEqualTo("path only");
        assertThat(emptyMapsMatch.body()).isEqualTo("only empty maps");
    }

    @Test
    void onlyTheServingStubCountsACall() {
        String broad = engine.addStub(null, textStub(wire("{'path': '/mc'}"), "broad", 1));
        String specific = engine.addStub(null, textStub(wire("{'path': '/mc', 'method': 'GET'}"), "specific", 1));

        HttpResponse<String> get = engine.get("/mc");
        HttpResponse<String> post = engine.send("POST", "/mc", "");
        HttpResponse<String> exhausted = engine.get("/mc");

        assertThat(get.body()).isEqualTo("specific");
        assertThat(post.body()).isEqualTo("broad");
        assertThat(exhausted.statusCode()).isEqualTo(404);
        assertThat(callCounts()).containsExactly(broad + "=1", specific + "=1");
    }

    @Test
    void catchAllLosesToAnySingleFieldStub() {
        engine.addStub(null, textStub(wire("{'headers': {'x-a': '1'}}"), "header"));
        engine.addStub(null, textStub("{}", "catch-all"));

        HttpResponse<String> withHeader = engine.get("/anything", "x-a", "1");
        HttpResponse<String> withoutHeader = engine.get("/anything");

        assertThat(withHeader.body()).isEqualTo("header");
        assertThat(withoutHeader.body()).isEqualTo("catch-all");
    }

    @Test
    void headerNamesMatchCaseInsensitively() {
        engine.addStub(null, textStub(wire("{'path': '/h', 'headers': {'X-Team': 'qa'}}"), "team qa"));

        HttpResponse<String> lower = engine.get("/h", "x-team", "qa");
        HttpResponse<String> upper = engine.get("/h", "X-TEAM", "qa");
        HttpResponse<String> otherValue = engine.get("/h", "X-Team", "QA");

        assertThat(lower.body()).isEqualTo("team qa");
        assertThat(upper.body()).isEqualTo("team qa");
        assertThat(otherValue.statusCode()).isEqualTo(404);
    }

    @Test
    void headerNamesInATopLevelKeyValuesCriterionMatchCaseInsensitively() {
        engine.addStub(null, textStub(wire("{'path': '/h', 'headers': {'$key_values': {'key_values': "
                + "{'X-Team': 'qa'}}}}"), "key values"));
        engine.addStub(null, textStub(wire("{'path': '/x', 'headers': {'$exact_key_values': {'key_values': "
                + "{'Host': {'$regex': {'pattern': '127'}}, 'User-Agent': {'$regex': {'pattern': ''}}, "
                + "'Content-Length': '0', 'X-Team': 'qa'}}}}"), "exact key values"));

        HttpResponse<String> keyValues = engine.get("/h", "X-Team", "qa");
        HttpResponse<String> exactKeyValues = engine.send("POST", "/x", "", "x-team", "qa");

        assertThat(keyValues.body()).isEqualTo("key values");
        assertThat(exactKeyValues.body()).isEqualTo("exact key values");
    }

    @Test
    void methodMatchesCaseInsensitively() {
        engine.addStub(null, textStub(wire("{'path': '/m', 'method': 'get'}"), "get"));
        engine.addStub(null, textStub(wire("{'path': '/m', 'method': 'Post'}"), "post"));

        HttpResponse<String> get = engine.get("/m");
        HttpResponse<String> post = engine.send("POST", "/m", "");
        HttpResponse<String> put = engine.send("PUT", "/m", "");

        assertThat(get.body()).isEqualTo("get");
        assertThat(post.body()).isEqualTo("post");
        assertThat(put.statusCode()).isEqualTo(404);
    }

    @Test
    void hostLiteralMatchesCaseInsensitivelyWithoutPort() {
        engine.addStub(null, textStub(wire("{'path': '/host', 'host': 'API.Example.COM:9999'}"), "api host"));

        String sameHostOtherPort = RawHttp.exchange(engine.port(), rawGet("/host", "api.example.com:1234"));
        String sameHostNoPort = RawHttp.exchange(engine.port(), rawGet("/host", "Api.Example.Com"));
        String otherHost = RawHttp.exchange(engine.port(), rawGet("/host", "web.example.com:9999"));

        assertThat(sameHostOtherPort).startsWith("HTTP/1.1 200 ").endsWith("\r\n\r\napi host");
        assertThat(sameHostNoPort).startsWith("HTTP/1.1 200 ").endsWith("\r\n\r\napi host");
        assertThat(otherHost).startsWith("HTTP/1.1 404 ").endsWith("\r\n\r\nNO_STUB_MATCH_FOUND");
    }

    @Test
    void repeatedHeaderMatchesWhenAnyValueMatches() {
        engine.addStub(null, textStub(wire("{'path': '/mv', 'headers': {'x-tag': 'b'}}"), "tag b"));

        HttpResponse<String> second = engine.get("/mv", "x-tag", "a", "x-tag", "b");
        HttpResponse<String> neither = engine.get("/mv", "x-tag", "a", "x-tag", "c");

        assertThat(second.body()).isEqualTo("tag b");
        assertThat(neither.statusCode()).isEqualTo(404);
    }

    @Test
    void repeatedQueryParameterMatchesWhenAnyValueMatches() {
        engine.addStub(null, textStub(wire("{'path': '/mv', 'query': {'tag': 'a'}}"), "tag a"));

        HttpResponse<String> first = engine.get("/mv?tag=a&tag=b");
        HttpResponse<String> neither = engine.get("/mv?tag=b&tag=c");

        assertThat(first.body()).isEqualTo("tag a");
        assertThat(neither.statusCode()).isEqualTo(404);
    }

    @Test
    void repeatedHeaderMatchesTopLevelKeyValuesWhenAnyValueMatches() {
        engine.addStub(null, textStub(wire("{'path': '/mv', 'headers': {'$key_values': {'key_values': "
                + "{'x-tag': 'b'}}}, 'query': {'$key_values': {'key_values': {'tag': 'a'}}}}"), "any value"));

        HttpResponse<String> match = engine.get("/mv?tag=a&tag=b", "x-tag", "a", "x-tag", "b");
        HttpResponse<String> noQueryValue = engine.get("/mv?tag=b&tag=c", "x-tag", "a", "x-tag", "b");

        assertThat(match.body()).isEqualTo("any value");
        assertThat(noQueryValue.statusCode()).isEqualTo(404);
    }

    @Test
    void plainJsonObjectBodyMatchesEqualJson() {
        engine.addStub(null, textStub(wire("{'path': '/j', 'body': {'a': 1, 'b': [1, 'x']}}"), "object"));

        HttpResponse<String> reordered = engine.send("POST", "/j", "{\"b\": [1, \"x\"], \"a\": 1.0}");
        HttpResponse<String> missingKey = engine.send("POST", "/j", "{\"a\": 1}");
        HttpResponse<String> notJson = engine.send("POST", "/j", "a=1");

        assertThat(reordered.body()).isEqualTo("object");
        assertThat(missingKey.statusCode()).isEqualTo(404);
        assertThat(notJson.statusCode()).isEqualTo(404);
    }

    @Test
    void plainJsonArrayNumberAndBooleanBodiesMatchEqualJson() {
        engine.addStub(null, textStub(wire("{'path': '/array', 'body': [1, 2]}"), "array"));
        engine.addStub(null, textStub(wire("{'path': '/number', 'body': 42}"), "number"));
        engine.addStub(null, textStub(wire("{'path': '/bool', 'body': true}"), "bool"));

        HttpResponse<String> array = engine.send("POST", "/array", " [1, 2.0] ");
        HttpResponse<String> number = engine.send("POST", "/number", "42.0");
        HttpResponse<String> bool = engine.send("POST", "/bool", "true");
        HttpResponse<String> boolIsNotOne = engine.send("POST", "/bool", "1");

        assertThat(array.body()).isEqualTo("array");
        assertThat(number.body()).isEqualTo("number");
        assertThat(bool.body()).isEqualTo("bool");
        assertThat(boolIsNotOne.statusCode()).isEqualTo(404);
    }

    private static List<String> callCounts() {
        List<String> counts = new ArrayList<>();
        for (JsonNode stub : stubs(engine, null)) {
            counts.add(stub.get("stub_id").asText() + "=" + stub.get("call_count").asInt());
        }
        return counts;
    }

    private static String rawGet(String path, String host) {
        return "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n";
    }
}
