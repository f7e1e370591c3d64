package dev.scopemock.assertj;

import static dev.scopemock.assertj.MockAssertions.assertThat;
import static dev.scopemock.junit.Criteria.regex;
import static dev.scopemock.junit.MockResponse.ok;
import static dev.scopemock.junit.RequestMatcher.get;
import static dev.scopemock.junit.RequestMatcher.post;
import static dev.scopemock.junit.Times.atLeast;
import static dev.scopemock.junit.Times.atMost;
import static dev.scopemock.junit.Times.exactly;
import static dev.scopemock.junit.Times.never;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.scopemock.annotations.Stub;
import dev.scopemock.junit.MockServer;
import dev.scopemock.junit.ScopedMock;
import dev.scopemock.junit.testkit.DiagnosisText;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

@MockServer(strict = false)
class ScopedMockAssertTest {

    @Test
    void receivedPassesForTheScopesOwnMatchingRequests(ScopedMock mock) {
        Traffic.post(mock, "/payment", "{\"amount\":42}");
        Traffic.get(mock, "/health");

        assertThat(mock)
                .received(exactly(1), post("/payment").withJson("{\"amount\": 42}"))
                .received(get("/health"))
                .received(atMost(1), get("/health"));
    }

    @Test
    void receivedFailureListsTheClosestRequestsWithEveryDifferingField(ScopedMock mock) {
        Traffic.post(mock, "/payment", "{\"amount\":41}");
        Traffic.get(mock, "/health");
        Traffic.post(mock, "/refund", "{\"amount\":42}");
        Traffic.get(mock, "/status");

        Throwable failure = catchThrowable(() -> assertThat(mock)
                .received(exactly(1), post("/payment").withJson("{\"amount\": 42}")));

        assertThat(failure).isInstanceOf(AssertionFailedError.class).hasMessage("""
                Expecting scope %s to have received exactly 1 time:
                  POST /payment json {"amount":42}
                but it received 0 matching requests. Closest recorded requests:
                  POST /payment {"amount":41}
                    body: expected JSON {"amount":42} but was {"amount":41}
                      $.amount: expected 42 but was 41
                  POST /refund {"amount":42}
                    path: expected "/payment" but was "/refund"
                  GET /health
                    method: expected "POST" but was "GET"
                    path: expected "/payment" but was "/health"
                    body: expected JSON {"amount":42} but was an empty body
                  (1 more not shown)""".formatted(mock.scopeName()));
        AssertionFailedError error = (AssertionFailedError) failure;
        assertThat(error.getExpected().getValue()).isEqualTo("exactly 1 time");
        assertThat(error.getActual().getValue()).isEqualTo("0 times");
    }

    @Test
    void closestRequestsRankFewerDifferingJsonMembersFirst(ScopedMock mock) {
        Traffic.post(mock, "/payment", "{\"amount\":41}");
        Traffic.get(mock, "/health");
        Traffic.post(mock, "/payment", "{\"amount\":42,\"currency\":\"EUR\u00a0\"}");

        Throwable failure = catchThrowable(() -> assertThat(mock)
                .received(exactly(1), post("/payment").withJson("{\"amount\": 42, \"currency\": \"EUR\"}")));

        assertThat(failure).hasMessage("""
                Expecting scope %s to have received exactly 1 time:
                  POST /payment json {"amount":42,"currency":"EUR"}
                but it received 0 matching requests. Closest recorded requests:
                  POST /payment {"amount":42,"currency":"EUR\\u00a0"}
                    body: expected JSON {"amount":42,"currency":"EUR"} but was {"amount":42,"currency":"EUR\\u00a0"}
                      $.currency: expected "EUR" but was "EUR\\u00a0"
                  POST /payment {"amount":41}
                    body: expected JSON {"amount":42,"currency":"EUR"} but was {"amount":41}
                      $.amount: expected 42 but was 41
                      $.currency: expected "EUR" but was absent
                  GET /health
                    method: expected "POST" but was "GET"
                    path: expected "/payment" but was "/health"
                    body: expected JSON {"amount":42,"currency":"EUR"} but was an empty body""".formatted(mock.scopeName()));
    }

    @Test
    void nearMissesNameEachHeaderAndQueryParameterWithCriteriaInWireForm(ScopedMock mock) {
        Traffic.get(mock, "/search?q=book&page=x", "Accept", "text/plain");

        assertThatThrownBy(() -> assertThat(mock).received(get("/search").withQuery("q", "Book")
                .withQuery("page", regex("\\d+")).withHeader("Accept", "application/json"))).hasMessage("""
                Expecting scope %s to have received at least 1 time:
                  GET /search query {"q":"Book","page":{"$regex":{"pattern":"\\\\d+"}}} \
                headers {"accept":"application/json"}
                but it received 0 matching requests. Closest recorded requests:
                  GET /search?q=book&page=x
                    header "accept": expected "application/json" but was "text/plain"
                    query "q": expected "Book" but was "book"
                    query "page": expected {"$regex":{"pattern":"\\\\d+"}} but was "x\"""".formatted(mock.scopeName()));
    }

    @Test
    void nearMissesMakeInvisibleAndLookAlikeCharactersVisible(ScopedMock mock) {
        Traffic.post(mock, "/p%D0%B0yment", "red\u00a0shoes");

        assertThatThrownBy(() -> assertThat(mock).received(post("/payment").withBody("red shoes"))).hasMessage("""
                Expecting scope %s to have received at least 1 time:
                  POST /payment body "red shoes"
                but it received 0 matching requests. Closest recorded requests:
                  POST /p\u0430yment red\\u00a0shoes
                    path: expected "/payment" but was "/p\u0430yment" \
                (first difference at index 2: expected U+0061 but was U+0430)
                    body: expected "red shoes" but was "red\\u00a0shoes" \
                (first difference at index 3: expected U+0020 but was U+00A0)"""
                .formatted(mock.scopeName()));
    }

    @Test
    void receivedFailureSaysWhenTheScopeReceivedNothing(ScopedMock mock) {
        assertThatThrownBy(() -> assertThat(mock).received(exactly(1), post("/payment"))).hasMessage("""
                Expecting scope %1$s to have received exactly 1 time:
                  POST /payment
                but it received 0 matching requests: the scope received no requests at all (a request counts only \
                when it carries the scope header "%1$s")""".formatted(mock.scopeName()));
    }

    @Test
    void receivedFailureListsTheMatchingRequestsWhenThereAreTooMany(ScopedMock mock) {
        Traffic.post(mock, "/payment", "{\"amount\":42}");
        Traffic.post(mock, "/payment", "{\"amount\":43}");
        Traffic.get(mock, "/health");

        Throwable failure = catchThrowable(() -> assertThat(mock).received(exactly(1), post("/payment")));

        assertThat(failure).hasMessage("""
                Expecting scope %s to have received exactly 1 time:
                  POST /payment
                but it received 2 matching requests:
                  POST /payment {"amount":42}
                  POST /payment {"amount":43}""".formatted(mock.scopeName()));
        assertThat(((AssertionFailedError) failure).getActual().getValue()).isEqualTo("2 times");
    }

    @Test
    void receivedFailureListsMatchesAndClosestOthersWhenThereAreTooFew(ScopedMock mock) {
        Traffic.post(mock, "/payment", "{\"amount\":42}");
        Traffic.post(mock, "/payments", "{\"amount\":43}");

        assertThatThrownBy(() -> assertThat(mock).received(atLeast(2), post("/payment"))).hasMessage("""
                Expecting scope %s to have received at least 2 times:
                  POST /payment
                but it received 1 matching request:
                  POST /payment {"amount":42}
                Closest other recorded requests:
                  POST /payments {"amount":43}
                    path: expected "/payment" but was "/payments\"""".formatted(mock.scopeName()));
    }

    @Test
    void failuresStartWithTheDescription(ScopedMock mock) {
        Traffic.get(mock, "/health");

        assertThatThrownBy(() -> assertThat(mock).as("health checks").received(exactly(2), get("/health")))
                .hasMessage("""
                        [health checks] Expecting scope %s to have received exactly 2 times:
                          GET /health
                        but it received 1 matching request:
                          GET /health""".formatted(mock.scopeName()));
    }

    @Test
    void hasNotReceivedPassesWhenNoRequestMatches(ScopedMock mock) {
        Traffic.get(mock, "/health");

        assertThat(mock).hasNotReceived(post("/payment")).received(never(), get("/status"));
    }

    @Test
    void hasNotReceivedFailsListingTheMatchingRequests(ScopedMock mock) {
        Traffic.post(mock, "/payment", "{\"amount\":42}");

        Throwable failure = catchThrowable(() -> assertThat(mock).hasNotReceived(post("/payment")));

        assertThat(failure).hasMessage("""
                Expecting scope %s not to have received:
                  POST /payment
                but it received 1 matching request:
                  POST /payment {"amount":42}""".formatted(mock.scopeName()));
        assertThat(((AssertionFailedError) failure).getExpected().getValue()).isEqualTo("never");
    }

    @Test
    void receivedNothingPassesBeforeAnyRequest(ScopedMock mock) {
        assertThat(mock).receivedNothing();
    }

    @Test
    void receivedNothingFailsListingWhatArrived(ScopedMock mock) {
        Traffic.get(mock, "/health");
        Traffic.post(mock, "/payment", "{\"amount\":42}");

        assertThatThrownBy(() -> assertThat(mock).receivedNothing()).hasMessage("""
                Expecting scope %s to have received no requests
                but it received 2:
                  GET /health
                  POST /payment {"amount":42}""".formatted(mock.scopeName()));
    }

    @Test
    @Stub(method = "GET", path = "/health", body = "ok")
    void hasNoUnmatchedRequestsPassesWhenStubsAnsweredEverything(ScopedMock mock) {
        Traffic.get(mock, "/health");

        assertThat(mock).hasNoUnmatchedRequests();
    }

    @Test
    void hasNoUnmatchedRequestsFailsWithTheClosestStub(ScopedMock mock) {
        mock.whenRequestedWith(get("/health")).respondWith(ok());
        Traffic.get(mock, "/healthz");

        assertThatThrownBy(() -> assertThat(mock).hasNoUnmatchedRequests()).hasMessage("""
                Expecting every request in scope %s to match a stub, but 1 request matched none:
                  GET /healthz
                    closest stub: whenRequestedWith {"path":"/health","method":"GET"}
                      path: expected "/health" but was "/healthz\"""".formatted(mock.scopeName()));
    }

    @Test
    void aNeighboursUnscopedRequestNeverSatisfiesReceived(ScopedMock mock) {
        int status = Traffic.unscoped(mock, "POST", "/payment", "{\"amount\":42}");

        assertThat(status).as("the engine answered the unscoped request").isEqualTo(404);
        assertThat(mock.requests()).isEmpty();
        assertThat(mock).hasNotReceived(post("/payment")).receivedNothing();
        assertThatThrownBy(() -> assertThat(mock).received(post("/payment"))).hasMessage("""
                Expecting scope %1$s to have received at least 1 time:
                  POST /payment
                but it received 0 matching requests: the scope received no requests at all (a request counts only \
                when it carries the scope header "%1$s")
                During this test the engine received 1 request without a scope header that the verification would \
                have matched:
                  POST /payment {"amount":42}
                %2$s""".formatted(mock.scopeName(), DiagnosisText.fixes(mock.scopeName(), true)));
    }

    @Test
    void onlyRequestsAfterClearRequestsCount(ScopedMock mock) {
        Traffic.get(mock, "/health");
        mock.clearRequests();
        Traffic.get(mock, "/status");

        assertThat(mock).hasNotReceived(get("/health")).received(exactly(1), get("/status"));
    }
}
