package dev.scopemock.engine;

import static dev.scopemock.engine.support.ControlCalls.stubs;
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
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * How criteria travel: stubs come back from {@code GET /__mock__/stubs} in the canonical serialized form of
 * PROTOCOL.md §3.6 / §6.4, and malformed criteria are rejected with 422 naming the field path and the rule
 * (§17 rows 7 and 12) instead of being stored.
 */
class CriteriaWireFormTest {

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

    @Nested
    class CanonicalForm {

        @Test
        void plainHeadersBecomeKeyValuesWithLiteralsWrappedInEq() {
            engine.addStub(null, textStub(wire("{'headers': {'x-tenant': 'acme', 'x-n': {'$gt': {'value': '1'}}}}"),
                    "ok"));

            JsonNode request = onlyStub().get("request");

            assertThat(request.get("headers")).isEqualTo(tree("{'$key_values': {'key_values': "
                    + "{'x-tenant': {'$eq': {'value': 'acme'}}, 'x-n': {'$gt': {'value': '1'}}}}}"));
        }

        @Test
        void plainQueryBecomesKeyValuesWithLiteralsWrappedInEq() {
            engine.addStub(null, textStub(wire("{'query': {'page': '2'}}"), "ok"));

            JsonNode request = onlyStub().get("request");

            assertThat(request.get("query"))
                    .isEqualTo(tree("{'$key_values': {'key_values': {'page': {'$eq': {'value': '2'}}}}}"));
        }

        @Test
        void jsonLiteralInnerCriteriaIsWrappedInEq() {
            engine.addStub(null, textStub(wire("{'body': {'$json': {'inner_criteria': {'a': [1, 'x']}}}}"), "ok"));

            JsonNode request = onlyStub().get("request");

            assertThat(request.get("body"))
                    .isEqualTo(tree("{'$json': {'inner_criteria': {'$eq': {'value': {'a': [1, 'x']}}}}}"));
        }

        @Test
        void shortFormsOfItemsLengthAndKeyValuesAreWrappedInEq() {
            engine.addStub(null, textStub(wire("{'body': {'$json': {'inner_criteria': {'$and': {'items': ["
                    + "{'$contains': {'items': [1, {'$gt': {'value': 2}}]}}, "
                    + "{'$length': {'value': 3}}, "
                    + "{'$key_values': {'key_values': {'k': 'v'}}}, "
                    + "{'$exact_key_values': {'key_values': {'k': {'$regex': {'pattern': 'v'}}}}}, "
                    + "{'$contains_exactly': {'items': ['a']}}]}}}}}"), "ok"));

            JsonNode request = onlyStub().get("request");

            assertThat(request.get("body")).isEqualTo(tree("{'$json': {'inner_criteria': {'$and': {'items': ["
                    + "{'$contains': {'items': [{'$eq': {'value': 1}}, {'$gt': {'value': 2}}]}}, "
                    + "{'$length': {'value': {'$eq': {'value': 3}}}}, "
                    + "{'$key_values': {'key_values': {'k': {'$eq': {'value': 'v'}}}}}, "
                    + "{'$exact_key_values': {'key_values': {'k': {'$regex': {'pattern': 'v'}}}}}, "
                    + "{'$contains_exactly': {'items': [{'$eq': {'value': 'a'}}]}}]}}}}"));
        }

        @Test
        void betweenGetsItsDefaultInclusiveFlagAndArgumentlessOperatorsKeepEmptyArguments() {
            engine.addStub(null, textStub(wire("{'body': {'$json': {'inner_criteria': {'$or': {'items': ["
                    + "{'$between': {'lower': 1, 'upper': 3}}, {'$even': {}}, {'$odd': {}}, "
                    + "{'$not': {'value': {'$ignore_case': {'value': 'A'}}}}, "
                    + "{'$xor': {'left': {'$lte': {'value': 1}}, 'right': {'$gte': {'value': 2.5}}}}]}}}}}"), "ok"));

            JsonNode request = onlyStub().get("request");

            assertThat(request.get("body")).isEqualTo(tree("{'$json': {'inner_criteria': {'$or': {'items': ["
                    + "{'$between': {'lower': 1, 'upper': 3, 'is_inclusive': true}}, {'$even': {}}, {'$odd': {}}, "
                    + "{'$not': {'value': {'$ignore_case': {'value': 'A'}}}}, "
                    + "{'$xor': {'left': {'$lte': {'value': 1}}, 'right': {'$gte': {'value': 2.5}}}}]}}}}"));
        }

        @Test
        void pathPatternMethodAndHostStringsComeBackAsWritten() {
            engine.addStub(null, textStub(wire("{'path': '/orders/{orderId}/', 'method': 'get', "
                    + "'host': 'Api.Example.com:8443'}"), "ok"));

            JsonNode request = onlyStub().get("request");

            assertThat(request).isEqualTo(tree("{'method': 'get', 'path': '/orders/{orderId}/', 'body': null, "
                    + "'headers': null, 'host': 'Api.Example.com:8443', 'query': null}"));
        }

        @Test
        void pathCriterionComesBackAsCriterion() {
            engine.addStub(null, textStub(wire("{'path': {'$regex': {'pattern': '/a/(?P<x>b)'}}}"), "ok"));

            JsonNode request = onlyStub().get("request");

            assertThat(request.get("path")).isEqualTo(tree("{'$regex': {'pattern': '/a/(?P<x>b)'}}"));
        }

        @Test
        void plainJsonBodyComesBackAsTheSameValue() {
            engine.addStub(null, textStub(wire("{'body': {'id': 7, 'tags': ['a', true, null]}}"), "ok"));

            JsonNode request = onlyStub().get("request");

            assertThat(request.get("body")).isEqualTo(tree("{'id': 7, 'tags': ['a', true, null]}"));
        }

        @Test
        void canonicalFormIsAcceptedAgainAndMatchesTheSame() {
            engine.addStub(null, textStub(wire("{'path': '/c', 'headers': {'x-a': 'b'}, "
                    + "'body': {'$json': {'inner_criteria': {'n': 1}}}}"), "first"));
            JsonNode canonical = onlyStub().get("request");
            ControlCalls.reset(engine);

            engine.addStub(null, textStub(canonical.toString(), "second"));
            HttpResponse<String> response = engine.send("POST", "/c", "{\"n\": 1.0}", "X-A", "b");

            assertThat(onlyStub().get("request")).isEqualTo(canonical);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("second");
        }
    }

    @Nested
    class MalformedCriteria {

        @Test
        void rejectsUnknownOperator() {
            HttpResponse<String> response = postStub("{'body': {'$nope': {'value': 1}}}");

            assertSingleError(response, "unknown_operator", "['body', 'request', 'body', '$nope']",
                    "unknown operator '$nope'");
        }

        @Test
        void rejectsArgumentThatIsNotAnObject() {
            HttpResponse<String> response = postStub("{'body': {'$gt': 5}}");

            assertSingleError(response, "criterion_arguments", "['body', 'request', 'body', '$gt']",
                    "$gt takes an argument object, found a number (5)");
        }

        @Test
        void rejectsNullArgumentsOfEven() {
            HttpResponse<String> response = postStub("{'body': {'$json': {'inner_criteria': {'$even': null}}}}");

            assertSingleError(response, "criterion_arguments",
                    "['body', 'request', 'body', '$json', 'inner_criteria', '$even']",
                    "$even takes an argument object");
        }

        @Test
        void rejectsMissingRequiredArgument() {
            HttpResponse<String> response = postStub("{'body': {'$json': {'inner_criteria': "
                    + "{'$between': {'lower': 1}}}}}");

            assertSingleError(response, "missing",
                    "['body', 'request', 'body', '$json', 'inner_criteria', '$between', 'upper']", "Field required");
        }

        @Test
        void rejectsUnknownArgument() {
            HttpResponse<String> response = postStub("{'body': {'$gt': {'value': 1, 'inclusive': true}}}");

            assertSingleError(response, "extra_forbidden", "['body', 'request', 'body', '$gt', 'inclusive']",
                    "unknown argument 'inclusive' of $gt");
        }

        @Test
        void rejectsArgumentsOfEvenAndOdd() {
            HttpResponse<String> response = postStub("{'body': {'$json': {'inner_criteria': {'$odd': {'x': 1}}}}}");

            assertSingleError(response, "extra_forbidden",
                    "['body', 'request', 'body', '$json', 'inner_criteria', '$odd', 'x']", "it takes no arguments");
        }

        @Test
        void rejectsOperatorNextToAnotherKey() {
            HttpResponse<String> response = postStub("{'body': {'x': 1, '$gt': {'value': 2}}}");

            assertSingleError(response, "criterion_shape", "['body', 'request', 'body']",
                    "an operator object must have exactly one key");
        }

        @Test
        void rejectsTwoOperatorsInOneObject() {
            HttpResponse<String> response = postStub("{'headers': {'x-a': {'$gt': {'value': '1'}, "
                    + "'$lt': {'value': '5'}}}}");

            assertSingleError(response, "criterion_shape", "['body', 'request', 'headers', 'x-a']",
                    "found keys [$gt, $lt]");
        }

        @Test
        void rejectsLiteralInsideAndItems() {
            HttpResponse<String> response = postStub("{'body': {'$and': {'items': [{'$regex': {'pattern': 'a'}}, "
                    + "'a']}}}");

            assertSingleError(response, "criterion_required", "['body', 'request', 'body', '$and', 'items', 1]",
                    "must be a criterion object");
        }

        @Test
        void rejectsLiteralAsNotValueAndXorSide() {
            HttpResponse<String> not = postStub("{'body': {'$not': {'value': 'a'}}}");
            HttpResponse<String> xor = postStub("{'body': {'$xor': {'left': {'$eq': {'value': 1}}, 'right': 2}}}");

            assertSingleError(not, "criterion_required", "['body', 'request', 'body', '$not', 'value']",
                    "must be a criterion object");
            assertSingleError(xor, "criterion_required", "['body', 'request', 'body', '$xor', 'right']",
                    "must be a criterion object");
        }

        @Test
        void rejectsInvalidRegex() {
            HttpResponse<String> response = postStub("{'path': {'$regex': {'pattern': '/a/(b'}}}");

            assertSingleError(response, "regex_syntax", "['body', 'request', 'path', '$regex', 'pattern']",
                    "invalid regular expression '/a/(b'");
        }

        @Test
        void rejectsWrongArgumentTypes() {
            HttpResponse<String> items = postStub("{'body': {'$contains': {'items': 'abc'}}}");
            HttpResponse<String> length = postStub("{'body': {'$length': {'value': '3'}}}");
            HttpResponse<String> ignoreCase = postStub("{'body': {'$ignore_case': {'value': 1}}}");
            HttpResponse<String> keyValues = postStub("{'body': {'$key_values': {'key_values': [1]}}}");
            HttpResponse<String> inclusive = postStub("{'body': {'$between': {'lower': 1, 'upper': 2, "
                    + "'is_inclusive': 'no'}}}");

            assertSingleError(items, "list_type", "['body', 'request', 'body', '$contains', 'items']",
                    "items must be an array");
            assertSingleError(length, "int_type", "['body', 'request', 'body', '$length', 'value']",
                    "$length takes an integer or a criterion");
            assertSingleError(ignoreCase, "string_type", "['body', 'request', 'body', '$ignore_case', 'value']",
                    "Input should be a valid string");
            assertSingleError(keyValues, "dict_type", "['body', 'request', 'body', '$key_values', 'key_values']",
                    "key_values must be an object");
            assertSingleError(inclusive, "bool_type",
                    "['body', 'request', 'body', '$between', 'is_inclusive']", "is_inclusive must be a boolean");
        }

        @Test
        void namesTheFullPathOfDeeplyNestedError() {
            HttpResponse<String> response = postStub("{'headers': {'x-a': {'$not': {'value': "
                    + "{'$or': {'items': [{'$eq': {'value': 'a'}}, {'$nope': {}}]}}}}}}");

            assertSingleError(response, "unknown_operator",
                    "['body', 'request', 'headers', 'x-a', '$not', 'value', '$or', 'items', 1, '$nope']",
                    "unknown operator '$nope'");
        }

        @Test
        void storesNothingWhenACriterionIsMalformed() {
            postStub("{'path': '/x', 'body': {'$gt': 5}}");

            JsonNode stubs = stubs(engine, null);

            assertThat(stubs).isEmpty();
        }

        @Test
        void rejectsMalformedCriteriaInAssertions() {
            HttpResponse<String> body = engine.postJson("/__mock__/assert", wire("{'body': {'$gt': 5}}"));
            HttpResponse<String> times = engine.postJson("/__mock__/assert", wire("{'times': {'$nope': {}}}"));
            HttpResponse<String> path = engine.postJson("/__mock__/assert",
                    wire("{'path': {'$regex': {'pattern': '['}}}"));

            assertSingleError(body, "criterion_arguments", "['body', 'body', '$gt']", "$gt takes an argument object");
            assertSingleError(times, "unknown_operator", "['body', 'times', '$nope']", "unknown operator '$nope'");
            assertSingleError(path, "regex_syntax", "['body', 'path', '$regex', 'pattern']",
                    "invalid regular expression '['");
        }
    }

    private static HttpResponse<String> postStub(String singleQuotedRequest) {
        return engine.postJson("/__mock__/stubs", textStub(wire(singleQuotedRequest), "ok"));
    }

    private static JsonNode onlyStub() {
        JsonNode stubs = stubs(engine, null);
        assertThat(stubs).hasSize(1);
        return stubs.get(0);
    }


    private static void assertSingleError(HttpResponse<String> response, String type, String loc, String msgPart) {
        assertThat(response.statusCode()).as("status, body %s", response.body()).isEqualTo(422);
        JsonNode detail = TestEngine.json(response).get("detail");
        assertThat(detail).as("detail of %s", response.body()).hasSize(1);
        assertThat(detail.get(0).get("type").asText()).isEqualTo(type);
        assertThat(detail.get(0).get("loc")).isEqualTo(tree(loc));
        assertThat(detail.get(0).get("msg").asText()).contains(msgPart);
    }
}
