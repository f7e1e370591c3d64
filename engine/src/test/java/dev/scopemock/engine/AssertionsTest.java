package dev.scopemock.engine;

import static dev.scopemock.engine.support.TestEngine.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopemock.engine.support.TestEngine;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AssertionsTest {

    private TestEngine mock;

    @BeforeEach
    void startEngine() {
        mock = TestEngine.start();
    }

    @AfterEach
    void stopEngine() {
        mock.close();
    }

    @Test
    void answersResultObjectWithStatus200() {
        mock.get("/ping");

        HttpResponse<String> response = mock.postJson("/__mock__/assert", "{\"path\": \"/ping\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(response.body()).isEqualTo("{\"result\":true}");
    }

    @Test
    void requiresAtLeastOneMatchWhenTimesIsAbsent() {
        boolean none = mock.confirm(null, "{\"path\": \"/ping\"}");
        mock.get("/ping");
        boolean once = mock.confirm(null, "{\"path\": \"/ping\"}");
        mock.get("/ping");
        boolean twice = mock.confirm(null, "{\"path\": \"/ping\", \"times\": null}");

        assertThat(none).isFalse();
        assertThat(once).isTrue();
        assertThat(twice).isTrue();
    }

    @Test
    void treatsIntegerTimesAsExactCount() {
        mock.get("/ping");
        mock.get("/ping");

        boolean two = mock.confirm(null, "{\"path\": \"/ping\", \"times\": 2}");
        boolean one = mock.confirm(null, "{\"path\": \"/ping\", \"times\": 1}");
        boolean three = mock.confirm(null, "{\"path\": \"/ping\", \"times\": 3}");
        boolean zero = mock.confirm(null, "{\"path\": \"/other\", \"times\": 0}");

        assertThat(two).isTrue();
        assertThat(one).isFalse();
        assertThat(three).isFalse();
        assertThat(zero).isTrue();
    }

    @Test
    void appliesCriterionTimesToTheCount() {
        mock.get("/ping");
        mock.get("/ping");

        boolean never = mock.confirm(null, "{\"path\": \"/ping\", \"times\": {\"$eq\": {\"value\": 0}}}");
        boolean neverOther = mock.confirm(null, "{\"path\": \"/pong\", \"times\": {\"$eq\": {\"value\": 0}}}");
        boolean between = mock.confirm(null, "{\"path\": \"/ping\", \"times\": {\"$between\":"
                + " {\"lower\": 1, \"upper\": 3, \"is_inclusive\": true}}}");
        boolean exclusive = mock.confirm(null, "{\"path\": \"/ping\", \"times\": {\"$between\":"
                + " {\"lower\": 2, \"upper\": 3, \"is_inclusive\": false}}}");
        boolean atLeast = mock.confirm(null, "{\"path\": \"/ping\", \"times\": {\"$gte\": {\"value\": 2}}}");
        boolean even = mock.confirm(null, "{\"path\": \"/ping\", \"times\": {\"$even\": {}}}");

        assertThat(never).isFalse();
        assertThat(neverOther).isTrue();
        assertThat(between).isTrue();
        assertThat(exclusive).isFalse();
        assertThat(atLeast).isTrue();
        assertThat(even).isTrue();
    }

    @Test
    void rejectsStringTimes() {
        mock.get("/ping");

        HttpResponse<String> response = mock.postJson("/__mock__/assert", "{\"path\": \"/ping\", \"times\": \"1\"}");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).isEqualTo("{\"detail\":[{\"type\":\"times_type\",\"loc\":[\"body\",\"times\"],"
                + "\"msg\":\"times must be an integer (exact count) or a criterion object such as"
                + " {\\\"$gte\\\": {\\\"value\\\": 1}}, found a string\"}]}");
    }

    @Test
    void rejectsTimesThatIsNeitherIntegerNorCriterion() {
        HttpResponse<String> fraction = mock.postJson("/__mock__/assert", "{\"times\": 1.5}");
        HttpResponse<String> plainObject = mock.postJson("/__mock__/assert", "{\"times\": {\"count\": 1}}");
        HttpResponse<String> array = mock.postJson("/__mock__/assert", "{\"times\": [1]}");

        assertThat(fraction.statusCode()).isEqualTo(422);
        assertThat(plainObject.statusCode()).isEqualTo(422);
        assertThat(json(plainObject).get("detail").get(0).get("type").asText()).isEqualTo("criterion_required");
        assertThat(array.statusCode()).isEqualTo(422);
    }

    @Test
    void countsScopedAndGlobalRequestsForScopedAssertion() {
        mock.createScope("suite-a");
        mock.createScope("suite-b");
        mock.get("/ping", "suite-a", "1");
        mock.get("/ping");
        mock.get("/ping", "suite-b", "1");

        boolean scoped = mock.confirm("suite-a", "{\"path\": \"/ping\", \"times\": 2}");
        boolean global = mock.confirm(null, "{\"path\": \"/ping\", \"times\": 1}");
        boolean other = mock.confirm("suite-b", "{\"path\": \"/ping\", \"times\": 2}");

        assertThat(scoped).isTrue();
        assertThat(global).isTrue();
        assertThat(other).isTrue();
    }

    @Test
    void comparesAssertionPathLiterallyWithoutPatterns() {
        mock.get("/users/42");
        mock.get("/users/%7Bid%7D");

        boolean pattern = mock.confirm(null, "{\"path\": \"/users/{id}\", \"times\": 1}");
        boolean concrete = mock.confirm(null, "{\"path\": \"/users/42\", \"times\": 1}");
        boolean trailingSlash = mock.confirm(null, "{\"path\": \"/users/42/\", \"times\": 0}");
        boolean regex = mock.confirm(null, "{\"path\": {\"$regex\": {\"pattern\": \"/users/\\\\d+$\"}},"
                + " \"times\": 1}");

        assertThat(pattern).isTrue();
        assertThat(concrete).isTrue();
        assertThat(trailingSlash).isTrue();
        assertThat(regex).isTrue();
    }

    @Test
    void matchesEveryFieldWithLiteralsAndCriteria() {
        mock.send("POST", "/payment?retry=1&mode=fast", "{\"amount\": 42, \"currency\": \"EUR\"}",
                "Content-Type", "application/json", "X-Team", "qa");
        mock.send("POST", "/payment?retry=2", "{\"amount\": 7, \"currency\": \"EUR\"}",
                "Content-Type", "application/json", "X-Team", "dev");

        boolean method = mock.confirm(null, "{\"method\": \"POST\", \"times\": 2}");
        boolean methodCriterion = mock.confirm(null, "{\"method\": {\"$ignore_case\": {\"value\": \"post\"}},"
                + " \"times\": 2}");
        boolean headers = mock.confirm(null, "{\"headers\": {\"x-team\": \"qa\"}, \"times\": 1}");
        boolean headersAnyCase = mock.confirm(null, "{\"headers\": {\"X-Team\": \"dev\"}, \"times\": 1}");
        boolean query = mock.confirm(null, "{\"query\": {\"retry\": \"1\", \"mode\": \"fast\"}, \"times\": 1}");
        boolean queryCriterion = mock.confirm(null, "{\"query\": {\"retry\": {\"$gt\": {\"value\": \"1\"}}},"
                + " \"times\": 1}");
        boolean json = mock.confirm(null, "{\"body\": {\"$json\": {\"inner_criteria\": {\"$key_values\":"
                + " {\"key_values\": {\"amount\": 42}}}}}, \"times\": 1}");
        boolean jsonGt = mock.confirm(null, "{\"body\": {\"$json\": {\"inner_criteria\": {\"amount\":"
                + " {\"$gt\": {\"value\": 10}}, \"currency\": \"EUR\"}}}, \"times\": 1}");
        boolean rawBody = mock.confirm(null, "{\"body\": \"{\\\"amount\\\": 7, \\\"currency\\\": \\\"EUR\\\"}\","
                + " \"times\": 1}");
        boolean host = mock.confirm(null, "{\"host\": \"127.0.0.1\", \"times\": 2}");
        boolean combinedMiss = mock.confirm(null, "{\"path\": \"/payment\", \"headers\": {\"x-team\": \"qa\"},"
                + " \"query\": {\"retry\": \"2\"}, \"times\": 0}");

        assertThat(method).isTrue();
        assertThat(methodCriterion).isTrue();
        assertThat(headers).isTrue();
        assertThat(headersAnyCase).isTrue();
        assertThat(query).isTrue();
        assertThat(queryCriterion).isTrue();
        assertThat(json).isTrue();
        assertThat(jsonGt).isTrue();
        assertThat(rawBody).isTrue();
        assertThat(host).isTrue();
        assertThat(combinedMiss).isTrue();
    }

    @Test
    void countsRequestsACriterionCannotEvaluateAsNotMatchingInsteadOfFailing() {
        mock.send("POST", "/data", "not json");
        mock.send("POST", "/data", null);
        mock.send("POST", "/data?n=abc", "{\"n\": 4}");

        HttpResponse<String> json = mock.postJson("/__mock__/assert", "{\"body\": {\"$json\": {\"inner_criteria\":"
                + " {\"n\": 4}}}, \"times\": 1}");
        HttpResponse<String> numericOnText = mock.postJson("/__mock__/assert", "{\"query\": {\"n\": {\"$gt\":"
                + " {\"value\": 3}}}}");
        HttpResponse<String> evenOnText = mock.postJson("/__mock__/assert", "{\"body\": {\"$even\": {}}}");
        HttpResponse<String> keyValuesOnText = mock.postJson("/__mock__/assert", "{\"body\": {\"$key_values\":"
                + " {\"key_values\": {\"n\": 4}}}}");

        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.body()).isEqualTo("{\"result\":true}");
        assertThat(numericOnText.body()).isEqualTo("{\"result\":false}");
        assertThat(evenOnText.body()).isEqualTo("{\"result\":false}");
        assertThat(keyValuesOnText.body()).isEqualTo("{\"result\":false}");
    }

    @Test
    void countsUnmatchedAndServedRequestsAlike() {
        mock.addStub(null, "{\"request\": {\"path\": \"/served\"}, \"action\": {\"response\": {\"status_code\": 200,"
                + " \"headers\": {}, \"body\": \"ok\"}}}");
        mock.get("/served");
        mock.get("/unserved");

        boolean any = mock.confirm(null, "{\"path\": {\"$regex\": {\"pattern\": \"/(un)?served\"}}, \"times\": 2}");

        assertThat(any).isTrue();
    }

    @Test
    void answersEmptyAssertionWithCountOfAllVisibleRequests() {
        mock.get("/a");
        mock.get("/b");

        boolean two = mock.confirm(null, "{\"times\": 2}");

        assertThat(two).isTrue();
    }

    @Test
    void rejectsMalformedCriteriaInAssertions() {
        HttpResponse<String> unknownOperator = mock.postJson("/__mock__/assert", "{\"path\": {\"$startswith\":"
                + " {\"value\": \"/a\"}}}");
        HttpResponse<String> badArguments = mock.postJson("/__mock__/assert", "{\"times\": {\"$gt\": 5}}");

        assertThat(unknownOperator.statusCode()).isEqualTo(422);
        JsonNode error = json(unknownOperator).get("detail").get(0);
        assertThat(error.get("type").asText()).isEqualTo("unknown_operator");
        assertThat(error.get("loc").toString()).isEqualTo("[\"body\",\"path\",\"$startswith\"]");
        assertThat(badArguments.statusCode()).isEqualTo(422);
        assertThat(json(badArguments).get("detail").get(0).get("msg").asText())
                .isEqualTo("$gt takes an argument object, found a number (5)");
    }
}
