package dev.scopemock.junit;

import static dev.scopemock.junit.MockResponse.ok;
import static dev.scopemock.junit.RequestMatcher.get;
import static dev.scopemock.junit.RequestMatcher.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scopemock.annotations.Chaos;
import dev.scopemock.annotations.Stub;
import dev.scopemock.assertj.MockAssertions;
import java.net.URI;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

@MockServer
@Stub(path = "/health", body = "ok")
class MockServerSmokeTest {

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    @Stub(path = "/payment", method = "POST", json = "{\"amount\": 42}", status = 200,
            responseJson = "{\"status\":\"accepted\"}")
    @Chaos(latencyMs = 20, jitterMs = 10)
    void servesDeclaredStubsInTheTestsScope(ScopedMock mock) throws Exception {
        HttpResponse<String> payment = client.send(HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/payment"))
                .header(mock.scopeHeader().name(), mock.scopeHeader().value())
                .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":42}")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/health"))
                .header(mock.scopeHeader().name(), "x").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(payment.statusCode()).isEqualTo(200);
        assertThat(payment.body()).isEqualTo("{\"status\":\"accepted\"}");
        assertThat(health.body()).isEqualTo("ok");
        assertThat(mock.confirmRequest(post("/payment").withJson("{\"amount\": 42}"), Times.once())).isTrue();
        assertThat(mock.requests()).hasSize(2);
    }

    @Test
    void fluentStubsAndNamedStubs(ScopedMock mock) throws Exception {
        mock.whenRequestedWith(get("/greet/{name}")).named("greet")
                .respondWithTemplate(200, "hi {{ request.path_params.name }}");
        mock.whenRequestedWith(get("/health")).respondWith(ok().withBody("scoped"));

        assertThat(send(mock, "/greet/ann")).isEqualTo("hi ann");
        mock.stub("greet").respondWith(ok().withBody("bye"));
        assertThat(send(mock, "/greet/bob")).isEqualTo("bye");
        assertThat(send(mock, "/health")).isEqualTo("scoped");
        assertThat(mock.callsTo("greet")).extracting(Object::toString)
                .containsExactly("GET /greet/ann", "GET /greet/bob");
        assertThat(mock.scopeName()).startsWith("mockserversmoketest-fluentstubsandnamedstubs-");
    }

    @Test
    void registersWireJsonStubsSuchAsFullSseStreams(ScopedMock mock) throws Exception {
        mock.stubJson("""
                {"request": {"path": "/prices/{sku}"},
                 "action": {"sse": {"events": [
                   {"id": "1", "event": "price", "data": "{{ request.path_params.sku }}=10", "retry": 500},
                   {"comment": "keep-alive", "data": "done", "delay_ms": 5}]}}}
                """);

        assertThat(send(mock, "/prices/a-1")).isEqualTo("id: 1\nevent: price\nretry: 500\ndata: a-1=10\n\n"
                + ": keep-alive\ndata: done\n\n");
        assertThat(mock.requests()).singleElement().extracting(Object::toString).isEqualTo("GET /prices/a-1");
    }

    @Test
    void rejectsWireJsonStubsThatChooseTheirOwnId(ScopedMock mock) {
        assertThatThrownBy(() -> mock.stubJson("{\"id\": \"x\", \"request\": {}, \"action\": {\"response\":"
                + " {\"status_code\": 200, \"headers\": {}, \"body\": \"\"}}}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("stubJson payloads must not carry an id (ids are unique across every scope of the"
                        + " engine); found \"id\". Fix: remove it, or name the stub with"
                        + " whenRequestedWith(...).named(...).");
    }

    @Test
    void keepsTheOldAnswerWhenAReplacementIsRejected(ScopedMock mock) throws Exception {
        mock.whenRequestedWith(get("/greet")).named("greet").respondWith(ok().withBody("hello"));

        assertThatThrownBy(() -> mock.stub("greet").respondWith(ok().withTemplate("{{ unclosed")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("template_body");
        assertThat(send(mock, "/greet")).isEqualTo("hello");
        assertThat(mock.callsTo("greet")).hasSize(1);
    }

    @TestFactory
    Stream<DynamicTest> dynamicTestsVerifyTheirOwnScopeWithoutWaiting(ScopedMock mock) {
        mock.whenRequestedWith(get("/ping")).named("ping").respondWith(ok().withBody("pong"));
        return Stream.of("a", "b").map(name -> DynamicTest.dynamicTest(name, () -> {
            assertThat(send(mock, "/ping")).isEqualTo("pong");
            long start = System.nanoTime();

            MockAssertions.assertThat(mock).within(Duration.ofSeconds(5)).received(Times.once(), get("/ping"));
            mock.received("ping", Times.once());

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        }));
    }

    @TestFactory
    Stream<DynamicTest> dynamicTestsGetCopiesOfTheFactorysCallbackStubs(ScopedMock mock) {
        mock.whenRequestedWith(get("/echo/{word}"))
                .respondWith(request -> ok().withBody("echo " + request.pathParams().get("word")));
        return Stream.of("a", "b").map(word -> DynamicTest.dynamicTest(word, () -> {
            assertThat(send(mock, "/echo/" + word)).isEqualTo("echo " + word);
            assertThat(mock.requests()).singleElement().extracting(Object::toString).isEqualTo("GET /echo/" + word);
        }));
    }

    private String send(ScopedMock mock, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(mock.baseUrl() + path))
                .header(mock.scopeHeader().name(), "1").build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
