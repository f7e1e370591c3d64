package dev.scopemock.assertj;

import static dev.scopemock.assertj.MockAssertions.assertThat;
import static dev.scopemock.junit.MockResponse.ok;
import static dev.scopemock.junit.RequestMatcher.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.scopemock.annotations.Stub;
import dev.scopemock.engine.model.RecordedRequest;
import dev.scopemock.junit.MockServer;
import dev.scopemock.junit.ScopedMock;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

@MockServer(strict = false)
class RecordedRequestAssertTest {

    @Test
    void hasMethodPassesIgnoringCase(ScopedMock mock) {
        Traffic.post(mock, "/payment", "{}");

        assertThat(mock.lastRequest()).hasMethod("POST").hasMethod("post");
    }

    @Test
    void hasMethodFailsWithExpectedAndActual(ScopedMock mock) {
        Traffic.post(mock, "/payment", "{}");

        Throwable failure = catchThrowable(() -> assertThat(mock.lastRequest()).hasMethod("PUT"));

        assertThat(failure).isInstanceOf(AssertionFailedError.class).hasMessage("""
                Expecting request:
                  POST /payment
                to have method:
                  "PUT"
                but it was:
                  "POST\"""");
        AssertionFailedError error = (AssertionFailedError) failure;
        assertThat(error.getExpected().getValue()).isEqualTo("PUT");
        assertThat(error.getActual().getValue()).isEqualTo("POST");
    }

    @Test
    void failuresStartWithTheDescription(ScopedMock mock) {
        Traffic.post(mock, "/payment", "{}");

        assertThatThrownBy(() -> assertThat(mock.lastRequest()).as("payment call").hasMethod("PUT"))
                .hasMessage("""
                        [payment call] Expecting request:
                          POST /payment
                        to have method:
                          "PUT"
                        but it was:
                          "POST\"""");
    }

    @Test
    void nullRequestFailsAsNull() {
        assertThatThrownBy(() -> assertThat((RecordedRequest) null).hasMethod("GET"))
                .hasMessage("\nExpecting actual not to be null");
    }

    @Test
    void hasPathPassesForTheDecodedPathWithoutQuery(ScopedMock mock) {
        Traffic.get(mock, "/red%20shoes?size=42");

        assertThat(mock.lastRequest()).hasPath("/red shoes");
    }

    @Test
    void hasPathFailureNamesALookAlikeCharacter(ScopedMock mock) {
        Traffic.get(mock, "/p%D0%B0yment");

        assertThatThrownBy(() -> assertThat(mock.lastRequest()).hasPath("/payment")).hasMessage("""
                Expecting request:
                  GET /p\u0430yment
                to have path:
                  "/payment"
                but it was:
                  "/p\u0430yment"
                (first difference at index 2: expected U+0061 but was U+0430)""");
    }

    @Test
    void hasHeaderPassesForAnyValueWithTheNameInAnyCase(ScopedMock mock) {
        Traffic.get(mock, "/health", "X-Trace", "t-1", "X-Trace", "t-2");

        assertThat(mock.lastRequest()).hasHeader("x-trace", "t-2").hasHeader("X-TRACE", "t-1");
    }

    @Test
    void hasHeaderFailsPrintingEveryValue(ScopedMock mock) {
        Traffic.get(mock, "/health", "X-Trace", "t-1", "X-Trace", "t-2");

        assertThatThrownBy(() -> assertThat(mock.lastRequest()).hasHeader("X-Trace", "t-3")).hasMessage("""
                Expecting request:
                  GET /health
                to have header:
                  "X-Trace" = "t-3"
                but it was:
                  "X-Trace" = "t-1"
                  "X-Trace" = "t-2\"""");
    }

    @Test
    void hasHeaderWithValueFailsListingTheHeaderNamesWhenAbsent(ScopedMock mock) {
        Traffic.get(mock, "/health");

        assertThatThrownBy(() -> assertThat(mock.lastRequest()).hasHeader("Content-Type", "application/json"))
                .hasMessage("""
                        Expecting request:
                          GET /health
                        to have header:
                          "Content-Type" = "application/json"
                        but it had no such header; its headers were:
                          "content-length", "host", "user-agent", "%s\"""".formatted(mock.scopeName()));
    }

    @Test
    void hasHeaderByNamePassesWhatever(ScopedMock mock) {
        Traffic.get(mock, "/health", "Authorization", "Bearer x");

        assertThat(mock.lastRequest()).hasHeader("authorization");
    }

    @Test
    void hasHeaderByNameFailsListingTheHeaderNames(ScopedMock mock) {
        Traffic.get(mock, "/health");

        assertThatThrownBy(() -> assertThat(mock.lastRequest()).hasHeader("Authorization")).hasMessage("""
                Expecting request:
                  GET /health
                to have header:
                  "Authorization"
                but it had no such header; its headers were:
                  "content-length", "host", "user-agent", "%s\"""".formatted(mock.scopeName()));
    }

    @Test
    void hasNoHeaderPassesWhenAbsent(ScopedMock mock) {
        Traffic.get(mock, "/health");

        assertThat(mock.lastRequest()).hasNoHeader("Cookie");
    }

    @Test
    void hasNoHeaderFailsPrintingTheValues(ScopedMock mock) {
        Traffic.get(mock, "/health", "Cookie", "session=1");

        assertThatThrownBy(() -> assertThat(mock.lastRequest()).hasNoHeader("cookie")).hasMessage("""
                Expecting request:
                  GET /health
                not to have header:
                  "cookie"
                but it was:
                  "cookie" = "session=1\"""");
    }

    @Test
    void hasQueryParamPassesForAnyDecodedValue(ScopedMock mock) {
        Traffic.get(mock, "/search?q=red%20shoes&tag=a&tag=b");

        assertThat(mock.lastRequest()).hasQueryParam("q", "red shoes").hasQueryParam("tag", "a")
                .hasQueryParam("tag", "b");
    }

    @Test
    void hasQueryParamFailureMakesAnInvisibleCharacterVisible(ScopedMock mock) {
        Traffic.get(mock, "/search?q=red%C2%A0shoes");

        assertThatThrownBy(() -> assertThat(mock.lastRequest()).hasQueryParam("q", "red shoes")).hasMessage("""
                Expecting request:
                  GET /search?q=red%C2%A0shoes
                to have query parameter:
                  "q" = "red shoes"
                but it was:
                  "q" = "red\\u00a0shoes"
                (first difference at index 3: expected U+0020 but was U+00A0)""");
    }

    @Test
    void hasQueryParamFailsListingTheParameterNamesWhenAbsent(ScopedMock mock) {
        Traffic.get(mock, "/search?query=shoes&page=2");

        assertThatThrownBy(() -> assertThat(mock.lastRequest()).hasQueryParam("q", "shoes")).hasMessage("""
                Expecting request:
                  GET /search?query=shoes&page=2
                to have query parameter:
                  "q" = "shoes"
                but it had no such parameter; its parameters were:
                  "query", "page\"""");
    }

    @Test
    void hasQueryParamFailsSayingThereWereNone(ScopedMock mock) {
        Traffic.get(mock, "/search");

        assertThatThrownBy(() -> assertThat(mock.lastRequest()).hasQueryParam("q", "shoes")).hasMessage("""
                Expecting request:
                  GET /search
                to have query parameter:
                  "q" = "shoes"
                but it had no query parameters""");
    }

    @Test
    void hasBodyPassesForTheExactText(ScopedMock mock) {
        Traffic.post(mock, "/ping", "ping");

        assertThat(mock.lastRequest()).hasBody("ping");
    }

    @Test
    void hasBodyFailureShowsATrailingNewLine(ScopedMock mock) {
        Traffic.post(mock, "/ping", "ping\n");

        Throwable failure = catchThrowable(() -> assertThat(mock.lastRequest()).hasBody("ping"));

        assertThat(failure).hasMessage("""
                Expecting request:
                  POST /ping
                to have body:
                  "ping"
                but it was:
                  "ping\\n\"""");
        assertThat(((AssertionFailedError) failure).getActual().getValue()).isEqualTo("\"ping\\n\"");
    }

    @Test
    void hasBodyFailureMakesAZeroWidthSpaceVisible(ScopedMock mock) {
        Traffic.post(mock, "/ping", "ping\u200b");

        assertThatThrownBy(() -> assertThat(mock.lastRequest()).hasBody("ping")).hasMessage("""
                Expecting request:
                  POST /ping
                to have body:
                  "ping"
                but it was:
                  "ping\\u200b\"""");
    }

    @Test
    void hasJsonBodyFailureSummarisesManyDifferences(ScopedMock mock) {
        Traffic.post(mock, "/sums", "[1,2,3,4,5,6,7]");

        assertThatThrownBy(() -> assertThat(mock.lastRequest()).hasJsonBody("[0,0,0,0,0,0,7]")).hasMessage("""
                Expecting request:
                  POST /sums
                to have a JSON body equal to:
                  [0,0,0,0,0,0,7]
                but it was:
                  [1,2,3,4,5,6,7]
                differences:
                  $[0]: expected 0 but was 1
                  $[1]: expected 0 but was 2
                  $[2]: expected 0 but was 3
                  $[3]: expected 0 but was 4
                  $[4]: expected 0 but was 5
                  (1 more difference not shown)""");
    }

    @Test
    void hasJsonBodyIgnoresKeyOrderAndSpacing(ScopedMock mock) {
        Traffic.post(mock, "/payment", "{\"currency\":\"EUR\",\"amount\":42.0,\"items\":[1,2]}");

        assertThat(mock.lastRequest()).hasJsonBody("""
                { "amount": 42, "items": [1, 2], "currency": "EUR" }""");
    }

    @Test
    void hasJsonBodyFailureListsEveryDifferingMember(ScopedMock mock) {
        Traffic.post(mock, "/payment", "{\"amount\":41,\"currency\":\"EUR\",\"items\":[1,3],\"note\":\"x\"}");

        assertThatThrownBy(() -> assertThat(mock.lastRequest())
                .hasJsonBody("{\"amount\": 42, \"currency\": \"EUR\", \"items\": [1, 2], \"id\": \"p-1\"}"))
                .hasMessage("""
                        Expecting request:
                          POST /payment
                        to have a JSON body equal to:
                          {"amount":42,"currency":"EUR","items":[1,2],"id":"p-1"}
                        but it was:
                          {"amount":41,"currency":"EUR","items":[1,3],"note":"x"}
                        differences:
                          $.amount: expected 42 but was 41
                          $.items[1]: expected 2 but was 3
                          $.id: expected "p-1" but was absent
                          $.note: unexpected, was "x\"""");
    }

    @Test
    void hasJsonBodyFailsWhenTheBodyIsNotJson(ScopedMock mock) {
        Traffic.post(mock, "/payment", "amount=42");

        assertThatThrownBy(() -> assertThat(mock.lastRequest()).hasJsonBody("{\"amount\": 42}")).hasMessage("""
                Expecting request:
                  POST /payment
                to have a JSON body equal to:
                  {"amount":42}
                but it was not JSON:
                  "amount=42\"""");
    }

    @Test
    void hasJsonBodyRejectsExpectedTextThatIsNotJson(ScopedMock mock) {
        Traffic.post(mock, "/payment", "{}");

        assertThatThrownBy(() -> assertThat(mock.lastRequest()).hasJsonBody("{amount: 42}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("hasJsonBody(..) takes JSON text, but found \"{amount: 42}\" (the text is not"
                        + " JSON: ")
                .hasMessageEndingWith("). Fix: pass valid JSON such as {\"amount\": 42}, or use hasBody(..) to"
                        + " compare text.");
    }

    @Test
    void hasBodyContainingPassesForAPart(ScopedMock mock) {
        Traffic.post(mock, "/payment", "{\"amount\":42}");

        assertThat(mock.lastRequest()).hasBodyContaining("\"amount\"");
    }

    @Test
    void hasBodyContainingFailsPrintingTheBody(ScopedMock mock) {
        Traffic.post(mock, "/payment", "{\"amount\":42}");

        assertThatThrownBy(() -> assertThat(mock.lastRequest()).hasBodyContaining("total")).hasMessage("""
                Expecting request:
                  POST /payment
                to have a body containing:
                  "total"
                but it was:
                  "{\\"amount\\":42}\"""");
    }

    @Test
    @Stub(name = "greet", method = "GET", path = "/greet/{name}", body = "hi")
    void wasMatchedByPassesForTheStubNameOrId(ScopedMock mock) {
        String health = mock.whenRequestedWith(get("/health")).respondWith(ok());
        Traffic.get(mock, "/greet/ann");
        Traffic.get(mock, "/health");

        assertThat(mock.requests().get(0)).wasMatchedBy("greet").wasMatchedBy(mock.scopeName() + ":greet");
        assertThat(mock.requests().get(1)).wasMatchedBy(health);
    }

    @Test
    @Stub(name = "greet", method = "GET", path = "/greet/{name}", body = "hi")
    void wasMatchedByFailsNamingTheServingStub(ScopedMock mock) {
        Traffic.get(mock, "/greet/ann");

        assertThatThrownBy(() -> assertThat(mock.lastRequest()).wasMatchedBy("farewell")).hasMessage("""
                Expecting request:
                  GET /greet/ann
                to have been served by stub:
                  "farewell"
                but it was served by stub:
                  "%s:greet\"""".formatted(mock.scopeName()));
    }

    @Test
    void wasMatchedByFailsWhenNoStubMatched(ScopedMock mock) {
        Traffic.get(mock, "/greet/ann");

        assertThatThrownBy(() -> assertThat(mock.lastRequest()).wasMatchedBy("greet")).hasMessage("""
                Expecting request:
                  GET /greet/ann
                to have been served by stub:
                  "greet"
                but it matched no stub""");
    }

    @Test
    void wasUnmatchedPassesWhenNoStubMatched(ScopedMock mock) {
        Traffic.get(mock, "/nowhere");

        assertThat(mock.lastRequest()).wasUnmatched();
    }

    @Test
    @Stub(name = "greet", method = "GET", path = "/greet/{name}", body = "hi")
    void wasUnmatchedFailsNamingTheServingStub(ScopedMock mock) {
        Traffic.get(mock, "/greet/ann");

        assertThatThrownBy(() -> assertThat(mock.lastRequest()).wasUnmatched()).hasMessage("""
                Expecting request:
                  GET /greet/ann
                to have matched no stub
                but it was served by stub:
                  "%s:greet\"""".formatted(mock.scopeName()));
    }

    @Test
    @Stub(method = "GET", path = "/shops/{shop}/orders/{id}", body = "order")
    void hasPathParamPassesForTheCapturedValue(ScopedMock mock) {
        Traffic.get(mock, "/shops/berlin/orders/7");

        assertThat(mock.lastRequest()).hasPathParam("shop", "berlin").hasPathParam("id", "7");
    }

    @Test
    @Stub(method = "GET", path = "/shops/{shop}/orders/{id}", body = "order")
    void hasPathParamFailsPrintingTheCapturedValue(ScopedMock mock) {
        Traffic.get(mock, "/shops/berlin/orders/7");

        assertThatThrownBy(() -> assertThat(mock.lastRequest()).hasPathParam("id", "8")).hasMessage("""
                Expecting request:
                  GET /shops/berlin/orders/7
                to have path parameter:
                  "id" = "8"
                but it was:
                  "id" = "7\"""");
    }

    @Test
    @Stub(method = "GET", path = "/shops/{shop}/orders/{id}", body = "order")
    void hasPathParamFailsListingTheCapturedNames(ScopedMock mock) {
        Traffic.get(mock, "/shops/berlin/orders/7");

        assertThatThrownBy(() -> assertThat(mock.lastRequest()).hasPathParam("orderId", "7")).hasMessage("""
                Expecting request:
                  GET /shops/berlin/orders/7
                to have path parameter:
                  "orderId" = "7"
                but it had no such parameter; its path parameters were:
                  "id", "shop\"""");
    }

    @Test
    void hasPathParamFailsExplainingWhereParametersComeFrom(ScopedMock mock) {
        Traffic.get(mock, "/orders/7");

        assertThatThrownBy(() -> assertThat(mock.lastRequest()).hasPathParam("id", "7")).hasMessage("""
                Expecting request:
                  GET /orders/7
                to have path parameter:
                  "id" = "7"
                but it had no path parameters (they are captured by a stub path such as /orders/{id})""");
    }
}
