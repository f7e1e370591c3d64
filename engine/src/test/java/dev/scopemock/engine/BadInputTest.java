package dev.scopemock.engine;

import static dev.scopemock.engine.support.TestEngine.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopemock.engine.support.RawHttp;
import dev.scopemock.engine.support.TestEngine;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BadInputTest {

    private static final String REQUEST = "\"request\": {}";
    private static final String ACTION = "\"action\": {\"response\": {\"status_code\": 200, \"headers\": {},"
            + " \"body\": \"x\"}}";

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
    void answersBadRequestForMalformedJsonWithItsOffset() {
        HttpResponse<String> stub = mock.postJson("/__mock__/stubs", "{\n  \"request\": {},\n  \"action\": \n}");
        HttpResponse<String> scope = mock.postJson("/__mock__/scopes", "{\"name\": ");
        HttpResponse<String> verify = mock.postJson("/__mock__/assert", "{'path': '/a'}");

        assertThat(stub.statusCode()).isEqualTo(400);
        assertThat(stub.body()).isEqualTo("{\"detail\":[{\"type\":\"json_invalid\",\"loc\":[\"body\",32],\"msg\":"
                + "\"JSON decode error: Unexpected character ('}' (code 125)): expected a value\"}]}");
        assertThat(scope.statusCode()).isEqualTo(400);
        assertThat(error(scope).get("type").asText()).isEqualTo("json_invalid");
        assertThat(verify.statusCode()).isEqualTo(400);
        assertThat(error(verify).get("type").asText()).isEqualTo("json_invalid");
        assertThat(mock.get("/__mock__/stubs").body()).isEqualTo("{\"stubs\":[]}");
    }

    @Test
    void rejectsNonJsonContentType() {
        HttpResponse<String> response = mock.send("POST", "/__mock__/stubs", "{" + REQUEST + ", " + ACTION + "}",
                "Content-Type", "text/plain");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).isEqualTo("{\"detail\":[{\"type\":\"model_attributes_type\",\"loc\":[\"body\"],"
                + "\"msg\":\"the control API takes JSON: send Content-Type: application/json, found 'text/plain'\"}]}");
    }

    @Test
    void acceptsJsonBodyWithoutContentTypeOrWithJsonSuffixType() {
        HttpResponse<String> none = mock.send("POST", "/__mock__/stubs", "{" + REQUEST + ", " + ACTION + "}");
        HttpResponse<String> suffix = mock.send("POST", "/__mock__/stubs", "{" + REQUEST + ", " + ACTION + "}",
                "Content-Type", "application/vnd.api+json; charset=utf-8");

        assertThat(none.statusCode()).isEqualTo(200);
        assertThat(suffix.statusCode()).isEqualTo(200);
    }

    @Test
    void rejectsEmptyBodyAndNonObjectBody() {
        HttpResponse<String> empty = mock.postJson("/__mock__/stubs", "");
        HttpResponse<String> array = mock.postJson("/__mock__/stubs", "[1]");

        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).isEqualTo("{\"detail\":[{\"type\":\"missing\",\"loc\":[\"body\"],"
                + "\"msg\":\"Field required: the request body must be a JSON object\"}]}");
        assertThat(array.statusCode()).isEqualTo(422);
        assertThat(array.body()).isEqualTo("{\"detail\":[{\"type\":\"model_attributes_type\",\"loc\":[\"body\"],"
                + "\"msg\":\"Input should be a valid dictionary or object to extract fields from\"}]}");
    }

    @Test
    void rejectsMissingRequestAndAction() {
        HttpResponse<String> response = mock.postJson("/__mock__/stubs", "{}");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).isEqualTo("{\"detail\":["
                + "{\"type\":\"missing\",\"loc\":[\"body\",\"request\"],\"msg\":\"Field required\"},"
                + "{\"type\":\"missing\",\"loc\":[\"body\",\"action\"],\"msg\":\"Field required\"}]}");
    }

    @Test
    void rejectsUnknownFieldsNamingThem() {
        HttpResponse<String> top = stub("{" + REQUEST + ", " + ACTION + ", \"max_call\": 1}");
        HttpResponse<String> nested = stub("{\"request\": {\"paht\": \"/a\"}, " + ACTION + "}");
        HttpResponse<String> response = stub("{" + REQUEST + ", \"action\": {\"response\": {\"status_code\": 200,"
                + " \"headers\": {}, \"body\": \"x\", \"status\": 201}}}");
        HttpResponse<String> verify = mock.postJson("/__mock__/assert", "{\"path\": \"/a\", \"time\": 1}");
        HttpResponse<String> scope = mock.postJson("/__mock__/scopes", "{\"name\": \"a\", \"x\": 1}");

        assertThat(top.statusCode()).isEqualTo(422);
        assertThat(top.body()).isEqualTo("{\"detail\":[{\"type\":\"extra_forbidden\",\"loc\":[\"body\",\"max_call\"],"
                + "\"msg\":\"Extra inputs are not permitted: unknown field 'max_call'; allowed fields are [action,"
                + " chaos, id, max_calls, request, scope, stub_id]\"}]}");
        assertThat(locAndType(nested)).isEqualTo("[\"body\",\"request\",\"paht\"] extra_forbidden");
        assertThat(locAndType(response)).isEqualTo("[\"body\",\"action\",\"response\",\"status\"] extra_forbidden");
        assertThat(locAndType(verify)).isEqualTo("[\"body\",\"time\"] extra_forbidden");
        assertThat(error(scope).get("msg").asText()).isEqualTo("Extra inputs are not permitted: unknown field 'x';"
                + " allowed fields are [name, dedicated_port, chaos]");
        assertThat(mock.get("/__mock__/scopes").body()).isEqualTo("{\"scopes\":[],\"details\":[]}");
    }

    @Test
    void rejectsScopeKeyInStubPayload() {
        HttpResponse<String> response = stub("{" + REQUEST + ", " + ACTION + ", \"scope\": \"suite-a\"}");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).isEqualTo("{\"detail\":[{\"type\":\"extra_forbidden\",\"loc\":[\"body\",\"scope\"],"
                + "\"msg\":\"a stub payload must not name its scope: send the scope header with the request instead"
                + " (start-up stubs are always global)\"}]}");
    }

    @Test
    void rejectsUnknownOperatorAndOperatorBesideOtherKeys() {
        HttpResponse<String> unknown = stub("{\"request\": {\"path\": {\"$startswith\": {\"value\": \"/a\"}}}, "
                + ACTION + "}");
        HttpResponse<String> twoKeys = stub("{\"request\": {\"body\": {\"x\": 1, \"$gt\": {\"value\": 2}}}, "
                + ACTION + "}");
        HttpResponse<String> badArgs = stub("{\"request\": {\"query\": {\"n\": {\"$between\": {\"lower\": 1}}}}, "
                + ACTION + "}");

        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(error(unknown).get("loc").toString()).isEqualTo("[\"body\",\"request\",\"path\",\"$startswith\"]");
        assertThat(error(unknown).get("msg").asText()).isEqualTo("unknown operator '$startswith'; known operators are"
                + " [$and, $between, $contains, $contains_exactly, $eq, $even, $exact_key_values, $gt, $gte,"
                + " $ignore_case, $json, $key_values, $length, $lt, $lte, $neq, $not, $odd, $or, $regex, $xor]");
        assertThat(locAndType(twoKeys)).isEqualTo("[\"body\",\"request\",\"body\"] criterion_shape");
        assertThat(twoKeys.statusCode()).isEqualTo(422);
        assertThat(badArgs.statusCode()).isEqualTo(422);
        assertThat(error(badArgs).get("loc").toString())
                .startsWith("[\"body\",\"request\",\"query\",\"n\",\"$between\"");
    }

    @Test
    void rejectsBodyTogetherWithTemplateBodyAndNeither() {
        HttpResponse<String> both = stub("{" + REQUEST + ", \"action\": {\"response\": {\"status_code\": 200,"
                + " \"headers\": {}, \"body\": \"a\", \"template_body\": \"b\"}}}");
        HttpResponse<String> neither = stub("{" + REQUEST + ", \"action\": {\"response\": {\"status_code\": 200,"
                + " \"headers\": {}}}}");

        String expected = "{\"detail\":[{\"type\":\"value_error\",\"loc\":[\"body\",\"action\",\"response\"],"
                + "\"msg\":\"Value error, Exactly one of body or template_body must be provided.\"}]}";
        assertThat(both.statusCode()).isEqualTo(422);
        assertThat(both.body()).isEqualTo(expected);
        assertThat(neither.statusCode()).isEqualTo(422);
        assertThat(neither.body()).isEqualTo(expected);
    }

    @Test
    void rejectsNoActionAndTwoActions() {
        HttpResponse<String> none = stub("{" + REQUEST + ", \"action\": {}}");
        HttpResponse<String> nulls = stub("{" + REQUEST + ", \"action\": {\"response\": null, \"sse\": null}}");
        HttpResponse<String> two = stub("{" + REQUEST + ", \"action\": {\"response\": {\"status_code\": 200,"
                + " \"headers\": {}, \"body\": \"x\"}, \"proxy\": {\"url\": \"http://127.0.0.1:1/\"}}}");

        String expected = "{\"detail\":[{\"type\":\"value_error\",\"loc\":[\"body\",\"action\"],"
                + "\"msg\":\"Value error, Exactly one of response, proxy, or sse must be provided.\"}]}";
        assertThat(List.of(none, nulls, two)).allSatisfy(r -> {
            assertThat(r.statusCode()).isEqualTo(422);
            assertThat(r.body()).isEqualTo(expected);
        });
    }

    @Test
    void rejectsLegacyChaosConnectionDropEvenBesideValidKeys() {
        HttpResponse<String> response = stub("{" + REQUEST + ", " + ACTION + ", \"chaos\": {\"latency\":"
                + " {\"base_ms\": 5}, \"connection_drop\": {\"probability\": 1}}}");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).isEqualTo("{\"detail\":[{\"type\":\"value_error\",\"loc\":[\"body\",\"chaos\"],"
                + "\"msg\":\"Value error, Use chaos.faults.connection_drop instead of chaos.connection_drop\"}]}");
    }

    @Test
    void rejectsInvalidRegex() {
        HttpResponse<String> response = stub("{\"request\": {\"path\": {\"$regex\": {\"pattern\": \"([\"}}}, "
                + ACTION + "}");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).isEqualTo("{\"detail\":[{\"type\":\"regex_syntax\",\"loc\":[\"body\",\"request\","
                + "\"path\",\"$regex\",\"pattern\"],\"msg\":\"invalid regular expression '([': Unclosed character"
                + " class near index 1\"}]}");
    }

    @Test
    void rejectsInvalidTemplate() {
        HttpResponse<String> response = stub("{" + REQUEST + ", \"action\": {\"response\": {\"status_code\": 200,"
                + " \"headers\": {}, \"template_body\": \"{{ request.path \"}}}");
        HttpResponse<String> sse = stub("{" + REQUEST + ", \"action\": {\"sse\": {\"events\": [{\"data\": \"ok\"},"
                + " {\"data\": \"{% if %}\"}]}}}");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).isEqualTo("{\"detail\":[{\"type\":\"template_syntax\",\"loc\":[\"body\",\"action\","
                + "\"response\",\"template_body\"],\"msg\":\"invalid template: Unclosed token (line 1)\"}]}");
        assertThat(sse.statusCode()).isEqualTo(422);
        assertThat(locAndType(sse)).isEqualTo("[\"body\",\"action\",\"sse\",\"events\",1,\"data\"] template_syntax");
    }

    @Test
    void rejectsProbabilityOutsideZeroToOne() {
        List<HttpResponse<String>> responses = new ArrayList<>();

        for (String p : List.of("1.5", "-0.1", "\"NaN\"", "\"2\"", "\"often\"")) {
            responses.add(stub("{" + REQUEST + ", " + ACTION + ", \"chaos\": {\"faults\": {\"connection_drop\":"
                    + " {\"probability\": " + p + "}}}}"));
        }

        assertThat(responses).allSatisfy(r -> {
            assertThat(r.statusCode()).isEqualTo(422);
            assertThat(error(r).get("loc").toString())
                    .isEqualTo("[\"body\",\"chaos\",\"faults\",\"connection_drop\",\"probability\"]");
        });
        assertThat(error(responses.get(0)).get("msg").asText())
                .isEqualTo("Input should be between 0 and 1 (inclusive), found 1.5");
        assertThat(error(responses.get(4)).get("type").asText()).isEqualTo("float_parsing");
    }

    @Test
    void rejectsNegativeDelays() {
        HttpResponse<String> latency = stub("{" + REQUEST + ", " + ACTION + ", \"chaos\": {\"latency\":"
                + " {\"base_ms\": -1, \"jitter_ms\": -2}}}");
        HttpResponse<String> legacy = stub("{" + REQUEST + ", " + ACTION + ", \"chaos\": {\"delay_ms\": -5}}");
        HttpResponse<String> sse = stub("{" + REQUEST + ", \"action\": {\"sse\": {\"default_delay_ms\": -1,"
                + " \"events\": [{\"data\": \"a\", \"delay_ms\": -3, \"retry\": -4}]}}}");

        assertThat(latency.statusCode()).isEqualTo(422);
        assertThat(latency.body()).isEqualTo("{\"detail\":["
                + "{\"type\":\"greater_than_equal\",\"loc\":[\"body\",\"chaos\",\"latency\",\"base_ms\"],"
                + "\"msg\":\"Input should be greater than or equal to 0, found -1\"},"
                + "{\"type\":\"greater_than_equal\",\"loc\":[\"body\",\"chaos\",\"latency\",\"jitter_ms\"],"
                + "\"msg\":\"Input should be greater than or equal to 0, found -2\"}]}");
        assertThat(locAndType(legacy)).isEqualTo("[\"body\",\"chaos\",\"delay_ms\"] greater_than_equal");
        assertThat(json(sse).get("detail")).extracting(e -> e.get("loc").toString()).containsExactly(
                "[\"body\",\"action\",\"sse\",\"default_delay_ms\"]",
                "[\"body\",\"action\",\"sse\",\"events\",0,\"retry\"]",
                "[\"body\",\"action\",\"sse\",\"events\",0,\"delay_ms\"]");
    }

    @Test
    void rejectsBadAndReservedScopeNames() {
        HttpResponse<String> dotted = mock.postJson("/__mock__/scopes", "{\"name\": \"a.b\"}");
        HttpResponse<String> space = mock.postJson("/__mock__/scopes", "{\"name\": \"a b\"}");
        HttpResponse<String> unicode = mock.postJson("/__mock__/scopes", "{\"name\": \"\u00e9t\u00e9\"}");
        HttpResponse<String> tooLong = mock.postJson("/__mock__/scopes", "{\"name\": \"" + "a".repeat(129) + "\"}");
        HttpResponse<String> reserved = mock.postJson("/__mock__/scopes", "{\"name\": \"User-Agent\"}");

        assertThat(locAndType(dotted)).isEqualTo("[\"body\",\"name\"] string_pattern_mismatch");
        assertThat(locAndType(space)).isEqualTo("[\"body\",\"name\"] string_pattern_mismatch");
        assertThat(locAndType(unicode)).isEqualTo("[\"body\",\"name\"] string_pattern_mismatch");
        assertThat(error(tooLong).get("msg").asText())
                .isEqualTo("a scope name must have at most 128 characters, found 129");
        assertThat(reserved.statusCode()).isEqualTo(422);
        assertThat(error(reserved).get("msg").asText()).isEqualTo("the scope name 'User-Agent' is reserved: it is a"
                + " common HTTP header name and would capture unrelated traffic; choose another name");
        assertThat(mock.get("/__mock__/scopes").body()).isEqualTo("{\"scopes\":[],\"details\":[]}");
    }

    @Test
    void rejectsStatusCodeOutOfRangeOrNotInteger() {
        HttpResponse<String> low = stub(withStatus("99"));
        HttpResponse<String> informational = stub(withStatus("100"));
        HttpResponse<String> high = stub(withStatus("600"));
        HttpResponse<String> text = stub(withStatus("\"ok\""));
        HttpResponse<String> fraction = stub(withStatus("200.5"));
        HttpResponse<String> bool = stub(withStatus("true"));

        assertThat(low.body()).isEqualTo("{\"detail\":[{\"type\":\"status_range\",\"loc\":[\"body\",\"action\","
                + "\"response\",\"status_code\"],\"msg\":\"status_code must be between 200 and 599"
                + " (a 1xx status cannot end a response), found 99\"}]}");
        assertThat(locAndType(informational))
                .isEqualTo("[\"body\",\"action\",\"response\",\"status_code\"] status_range");
        assertThat(locAndType(high)).isEqualTo("[\"body\",\"action\",\"response\",\"status_code\"] status_range");
        assertThat(locAndType(text)).isEqualTo("[\"body\",\"action\",\"response\",\"status_code\"] int_parsing");
        assertThat(locAndType(fraction)).isEqualTo("[\"body\",\"action\",\"response\",\"status_code\"] int_parsing");
        assertThat(locAndType(bool)).isEqualTo("[\"body\",\"action\",\"response\",\"status_code\"] int_parsing");
    }

    @Test
    void rejectsMaxCallsThatIsNotAnInteger() {
        HttpResponse<String> text = stub("{" + REQUEST + ", " + ACTION + ", \"max_calls\": \"many\"}");
        HttpResponse<String> fraction = stub("{" + REQUEST + ", " + ACTION + ", \"max_calls\": 1.5}");
        HttpResponse<String> array = stub("{" + REQUEST + ", " + ACTION + ", \"max_calls\": [1]}");

        assertThat(text.statusCode()).isEqualTo(422);
        assertThat(text.body()).isEqualTo("{\"detail\":[{\"type\":\"int_parsing\",\"loc\":[\"body\",\"max_calls\"],"
                + "\"msg\":\"Input should be a valid integer, found a string\"}]}");
        assertThat(error(fraction).get("msg").asText()).isEqualTo("Input should be a valid integer, found a number"
                + " (1.5)");
        assertThat(locAndType(array)).isEqualTo("[\"body\",\"max_calls\"] int_parsing");
    }

    @Test
    void rejectsWrongMatcherTypesWithOneEntryPerAlternative() {
        HttpResponse<String> path = stub("{\"request\": {\"path\": 5}, " + ACTION + "}");
        HttpResponse<String> headers = stub("{\"request\": {\"headers\": \"x-a: 1\"}, " + ACTION + "}");

        assertThat(json(path).get("detail")).extracting(e -> e.get("loc").toString() + " " + e.get("type").asText())
                .containsExactly("[\"body\",\"request\",\"path\",\"str\"] string_type",
                        "[\"body\",\"request\",\"path\",\"dict[any,any]\"] dict_type");
        assertThat(locAndType(headers)).isEqualTo("[\"body\",\"request\",\"headers\"] dict_type");
    }

    @Test
    void acceptsLenientIntegerCoercion() {
        String fromString = mock.addStub(null, "{\"request\": {\"path\": \"/s\"}, \"action\": {\"response\":"
                + " {\"status_code\": \"201\", \"headers\": {}, \"body\": \"s\"}}, \"max_calls\": \"2\"}");
        String fromFloat = mock.addStub(null, "{\"request\": {\"path\": \"/f\"}, \"action\": {\"response\":"
                + " {\"status_code\": 201.0, \"headers\": {}, \"body\": \"f\"}}, \"max_calls\": 1.0,"
                + " \"chaos\": {\"latency\": {\"base_ms\": \"0\", \"jitter_ms\": 0.0}}}");

        HttpResponse<String> s = mock.get("/s");
        HttpResponse<String> f = mock.get("/f");

        assertThat(s.statusCode()).isEqualTo(201);
        assertThat(f.statusCode()).isEqualTo(201);
        JsonNode stubs = json(mock.get("/__mock__/stubs")).get("stubs");
        assertThat(stubs.get(0).get("stub_id").asText()).isEqualTo(fromString);
        assertThat(stubs.get(0).get("max_calls").asInt()).isEqualTo(2);
        assertThat(stubs.get(1).get("stub_id").asText()).isEqualTo(fromFloat);
        assertThat(stubs.get(1).get("action").get("response").get("status_code").toString()).isEqualTo("201");
        assertThat(stubs.get(1).get("max_calls").toString()).isEqualTo("1");
    }

    @Test
    void answersPayloadTooLargeAndBadRequestForUnreadableBodies() {
        mock.close();
        mock = TestEngine.start(new EngineOptions("127.0.0.1", 0, 100, 10, List.of()));

        HttpResponse<String> declared = mock.send("POST", "/big", "01234567890123456789");
        String chunked = RawHttp.exchange(mock.port(), "POST /big HTTP/1.1\r\nHost: localhost\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n8\r\n01234567\r\n8\r\n01234567\r\n0\r\n\r\n");
        String badChunk = RawHttp.exchange(mock.port(), "POST /x HTTP/1.1\r\nHost: localhost\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\nabc\r\n0\r\n\r\n");

        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(declared.body()).isEqualTo("{\"error\":\"REQUEST_BODY_TOO_LARGE\","
                + "\"detail\":\"the request body exceeds the limit of 10 bytes\"}");
        assertThat(chunked).startsWith("HTTP/1.1 413 ").endsWith("\"detail\":\"the request body exceeds the limit"
                + " of 10 bytes\"}");
        assertThat(badChunk).startsWith("HTTP/1.1 400 ");
        assertThat(mock.get("/__mock__/requests").body()).isEqualTo("{\"requests\":[],\"evicted\":0}");
    }

    @Test
    void answersRequestsJettyRejectsWithJsonErrors() {
        String badEncoding = RawHttp.exchange(mock.port(), "GET /a%zzb HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n");
        String badVersion = RawHttp.exchange(mock.port(), "GET / HTTP/7.3\r\nHost: localhost\r\n\r\n");

        assertThat(badEncoding).startsWith("HTTP/1.1 400 ").contains("Content-Type: application/json")
                .contains("{\"error\":\"HTTP_400\",\"detail\":");
        assertThat(badVersion).contains(" 505 ").contains("{\"error\":\"HTTP_505\"");
        assertThat(mock.get("/__mock__").statusCode()).isEqualTo(200);
    }

    @Test
    void survivesGarbagePayloadsAndGarbageTraffic() {
        mock.createScope("suite-a");
        mock.addStub("suite-a", "{\"request\": {\"path\": \"/kept\"}, " + ACTION + "}");
        mock.get("/kept", "suite-a", "1");
        mock.send("POST", "/kept", "second", "suite-a", "1");
        String before = mock.get("/__mock__/requests", "suite-a", "1").body();
        List<Integer> controlStatuses = new ArrayList<>();

        for (String garbage : garbagePayloads()) {
            for (String endpoint : List.of("/__mock__/stubs", "/__mock__/assert", "/__mock__/scopes")) {
                controlStatuses.add(mock.postJson(endpoint, garbage).statusCode());
            }
        }
        List<String> rawAnswers = new ArrayList<>();
        for (byte[] junk : garbageTraffic()) {
            rawAnswers.add(RawHttp.exchange(mock.port(), junk, 500));
        }

        assertThat(controlStatuses).allSatisfy(status -> assertThat(status).isBetween(400, 499));
        assertThat(rawAnswers).allSatisfy(answer -> assertThat(answer).doesNotStartWith("HTTP/1.1 500")
                .doesNotContain("ENGINE_ERROR"));
        assertThat(rawAnswers.get(5)).startsWith("HTTP/1.1 505 ");
        assertThat(mock.get("/kept", "suite-a", "1").body()).isEqualTo("x");
        assertThat(mock.get("/__mock__").statusCode()).isEqualTo(200);
        String after = mock.get("/__mock__/requests", "suite-a", "1").body();
        assertThat(after).startsWith(before.substring(0, before.length() - "],\"evicted\":0}".length()));
        JsonNode requests = json(mock.get("/__mock__/requests", "suite-a", "1")).get("requests");
        assertThat(requests).extracting(r -> r.get("method").asText() + " " + r.get("path").asText()
                + " " + r.get("body").asText()).startsWith("GET /kept ", "POST /kept second", "GET /kept ");
    }

    private static List<String> garbagePayloads() {
        List<String> payloads = new ArrayList<>(List.of("", "null", "true", "42", "\"text\"", "[]", "[{}]", "{",
                "}", "{\"a\":}", "{\"request\": []}", "{\"request\": {}, \"action\": []}",
                "{\"request\": {\"body\": {\"$json\": 5}}, \"action\": {\"response\": {}}}",
                "{\"request\": {\"headers\": {\"a\": [1, {\"$eq\": null}]}}, \"action\": {\"sse\": {\"events\": {}}}}",
                "{\"request\": {\"path\": {\"$and\": {\"items\": [1, 2]}}}, \"action\": {\"proxy\": {\"url\": 5}}}",
                "{\"request\": {\"path\": {\"$not\": {}}}, \"action\": {\"proxy\": {\"url\": \"ftp://x\"}}}",
                "{\"request\": {}, \"action\": {\"response\": {\"status_code\": 1e400, \"headers\": {\"\": \"x\"},"
                        + " \"body\": \"x\"}}, \"max_calls\": 1e30}",
                "{\"request\": {}, \"action\": {\"response\": {\"status_code\": 200, \"headers\": {\"a\":"
                        + " \"x\\r\\nInjected: 1\"}, \"body\": \"x\"}}}",
                "{\"request\": {}, \"action\": {\"sse\": {\"events\": [{\"data\": 1, \"id\": \"a\\nb\"}]}}}",
                "{\"times\": \"x\", \"name\": 5, \"path\": []}",
                "{\"name\": \"" + "x".repeat(10_000) + "\"}",
                "[".repeat(5_000) + "]".repeat(5_000),
                "{\"a\": \"\\ud800\"}",
                "\u0000\u0001\u0002"));
        Random random = new Random(42);
        for (int i = 0; i < 20; i++) {
            byte[] bytes = new byte[1 + random.nextInt(200)];
            random.nextBytes(bytes);
            payloads.add(new String(bytes, StandardCharsets.ISO_8859_1));
        }
        return payloads;
    }

    private static List<byte[]> garbageTraffic() {
        Random random = new Random(7);
        List<byte[]> traffic = new ArrayList<>();
        byte[] junk = new byte[4096];
        random.nextBytes(junk);
        traffic.add(junk);
        traffic.add(ascii("GET /kept HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(70_000) + "\r\n\r\n"));
        traffic.add(ascii("G@T /kept HTTP/1.1\r\nHost: x\r\n\r\n"));
        traffic.add(ascii("TRACE /kept HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
        traffic.add(ascii("BREW /kept HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
        traffic.add(ascii("GET /kept HTTP/9.9\r\nHost: x\r\n\r\n"));
        traffic.add(ascii("GET /%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
        traffic.add(ascii("GET /kept HTTP/1.1\r\nHost: x\r\nbroken header\r\n\r\n"));
        traffic.add(ascii("GET /kept HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n"));
        traffic.add(ascii("POST /kept HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nabc"));
        traffic.add(ascii("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"));
        traffic.add(ascii("\r\n\r\n\r\n"));
        traffic.add(ascii("DELETE /__mock__/scopes/x%00y HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
        traffic.add(ascii("POST /__mock__/stubs HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\nffffffffff\r\n{\r\n0\r\n\r\n"));
        return traffic;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private HttpResponse<String> stub(String json) {
        return mock.postJson("/__mock__/stubs", json);
    }

    private static String withStatus(String status) {
        return "{" + REQUEST + ", \"action\": {\"response\": {\"status_code\": " + status + ", \"headers\": {},"
                + " \"body\": \"x\"}}}";
    }

    private static JsonNode error(HttpResponse<String> response) {
        return json(response).get("detail").get(0);
    }

    private static String locAndType(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode error = error(response);
        return error.get("loc").toString() + " " + error.get("type").asText();
    }
}
