package dev.scopemock.engine;

import static dev.scopemock.engine.support.ControlCalls.requests;
import static dev.scopemock.engine.support.ControlCalls.textStub;
import static dev.scopemock.engine.support.ControlCalls.wire;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopemock.engine.support.ControlCalls;
import dev.scopemock.engine.support.RawHttp;
import dev.scopemock.engine.support.TestEngine;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The 21 criteria operators of PROTOCOL.md §6, each with a matching case, a non-matching case and a subject the
 * operator cannot evaluate (§17 row 6: the stub does not match, the request is recorded, never a 500), over a real
 * engine. Most criteria are applied to the body of {@code POST /subject}, through {@code $json} when the subject
 * is a JSON value; some to a header or query value. It is long on purpose: one nested class per operator keeps the
 * whole language in one catalogue, with failures reported as {@code CriteriaOperatorsTest$Gt} and so on.
 */
class CriteriaOperatorsTest {

    private static final String MATCHED = "matched";
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
    class Eq {

        @Test
        void matchesEqualNumberWrittenAsDecimal() {
            givenBodyStub(asJson(wire("{'$eq': {'value': 1}}")));

            HttpResponse<String> response = postSubject("1.0");

            assertServed(response);
        }

        @Test
        void doesNotMatchOtherNumber() {
            givenBodyStub(asJson(wire("{'$eq': {'value': 1}}")));

            HttpResponse<String> response = postSubject("2");

            assertNotServed(response);
        }

        @Test
        void comparesRawBodyTextWithoutJson() {
            givenBodyStub(wire("{'$eq': {'value': 'hello'}}"));

            HttpResponse<String> response = postSubject("hello");

            assertServed(response);
        }

        @Test
        void neverEqualsBooleanToNumber() {
            engine.addStub(null, textStub("{\"path\":\"/subject\",\"body\":" + asJson(wire("{'$eq': {'value': 1}}"))
                    + "}", "one"));
            engine.addStub(null, textStub("{\"path\":\"/subject\",\"body\":"
                    + asJson(wire("{'$eq': {'value': true}}")) + "}", "true"));

            HttpResponse<String> oneBody = postSubject("1");
            HttpResponse<String> trueBody = postSubject("true");

            assertThat(oneBody.body()).isEqualTo("one");
            assertThat(trueBody.body()).isEqualTo("true");
            assertThat(bodyAssertion(asJson(wire("{'$eq': {'value': 1}}")), 1)).isTrue();
            assertThat(bodyAssertion(asJson(wire("{'$eq': {'value': true}}")), 1)).isTrue();
        }

        @Test
        void stringOfOtherJsonTypeNeverEqualsNumber() {
            givenBodyStub(asJson(wire("{'$eq': {'value': 1}}")));

            HttpResponse<String> response = postSubject("\"1\"");

            assertNotServedButRecorded(response, "\"1\"");
            assertThat(bodyAssertion(asJson(wire("{'$eq': {'value': 1}}")), 1)).isFalse();
        }

        @Test
        void evaluatesCriteriaNestedInTheLiteral() {
            givenBodyStub(asJson(wire("{'$eq': {'value': {'amount': {'$gt': {'value': 10}}, 'currency': 'EUR'}}}")));

            HttpResponse<String> match = postSubject(wire("{'currency': 'EUR', 'amount': 42}"));
            HttpResponse<String> tooSmall = postSubject(wire("{'currency': 'EUR', 'amount': 10}"));
            HttpResponse<String> extraKey = postSubject(wire("{'currency': 'EUR', 'amount': 42, 'x': 1}"));

            assertServed(match);
            assertNotServed(tooSmall);
            assertNotServed(extraKey);
        }

        @Test
        void nestedCriterionThatCannotEvaluateMakesTheStubMiss() {
            givenBodyStub(asJson(wire("{'$eq': {'value': {'amount': {'$gt': {'value': 10}}}}}")));

            HttpResponse<String> response = postSubject(wire("{'amount': 'many'}"));

            assertNotServedButRecorded(response, wire("{'amount': 'many'}"));
        }
    }

    @Nested
    class Neq {

        @Test
        void matchesDifferentNumber() {
            givenBodyStub(asJson(wire("{'$neq': {'value': 3}}")));

            HttpResponse<String> response = postSubject("4");

            assertServed(response);
        }

        @Test
        void doesNotMatchEqualNumberWrittenAsDecimal() {
            givenBodyStub(asJson(wire("{'$neq': {'value': 3}}")));

            HttpResponse<String> response = postSubject("3.0");

            assertNotServed(response);
        }

        @Test
        void treatsBooleanAsDifferentFromOne() {
            givenBodyStub(asJson(wire("{'$neq': {'value': 1}}")));

            HttpResponse<String> response = postSubject("true");

            assertServed(response);
        }

        @Test
        void nestedCriterionThatCannotEvaluateMakesTheStubMiss() {
            givenBodyStub(asJson(wire("{'$neq': {'value': {'a': {'$gt': {'value': 1}}}}}")));

            HttpResponse<String> response = postSubject(wire("{'a': 'text'}"));

            assertNotServedButRecorded(response, wire("{'a': 'text'}"));
            assertThat(bodyAssertion(asJson(wire("{'$neq': {'value': {'a': {'$gt': {'value': 1}}}}}")), 1))
                    .isFalse();
        }
    }

    @Nested
    class Gt {

        @Test
        void matchesGreaterNumber() {
            givenBodyStub(asJson(wire("{'$gt': {'value': 5}}")));

            HttpResponse<String> response = postSubject("7");

            assertServed(response);
        }

        @Test
        void doesNotMatchEqualNumber() {
            givenBodyStub(asJson(wire("{'$gt': {'value': 5}}")));

            HttpResponse<String> response = postSubject("5.0");

            assertNotServed(response);
        }

        @Test
        void comparesDecimalWithInteger() {
            givenBodyStub(asJson(wire("{'$gt': {'value': 1}}")));

            HttpResponse<String> response = postSubject("1.5");

            assertServed(response);
        }

        @Test
        void comparesHeaderTextByCodePoint() {
            givenHeaderStub(wire("{'$gt': {'value': '3'}}"));

            HttpResponse<String> five = getSubjectWithHeaders("5");
            HttpResponse<String> ten = getSubjectWithHeaders("10");

            assertServed(five);
            assertNotServed(ten);
        }

        @Test
        void numberBoundCannotEvaluateHeaderText() {
            givenHeaderStub(wire("{'$gt': {'value': 3}}"));

            HttpResponse<String> response = getSubjectWithHeaders("5");

            assertNotServedButRecorded(response, "");
            assertThat(engine.confirm(null,
                    wire("{'path': '/subject', 'headers': {'x-subject': {'$gt': {'value': 3}}}}"))).isFalse();
        }

        @Test
        void booleanIsNotANumber() {
            givenBodyStub(asJson(wire("{'$gt': {'value': 0}}")));

            HttpResponse<String> response = postSubject("true");

            assertNotServedButRecorded(response, "true");
        }
    }

    @Nested
    class Gte {

        @Test
        void matchesEqualNumber() {
            givenBodyStub(asJson(wire("{'$gte': {'value': 5}}")));

            HttpResponse<String> response = postSubject("5.0");

            assertServed(response);
        }

        @Test
        void doesNotMatchSmallerNumber() {
            givenBodyStub(asJson(wire("{'$gte': {'value': 5}}")));

            HttpResponse<String> response = postSubject("4.999");

            assertNotServed(response);
        }

        @Test
        void numberBoundCannotEvaluateString() {
            givenBodyStub(asJson(wire("{'$gte': {'value': 5}}")));

            HttpResponse<String> response = postSubject("\"abc\"");

            assertNotServedButRecorded(response, "\"abc\"");
            assertThat(bodyAssertion(asJson(wire("{'$gte': {'value': 5}}")), 1)).isFalse();
        }
    }

    @Nested
    class Lt {

        @Test
        void matchesSmallerNumber() {
            givenBodyStub(asJson(wire("{'$lt': {'value': 5}}")));

            HttpResponse<String> response = postSubject("4");

            assertServed(response);
        }

        @Test
        void doesNotMatchEqualNumber() {
            givenBodyStub(asJson(wire("{'$lt': {'value': 5}}")));

            HttpResponse<String> response = postSubject("5");

            assertNotServed(response);
        }

        @Test
        void comparesArraysLexicographically() {
            givenBodyStub(asJson(wire("{'$lt': {'value': [1, 3]}}")));

            HttpResponse<String> smaller = postSubject("[1, 2, 9]");
            HttpResponse<String> greater = postSubject("[1, 4]");

            assertServed(smaller);
            assertNotServed(greater);
        }

        @Test
        void numberBoundCannotEvaluateArray() {
            givenBodyStub(asJson(wire("{'$lt': {'value': 5}}")));

            HttpResponse<String> response = postSubject("[1]");

            assertNotServedButRecorded(response, "[1]");
        }
    }

    @Nested
    class Lte {

        @Test
        void matchesEqualNumber() {
            givenBodyStub(asJson(wire("{'$lte': {'value': 5}}")));

            HttpResponse<String> response = postSubject("5");

            assertServed(response);
        }

        @Test
        void doesNotMatchGreaterNumber() {
            givenBodyStub(asJson(wire("{'$lte': {'value': 5}}")));

            HttpResponse<String> response = postSubject("6");

            assertNotServed(response);
        }

        @Test
        void numberBoundCannotEvaluateNull() {
            givenBodyStub(asJson(wire("{'$lte': {'value': 5}}")));

            HttpResponse<String> response = postSubject("null");

            assertNotServedButRecorded(response, "null");
        }
    }

    @Nested
    class Between {

        @Test
        void includesBothBoundsByDefault() {
            givenBodyStub(asJson(wire("{'$between': {'lower': 1, 'upper': 3}}")));

            HttpResponse<String> lower = postSubject("1");
            HttpResponse<String> middle = postSubject("2.5");
            HttpResponse<String> upper = postSubject("3.0");

            assertServed(lower);
            assertServed(middle);
            assertServed(upper);
        }

        @Test
        void doesNotMatchOutsideTheBounds() {
            givenBodyStub(asJson(wire("{'$between': {'lower': 1, 'upper': 3, 'is_inclusive': true}}")));

            HttpResponse<String> below = postSubject("0.5");
            HttpResponse<String> above = postSubject("3.01");

            assertNotServed(below);
            assertNotServed(above);
        }

        @Test
        void exclusiveExcludesTheBounds() {
            givenBodyStub(asJson(wire("{'$between': {'lower': 1, 'upper': 3, 'is_inclusive': false}}")));

            HttpResponse<String> lower = postSubject("1");
            HttpResponse<String> upper = postSubject("3");
            HttpResponse<String> middle = postSubject("2");

            assertNotServed(lower);
            assertNotServed(upper);
            assertServed(middle);
        }

        @Test
        void numberBoundsCannotEvaluateString() {
            givenBodyStub(asJson(wire("{'$between': {'lower': 1, 'upper': 3}}")));

            HttpResponse<String> response = postSubject("\"2\"");

            assertNotServedButRecorded(response, "\"2\"");
        }
    }

    @Nested
    class And {

        private static final String ONE_TO_FIVE_BUT_THREE = "{'$and': {'items': [{'$and': {'items': "
                + "[{'$gt': {'value': 1}}, {'$lt': {'value': 5}}]}}, {'$neq': {'value': 3}}]}}";

        @Test
        void matchesWhenEveryItemMatches() {
            givenBodyStub(asJson(wire(ONE_TO_FIVE_BUT_THREE)));

            HttpResponse<String> response = postSubject("4");

            assertServed(response);
        }

        @Test
        void doesNotMatchWhenOneItemFails() {
            givenBodyStub(asJson(wire(ONE_TO_FIVE_BUT_THREE)));

            HttpResponse<String> response = postSubject("3");

            assertNotServed(response);
        }

        @Test
        void emptyItemsMatchEverything() {
            givenBodyStub(wire("{'$and': {'items': []}}"));

            HttpResponse<String> response = postSubject("anything");

            assertServed(response);
        }

        @Test
        void itemThatCannotEvaluateMakesTheStubMiss() {
            givenBodyStub(asJson(wire(ONE_TO_FIVE_BUT_THREE)));

            HttpResponse<String> response = postSubject("\"abc\"");

            assertNotServedButRecorded(response, "\"abc\"");
        }
    }

    @Nested
    class Or {

        private static final String NEGATIVE_OR_TWENTY = "{'$or': {'items': [{'$lt': {'value': 0}}, "
                + "{'$eq': {'value': 20}}]}}";

        @Test
        void matchesWhenOneItemMatches() {
            givenBodyStub(asJson(wire(NEGATIVE_OR_TWENTY)));

            HttpResponse<String> twenty = postSubject("20");
            HttpResponse<String> negative = postSubject("-1");

            assertServed(twenty);
            assertServed(negative);
        }

        @Test
        void doesNotMatchWhenNoItemMatches() {
            givenBodyStub(asJson(wire(NEGATIVE_OR_TWENTY)));

            HttpResponse<String> response = postSubject("5");

            assertNotServed(response);
        }

        @Test
        void emptyItemsMatchNothing() {
            givenBodyStub(wire("{'$or': {'items': []}}"));

            HttpResponse<String> response = postSubject("anything");

            assertNotServed(response);
        }

        @Test
        void itemsThatCannotEvaluateMakeTheStubMiss() {
            givenBodyStub(asJson(wire("{'$or': {'items': [{'$gt': {'value': 10}}, {'$lt': {'value': 0}}]}}")));

            HttpResponse<String> response = postSubject("\"abc\"");

            assertNotServedButRecorded(response, "\"abc\"");
        }
    }

    @Nested
    class Xor {

        private static final String ONE_XOR_ABOVE_TWO = "{'$xor': {'left': {'$eq': {'value': 1}}, "
                + "'right': {'$gt': {'value': 2}}}}";

        @Test
        void matchesWhenExactlyOneSideMatches() {
            givenBodyStub(asJson(wire(ONE_XOR_ABOVE_TWO)));

            HttpResponse<String> left = postSubject("1");
            HttpResponse<String> right = postSubject("3");

            assertServed(left);
            assertServed(right);
        }

        @Test
        void doesNotMatchWhenBothOrNeitherMatch() {
            givenBodyStub(asJson(wire("{'$xor': {'left': {'$gt': {'value': 0}}, 'right': {'$lt': {'value': 10}}}}")));

            HttpResponse<String> both = postSubject("5");
            HttpResponse<String> neither = postSubject("\"x\"");

            assertNotServed(both);
            assertNotServed(neither);
        }

        @Test
        void sideThatCannotEvaluateMakesTheStubMiss() {
            givenBodyStub(asJson(wire(ONE_XOR_ABOVE_TWO)));

            HttpResponse<String> response = postSubject("\"abc\"");

            assertNotServedButRecorded(response, "\"abc\"");
        }
    }

    @Nested
    class Not {

        @Test
        void matchesWhenInnerCriterionFails() {
            givenBodyStub(asJson(wire("{'$not': {'value': {'$eq': {'value': 1}}}}")));

            HttpResponse<String> response = postSubject("2");

            assertServed(response);
        }

        @Test
        void doesNotMatchWhenInnerCriterionMatches() {
            givenBodyStub(asJson(wire("{'$not': {'value': {'$eq': {'value': 1}}}}")));

            HttpResponse<String> response = postSubject("1.0");

            assertNotServed(response);
        }

        @Test
        void innerCriterionThatCannotEvaluateDoesNotSilentlyMatch() {
            givenBodyStub(asJson(wire("{'$not': {'value': {'$gt': {'value': 1}}}}")));

            HttpResponse<String> response = postSubject("\"abc\"");

            assertNotServedButRecorded(response, "\"abc\"");
            assertThat(bodyAssertion(asJson(wire("{'$not': {'value': {'$gt': {'value': 1}}}}")), 1)).isFalse();
        }
    }

    @Nested
    class Json {

        @Test
        void literalInnerCriteriaMeansJsonEquality() {
            givenBodyStub(wire("{'$json': {'inner_criteria': {'a': 1, 'b': [true, null]}}}"));

            HttpResponse<String> response = postSubject(wire("{'b': [true, null], 'a': 1.0}"));

            assertServed(response);
        }

        @Test
        void canonicalInnerEqualityRejectsExtraKeys() {
            givenBodyStub(wire("{'$json': {'inner_criteria': {'$eq': {'value': {'a': 1}}}}}"));

            HttpResponse<String> exact = postSubject(wire("{'a': 1}"));
            HttpResponse<String> extra = postSubject(wire("{'a': 1, 'x': 2}"));

            assertServed(exact);
            assertNotServed(extra);
        }

        @Test
        void appliesInnerCriterionToParsedHeaderValue() {
            givenHeaderStub(wire("{'$json': {'inner_criteria': {'$gt': {'value': 2}}}}"));

            HttpResponse<String> three = getSubjectWithHeaders("3");
            HttpResponse<String> two = getSubjectWithHeaders("2");

            assertServed(three);
            assertNotServed(two);
        }

        @Test
        void cannotEvaluateTextThatIsNotJson() {
            givenBodyStub(wire("{'$json': {'inner_criteria': {'a': 1}}}"));

            HttpResponse<String> response = postSubject("not json");

            assertNotServedButRecorded(response, "not json");
            assertThat(bodyAssertion(wire("{'$json': {'inner_criteria': {'a': 1}}}"), 1)).isFalse();
        }

        @Test
        void cannotEvaluateEmptyBody() {
            givenBodyStub(wire("{'$json': {'inner_criteria': {'a': 1}}}"));

            HttpResponse<String> response = engine.get("/subject");

            assertNotServedButRecorded(response, "");
        }

        @Test
        void cannotEvaluateBodyThatIsNotUtf8() {
            givenBodyStub(wire("{'$json': {'inner_criteria': 1}}"));

            String raw = RawHttp.exchange(engine.port(), postWithBytes(new byte[] {(byte) 0xff, (byte) 0xfe}),
                    5_000);

            assertThat(raw).startsWith("HTTP/1.1 404 ").endsWith("NO_STUB_MATCH_FOUND");
            assertThat(requests(engine, null)).hasSize(1);
            assertThat(requests(engine, null).get(0).get("matched_stub_id").isNull()).isTrue();
            assertThat(requests(engine, null).get(0).get("body_encoding").asText()).isEqualTo("base64");
        }
    }

    @Nested
    class Contains {

        @Test
        void findsSubstringOfStringWithShortAndCanonicalItems() {
            givenBodyStub(wire("{'$contains': {'items': ['lo w', {'$eq': {'value': 'world'}}]}}"));

            HttpResponse<String> response = postSubject("hello world");

            assertServed(response);
        }

        @Test
        void doesNotMatchWhenOneSubstringIsMissing() {
            givenBodyStub(wire("{'$contains': {'items': ['hello', 'xyz']}}"));

            HttpResponse<String> response = postSubject("hello world");

            assertNotServed(response);
        }

        @Test
        void findsArrayElementsByLiteralOrCriterion() {
            givenBodyStub(asJson(wire("{'$contains': {'items': [2, {'$gt': {'value': 2}}]}}")));

            HttpResponse<String> both = postSubject("[1, 2, 3]");
            HttpResponse<String> noneAboveTwo = postSubject("[1, 2]");

            assertServed(both);
            assertNotServed(noneAboveTwo);
        }

        @Test
        void findsObjectKeysNotValues() {
            givenBodyStub(asJson(wire("{'$contains': {'items': ['a']}}")));

            HttpResponse<String> key = postSubject(wire("{'a': 5, 'b': 1}"));
            HttpResponse<String> value = postSubject(wire("{'b': 'a'}"));

            assertServed(key);
            assertNotServed(value);
        }

        @Test
        void cannotEvaluateNumber() {
            givenBodyStub(asJson(wire("{'$contains': {'items': [5]}}")));

            HttpResponse<String> response = postSubject("5");

            assertNotServedButRecorded(response, "5");
        }
    }

    @Nested
    class ContainsExactly {

        @Test
        void matchesSameElementsInOrder() {
            givenBodyStub(asJson(wire("{'$contains_exactly': {'items': [1, {'$eq': {'value': 'a'}}]}}")));

            HttpResponse<String> response = postSubject("[1.0, \"a\"]");

            assertServed(response);
        }

        @Test
        void doesNotMatchOtherOrderOrLength() {
            givenBodyStub(asJson(wire("{'$contains_exactly': {'items': [1, 'a']}}")));

            HttpResponse<String> reordered = postSubject("[\"a\", 1]");
            HttpResponse<String> longer = postSubject("[1, \"a\", 2]");

            assertNotServed(reordered);
            assertNotServed(longer);
        }

        @Test
        void matchesObjectKeysInOrder() {
            givenBodyStub(asJson(wire("{'$contains_exactly': {'items': ['a', {'$regex': {'pattern': 'b'}}]}}")));

            HttpResponse<String> inOrder = postSubject(wire("{'a': 1, 'b': 2}"));
            HttpResponse<String> reversed = postSubject(wire("{'b': 2, 'a': 1}"));

            assertServed(inOrder);
            assertNotServed(reversed);
        }

        @Test
        void cannotEvaluateNumber() {
            givenBodyStub(asJson(wire("{'$contains_exactly': {'items': [1]}}")));

            HttpResponse<String> response = postSubject("1");

            assertNotServedButRecorded(response, "1");
        }
    }

    @Nested
    class Regex {

        @Test
        void matchesAtTheStartWithoutReachingTheEnd() {
            givenBodyStub(wire("{'$regex': {'pattern': '\\\\d+'}}"));

            HttpResponse<String> response = postSubject("123abc");

            assertServed(response);
        }

        @Test
        void isAnchoredAtTheStart() {
            givenBodyStub(wire("{'$regex': {'pattern': 'bc'}}"));

            HttpResponse<String> response = postSubject("abc");

            assertNotServed(response);
        }

        @Test
        void acceptsPythonNamedGroupsAndBackreferences() {
            givenBodyStub(wire("{'$regex': {'pattern': '(?P<id>[0-9]+)-(?P=id)$'}}"));

            HttpResponse<String> same = postSubject("42-42");
            HttpResponse<String> different = postSubject("42-43");

            assertServed(same);
            assertNotServed(different);
        }

        @Test
        void acceptsPythonGroupNamesWithUnderscoresAndDigits() {
            givenBodyStub(wire("{'$regex': {'pattern': '(?P<order_id2>[0-9]+)/(?P=order_id2)'}}"));

            HttpResponse<String> response = postSubject("7/7");

            assertServed(response);
        }

        @Test
        void pythonEndOfStringDoesNotMatchBeforeTrailingNewline() {
            givenBodyStub(wire("{'$regex': {'pattern': 'abc\\\\Z'}}"));

            HttpResponse<String> exact = postSubject("abc");
            HttpResponse<String> trailingNewline = postSubject("abc\n");

            assertServed(exact);
            assertNotServed(trailingNewline);
        }

        @Test
        void usesPythonUnicodeClassesAndNewlineOnlyLineEnds() {
            givenBodyStub(wire("{'$regex': {'pattern': '\\\\w+ .\\\\d$'}}"));

            HttpResponse<String> unicode = postSubject("caf\u00e9 \r\u0665");
            HttpResponse<String> newline = postSubject("cafe \n1");

            assertServed(unicode);
            assertNotServed(newline);
        }

        @Test
        void cannotEvaluateNumber() {
            givenBodyStub(asJson(wire("{'$regex': {'pattern': '1'}}")));

            HttpResponse<String> response = postSubject("123");

            assertNotServedButRecorded(response, "123");
        }
    }

    @Nested
    class Length {

        @Test
        void countsCodePointsOfStringWithShortForm() {
            givenBodyStub(wire("{'$length': {'value': 6}}"));

            HttpResponse<String> response = postSubject("h\u20acllo\uD83D\uDE00");

            assertServed(response);
        }

        @Test
        void countsArrayEntriesWithCanonicalForm() {
            givenBodyStub(asJson(wire("{'$length': {'value': {'$eq': {'value': 3}}}}")));

            HttpResponse<String> three = postSubject("[1, 2, 3]");
            HttpResponse<String> two = postSubject("[1, 2]");

            assertServed(three);
            assertNotServed(two);
        }

        @Test
        void countsObjectKeysAgainstCriterion() {
            givenBodyStub(asJson(wire("{'$length': {'value': {'$gt': {'value': 1}}}}")));

            HttpResponse<String> twoKeys = postSubject(wire("{'a': 1, 'b': 2}"));
            HttpResponse<String> oneKey = postSubject(wire("{'a': [1, 2, 3]}"));

            assertServed(twoKeys);
            assertNotServed(oneKey);
        }

        @Test
        void cannotEvaluateNumber() {
            givenBodyStub(asJson(wire("{'$length': {'value': 5}}")));

            HttpResponse<String> response = postSubject("12345");

            assertNotServedButRecorded(response, "12345");
        }
    }

    @Nested
    class KeyValues {

        @Test
        void matchesSubsetWithShortAndCanonicalValues() {
            givenBodyStub(asJson(wire("{'$key_values': {'key_values': {'a': 1, 'b': {'$eq': {'value': 'x'}}, "
                    + "'c': {'$gt': {'value': 1}}}}}")));

            HttpResponse<String> response = postSubject(wire("{'a': 1, 'b': 'x', 'c': 2, 'extra': true}"));

            assertServed(response);
        }

        @Test
        void doesNotMatchMissingKeyOrOtherValue() {
            givenBodyStub(asJson(wire("{'$key_values': {'key_values': {'a': 1}}}")));

            HttpResponse<String> missing = postSubject(wire("{'b': 1}"));
            HttpResponse<String> other = postSubject(wire("{'a': 2}"));

            assertNotServed(missing);
            assertNotServed(other);
        }

        @Test
        void appliesToTheWholeHeaderMap() {
            engine.addStub(null, textStub(wire("{'path': '/subject', 'headers': "
                    + "{'$key_values': {'key_values': {'x-subject': 'v'}}}}"), MATCHED));

            HttpResponse<String> match = getSubjectWithHeaders("v");
            HttpResponse<String> other = getSubjectWithHeaders("w");

            assertServed(match);
            assertNotServed(other);
        }

        @Test
        void cannotEvaluateArray() {
            givenBodyStub(asJson(wire("{'$key_values': {'key_values': {'a': 1}}}")));

            HttpResponse<String> response = postSubject("[1]");

            assertNotServedButRecorded(response, "[1]");
        }
    }

    @Nested
    class ExactKeyValues {

        @Test
        void matchesExactlyTheListedKeys() {
            givenBodyStub(asJson(wire("{'$exact_key_values': {'key_values': {'a': 1, 'b': {'$eq': {'value': 2}}}}}")));

            HttpResponse<String> response = postSubject(wire("{'b': 2, 'a': 1}"));

            assertServed(response);
        }

        @Test
        void doesNotMatchExtraKey() {
            givenBodyStub(asJson(wire("{'$exact_key_values': {'key_values': {'a': 1}}}")));

            HttpResponse<String> response = postSubject(wire("{'a': 1, 'b': 2}"));

            assertNotServed(response);
        }

        @Test
        void appliesToTheWholeQueryMap() {
            engine.addStub(null, textStub(wire("{'path': '/subject', 'query': "
                    + "{'$exact_key_values': {'key_values': {'q': 'x'}}}}"), MATCHED));

            HttpResponse<String> exact = engine.get("/subject?q=x");
            HttpResponse<String> extra = engine.get("/subject?q=x&r=y");

            assertServed(exact);
            assertNotServed(extra);
        }

        @Test
        void cannotEvaluateString() {
            givenBodyStub(asJson(wire("{'$exact_key_values': {'key_values': {'a': 1}}}")));

            HttpResponse<String> response = postSubject("\"a\"");

            assertNotServedButRecorded(response, "\"a\"");
        }
    }

    @Nested
    class Even {

        @Test
        void matchesEvenNumbersWithFlooredModulo() {
            givenBodyStub(asJson(wire("{'$even': {}}")));

            HttpResponse<String> four = postSubject("4");
            HttpResponse<String> minusFour = postSubject("-4");
            HttpResponse<String> zero = postSubject("0");
            HttpResponse<String> fourPointZero = postSubject("4.0");

            assertServed(four);
            assertServed(minusFour);
            assertServed(zero);
            assertServed(fourPointZero);
        }

        @Test
        void doesNotMatchOddOrFractionalNumbers() {
            givenBodyStub(asJson(wire("{'$even': {}}")));

            HttpResponse<String> minusThree = postSubject("-3");
            HttpResponse<String> threeAndAHalf = postSubject("3.5");

            assertNotServed(minusThree);
            assertNotServed(threeAndAHalf);
        }

        @Test
        void decidesParityOfHugeExponentsAndIntegersQuickly() {
            givenBodyStub(asJson(wire("{'$even': {}}")));

            HttpResponse<String> hugeEven = assertTimeoutPreemptively(Duration.ofSeconds(5),
                    () -> postSubject("1e100000000"));
            HttpResponse<String> tinyFraction = assertTimeoutPreemptively(Duration.ofSeconds(5),
                    () -> postSubject("-1e-100000000"));
            HttpResponse<String> bigOdd = postSubject("123456789012345678901234567890123456789");
            HttpResponse<String> bigEven = postSubject("-123456789012345678901234567890123456788.000");

            assertServed(hugeEven);
            assertNotServed(tinyFraction);
            assertNotServed(bigOdd);
            assertServed(bigEven);
        }

        @Test
        void cannotEvaluateStringOrBoolean() {
            givenBodyStub(asJson(wire("{'$even': {}}")));

            HttpResponse<String> text = postSubject("\"4\"");
            HttpResponse<String> bool = postSubject("false");

            assertThat(text.statusCode()).isEqualTo(404);
            assertThat(bool.statusCode()).isEqualTo(404);
            assertThat(requests(engine, null)).hasSize(2);
            assertThat(bodyAssertion(asJson(wire("{'$even': {}}")), 0)).isTrue();
        }
    }

    @Nested
    class Odd {

        @Test
        void matchesNegativeOddNumberWithFlooredModulo() {
            givenBodyStub(asJson(wire("{'$odd': {}}")));

            HttpResponse<String> minusThree = postSubject("-3");
            HttpResponse<String> three = postSubject("3");

            assertServed(minusThree);
            assertServed(three);
        }

        @Test
        void decidesParityOfHugeExponentsAndIntegersQuickly() {
            givenBodyStub(asJson(wire("{'$odd': {}}")));

            HttpResponse<String> hugeEven = assertTimeoutPreemptively(Duration.ofSeconds(5),
                    () -> postSubject("-3e100000000"));
            HttpResponse<String> oddWithZeroFraction = postSubject("-3.000e0");
            HttpResponse<String> bigOdd = postSubject("123456789012345678901234567890123456789");

            assertNotServed(hugeEven);
            assertServed(oddWithZeroFraction);
            assertServed(bigOdd);
        }

        @Test
        void doesNotMatchEvenOrFractionalNumbers() {
            givenBodyStub(asJson(wire("{'$odd': {}}")));

            HttpResponse<String> four = postSubject("4");
            HttpResponse<String> threeAndAHalf = postSubject("3.5");

            assertNotServed(four);
            assertNotServed(threeAndAHalf);
        }

        @Test
        void cannotEvaluateString() {
            givenBodyStub(asJson(wire("{'$odd': {}}")));

            HttpResponse<String> response = postSubject("\"3\"");

            assertNotServedButRecorded(response, "\"3\"");
        }
    }

    @Nested
    class IgnoreCase {

        @Test
        void matchesTextInAnyCase() {
            givenHeaderStub(wire("{'$ignore_case': {'value': 'application/JSON'}}"));

            HttpResponse<String> response = getSubjectWithHeaders("APPLICATION/Json");

            assertServed(response);
        }

        @Test
        void doesNotMatchOtherText() {
            givenHeaderStub(wire("{'$ignore_case': {'value': 'application/json'}}"));

            HttpResponse<String> response = getSubjectWithHeaders("application/jsonx");

            assertNotServed(response);
        }

        @Test
        void cannotEvaluateNumber() {
            givenBodyStub(asJson(wire("{'$ignore_case': {'value': '1'}}")));

            HttpResponse<String> response = postSubject("1");

            assertNotServedButRecorded(response, "1");
        }
    }

    @Nested
    class NotEvaluableSubjects {

        @Test
        void anotherStubServesWhenTheBestCandidateCannotEvaluate() {
            engine.addStub(null, textStub(wire("{'path': '/subject', 'method': 'POST', "
                    + "'body': {'$json': {'inner_criteria': {'$gt': {'value': 1}}}}}"), "json"));
            String fallback = engine.addStub(null, textStub(wire("{'path': '/subject'}"), "fallback"));

            HttpResponse<String> response = postSubject("not json");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("fallback");
            assertThat(requests(engine, null).get(0).get("matched_stub_id").asText()).isEqualTo(fallback);
        }

        @Test
        void assertionCountsOnlyRequestsTheCriterionCanEvaluate() {
            postSubject("\"text\"");
            postSubject("5");
            postSubject("not json");

            boolean once = bodyAssertion(asJson(wire("{'$gt': {'value': 1}}")), 1);

            assertThat(once).isTrue();
        }
    }

    private static String asJson(String innerCriteria) {
        return "{\"$json\":{\"inner_criteria\":" + innerCriteria + "}}";
    }

    private static void givenBodyStub(String bodyMatcher) {
        engine.addStub(null, textStub("{\"path\":\"/subject\",\"body\":" + bodyMatcher + "}", MATCHED));
    }

    private static void givenHeaderStub(String valueMatcher) {
        engine.addStub(null, textStub("{\"path\":\"/subject\",\"headers\":{\"x-subject\":" + valueMatcher + "}}",
                MATCHED));
    }

    private static HttpResponse<String> postSubject(String body) {
        return engine.send("POST", "/subject", body, "Content-Type", "text/plain");
    }

    private static HttpResponse<String> getSubjectWithHeaders(String... values) {
        String[] headers = new String[values.length * 2];
        for (int i = 0; i < values.length; i++) {
            headers[2 * i] = "X-Subject";
            headers[2 * i + 1] = values[i];
        }
        return engine.get("/subject", headers);
    }

    /** Whether exactly {@code times} recorded requests to /subject have a body matching the matcher. */
    private static boolean bodyAssertion(String bodyMatcher, int times) {
        return engine.confirm(null, "{\"path\":\"/subject\",\"body\":" + bodyMatcher + ",\"times\":" + times + "}");
    }

    private static byte[] postWithBytes(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("POST /subject HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nContent-Length: "
                + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(body);
        return out.toByteArray();
    }

    private static void assertServed(HttpResponse<String> response) {
        assertThat(response.statusCode()).as("status of %s", response.request()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(MATCHED);
    }

    private static void assertNotServed(HttpResponse<String> response) {
        assertThat(response.statusCode()).as("status of %s", response.request()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("NO_STUB_MATCH_FOUND");
    }

    /** 404 fallback (never a 500), and the request is the only one recorded, with no serving stub. */
    private static void assertNotServedButRecorded(HttpResponse<String> response, String body) {
        assertNotServed(response);
        JsonNode recorded = requests(engine, null);
        assertThat(recorded).hasSize(1);
        assertThat(recorded.get(0).get("path").asText()).isEqualTo("/subject");
        assertThat(recorded.get(0).get("body").asText()).isEqualTo(body);
        assertThat(recorded.get(0).get("matched_stub_id").isNull()).isTrue();
    }
}
