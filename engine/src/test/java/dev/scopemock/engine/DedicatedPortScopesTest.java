package dev.scopemock.engine;

import static dev.scopemock.engine.support.ControlCalls.textStub;
import static dev.scopemock.engine.support.TestEngine.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scopemock.engine.model.RecordedRequest;
import dev.scopemock.engine.support.Await;
import dev.scopemock.engine.support.TestEngine;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A scope with a dedicated port ({@code "dedicated_port": true}): every request on that port belongs to the scope
 * without any header, control calls there act for it, and the port closes with the scope.
 */
class DedicatedPortScopesTest {

    private static final String CANCELLED = "{\"error\":\"RESPONSE_CANCELLED\",\"detail\":\"the delayed response was"
            + " cancelled because its scope was deleted or the engine reset\"}";

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
    void createsScopeWithDedicatedPortAndAnswersItsPort() {
        HttpResponse<String> response = mock.postJson("/__mock__/scopes",
                "{\"name\": \"Port_A\", \"dedicated_port\": true}");

        assertThat(response.statusCode()).isEqualTo(201);
        int port = json(response).get("port").asInt();
        assertThat(port).isPositive().isNotEqualTo(mock.port());
        assertThat(response.body()).isEqualTo("{\"success\":true,\"name\":\"port_a\",\"port\":" + port + "}");
        assertThat(mock.engine().connectorCount()).isEqualTo(2);
    }

    @Test
    void createsAnOrdinaryScopeWhenDedicatedPortIsFalseOrNull() {
        HttpResponse<String> no = mock.postJson("/__mock__/scopes", "{\"name\": \"no\", \"dedicated_port\": false}");
        HttpResponse<String> unset = mock.postJson("/__mock__/scopes",
                "{\"name\": \"unset\", \"dedicated_port\": null}");

        assertThat(no.statusCode()).isEqualTo(201);
        assertThat(no.body()).isEqualTo("{\"success\":true,\"name\":\"no\"}");
        assertThat(unset.body()).isEqualTo("{\"success\":true,\"name\":\"unset\"}");
        assertThat(mock.engine().connectorCount()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"yes\"", "\"true\"", "1", "0", "{}", "[true]"})
    void rejectsDedicatedPortThatIsNotABoolean(String value) {
        HttpResponse<String> response = mock.postJson("/__mock__/scopes",
                "{\"name\": \"x\", \"dedicated_port\": " + value + "}");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).isEqualTo("{\"detail\":[{\"type\":\"bool_type\",\"loc\":[\"body\","
                + "\"dedicated_port\"],\"msg\":\"Input should be a valid boolean: dedicated_port must be true or false,"
                + " found " + value.replace("\"", "\\\"") + "\"}]}");
        assertThat(mock.engine().scopes()).isEmpty();
        assertThat(mock.engine().connectorCount()).isEqualTo(1);
    }

    @Test
    void opensNoPortForAnInvalidOrDuplicateName() {
        createPortScope("taken");

        HttpResponse<String> invalid = mock.postJson("/__mock__/scopes",
                "{\"name\": \"bad.name\", \"dedicated_port\": true}");
        HttpResponse<String> duplicate = mock.postJson("/__mock__/scopes",
                "{\"name\": \"TAKEN\", \"dedicated_port\": true}");

        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(duplicate.body()).isEqualTo("{\"detail\":\"Scope 'TAKEN' already exists\"}");
        assertThat(mock.engine().connectorCount()).isEqualTo(2);
    }

    @Test
    void listsScopesWithTheirPortsAndKeepsTheNamesList() {
        int port = createPortScope("with-port");
        mock.createScope("by-header");

        HttpResponse<String> response = mock.get("/__mock__/scopes");

        assertThat(response.body()).isEqualTo("{\"scopes\":[\"with-port\",\"by-header\"],\"details\":["
                + "{\"name\":\"with-port\",\"port\":" + port + "},{\"name\":\"by-header\",\"port\":null}]}");
        assertThat(mock.engine().scopeInfos()).containsExactly(new ScopeInfo("with-port", port),
                new ScopeInfo("by-header", 0));
    }

    @Test
    void requestsOnTheDedicatedPortBelongToTheScopeWithoutAnyHeader() {
        int port = createPortScope("checkout");
        mock.addStub("checkout", textStub("{\"path\": \"/payment\"}", "scoped"));
        mock.addStub(null, textStub("{\"path\": \"/payment\"}", "global"));

        HttpResponse<String> onPort = sendTo(port, "POST", "/payment?id=7", "{\"amount\": 42}");
        HttpResponse<String> onEngine = mock.get("/payment");

        assertThat(onPort.statusCode()).isEqualTo(200);
        assertThat(onPort.body()).isEqualTo("scoped");
        assertThat(onEngine.body()).isEqualTo("global");
        List<RecordedRequest> recorded = mock.engine().requests("checkout");
        assertThat(recorded).extracting(Object::toString).containsExactly("POST /payment?id=7", "GET /payment");
        assertThat(recorded.get(0).scope()).isEqualTo("checkout");
        assertThat(recorded.get(0).bodyText()).isEqualTo("{\"amount\": 42}");
        assertThat(recorded.get(1).scope()).isNull();
    }

    @Test
    void theDedicatedPortsScopeWinsOverScopeHeadersOfOtherScopes() {
        int port = createPortScope("own");
        mock.createScope("other");
        mock.createScope("third");
        mock.addStub("own", textStub("{\"path\": \"/p\"}", "own"));
        mock.addStub("other", textStub("{\"path\": \"/p\"}", "other"));

        HttpResponse<String> otherHeader = sendTo(port, "GET", "/p", null, "other", "1");
        HttpResponse<String> ambiguousHeaders = sendTo(port, "GET", "/p", null, "other", "1", "third", "1");

        assertThat(otherHeader.body()).isEqualTo("own");
        assertThat(ambiguousHeaders.statusCode()).isEqualTo(200);
        assertThat(ambiguousHeaders.body()).isEqualTo("own");
        assertThat(mock.engine().requests("own")).hasSize(2).allSatisfy(r -> assertThat(r.scope()).isEqualTo("own"));
        assertThat(mock.engine().requests("other")).isEmpty();
    }

    @Test
    void takesPathsLiterallyOnTheDedicatedPortEvenUnderTheScopePrefix() {
        int port = createPortScope("own");
        mock.createScope("other");

        HttpResponse<String> response = sendTo(port, "GET", "/__scope__/other/p", null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("NO_STUB_MATCH_FOUND");
        assertThat(mock.engine().requests("own")).extracting(Object::toString)
                .containsExactly("GET /__scope__/other/p");
    }

    @Test
    void controlCallsOnTheDedicatedPortActForItsScope() {
        int port = createPortScope("own");
        mock.createScope("other");

        HttpResponse<String> created = sendTo(port, "POST", "/__mock__/stubs", textStub("{\"path\": \"/p\"}", "own"),
                "Content-Type", "application/json", "other", "1");
        sendTo(port, "GET", "/p", null);
        HttpResponse<String> requests = sendTo(port, "GET", "/__mock__/requests", null);
        HttpResponse<String> stubs = sendTo(port, "GET", "/__mock__/stubs", null);
        HttpResponse<String> verified = sendTo(port, "POST", "/__mock__/assert", "{\"path\": \"/p\", \"times\": 1}",
                "Content-Type", "application/json");

        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(json(stubs).get("stubs")).hasSize(1);
        assertThat(json(stubs).get("stubs").get(0).get("scope").asText()).isEqualTo("own");
        assertThat(json(requests).get("requests")).hasSize(1);
        assertThat(json(requests).get("requests").get(0).get("scope").asText()).isEqualTo("own");
        assertThat(verified.body()).isEqualTo("{\"result\":true}");
        assertThat(mock.engine().requests("other")).isEmpty();
    }

    @Test
    void deletingTheScopeClosesItsPortAndItsOpenConnections() throws IOException {
        int port = createPortScope("short-lived");
        mock.addStub("short-lived", textStub("{\"path\": \"/p\"}", "alive"));
        try (Socket keptAlive = new Socket("127.0.0.1", port)) {
            keptAlive.setSoTimeout(5_000);
            assertThat(exchangeKeepAlive(keptAlive, "/p")).endsWith("alive");

            HttpResponse<String> deleted = mock.send("DELETE", "/__mock__/scopes/short-lived", null);

            assertThat(deleted.statusCode()).isEqualTo(200);
            assertThat(keptAlive.getInputStream().read()).as("the kept-alive connection is closed").isEqualTo(-1);
        }
        assertRefused(port);
        assertThat(mock.engine().connectorCount()).isEqualTo(1);
        assertThat(mock.get("/__mock__/scopes").body()).isEqualTo("{\"scopes\":[],\"details\":[]}");
    }

    @Test
    void resetClosesEveryDedicatedPort() {
        List<Integer> ports = List.of(createPortScope("a"), createPortScope("b"), createPortScope("c"));

        HttpResponse<String> reset = mock.send("POST", "/__mock__/reset", null);

        assertThat(reset.statusCode()).isEqualTo(200);
        ports.forEach(DedicatedPortScopesTest::assertRefused);
        assertThat(mock.engine().connectorCount()).isEqualTo(1);
    }

    @Test
    void closingTheEngineClosesEveryDedicatedPort() {
        int port = createPortScope("a");

        mock.engine().close();

        assertRefused(port);
    }

    @Test
    void opensNoPortOnceTheEngineIsClosed() {
        mock.engine().close();

        assertThatThrownBy(() -> mock.engine().createScope("late", ScopeOptions.defaults().withDedicatedPort(true)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("could not open a dedicated port for scope 'late': the engine is not running");
        assertThat(mock.engine().connectorCount()).isEqualTo(1);
    }

    @Test
    void aScopeDeletedOverItsOwnPortAnswersThenClosesThePort() {
        int port = createPortScope("self");

        HttpResponse<String> deleted = sendTo(port, "DELETE", "/__mock__/scopes/self", null);

        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(deleted.body()).isEqualTo("{\"success\":true,\"name\":\"self\"}");
        Await.until("the port of the deleted scope refuses connections", Duration.ofSeconds(5),
                () -> isRefused(port));
        Await.until("one connector left", Duration.ofSeconds(5), () -> mock.engine().connectorCount() == 1);
    }

    @Test
    void resetOverADedicatedPortAnswersThenClosesEveryPort() {
        int first = createPortScope("first");
        int second = createPortScope("second");

        HttpResponse<String> reset = sendTo(first, "POST", "/__mock__/reset", null);

        assertThat(reset.statusCode()).isEqualTo(200);
        assertRefused(second);
        Await.until("the port that carried the reset refuses connections", Duration.ofSeconds(5),
                () -> isRefused(first));
        Await.until("one connector left", Duration.ofSeconds(5), () -> mock.engine().connectorCount() == 1);
    }

    @Test
    void deletingTheScopeCancelsDelayedResponsesOnItsPort() throws Exception {
        int port = createPortScope("slow");
        mock.addStub("slow", "{\"request\": {\"path\": \"/slow\"}, \"action\": {\"response\": {\"status_code\": 200,"
                + " \"headers\": {}, \"body\": \"late\"}}, \"chaos\": {\"latency\": {\"base_ms\": 5000}}}");
        CompletableFuture<HttpResponse<String>> pending = mock.client().sendAsync(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slow")).build(),
                HttpResponse.BodyHandlers.ofString());
        Await.until("the delayed request recorded", Duration.ofSeconds(5),
                () -> mock.engine().requests("slow").size() == 1);

        long start = System.nanoTime();
        mock.send("DELETE", "/__mock__/scopes/slow", null);
        HttpResponse<String> cancelled = pending.get(3, TimeUnit.SECONDS);
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(cancelled.statusCode()).isEqualTo(503);
        assertThat(cancelled.body()).isEqualTo(CANCELLED);
        assertThat(elapsedMillis).isLessThan(1_000L);
        assertRefused(port);
    }

    @Test
    void javaApiCreatesScopesWithAndWithoutAPort() {
        ScopeInfo withPort = mock.engine().createScope("Java_Port", ScopeOptions.defaults().withDedicatedPort(true));
        ScopeInfo without = mock.engine().createScope("java-plain", ScopeOptions.defaults());
        String legacy = mock.engine().createScope("Legacy");

        assertThat(withPort.name()).isEqualTo("java_port");
        assertThat(withPort.port()).isPresent();
        assertThat(withPort.toString()).isEqualTo("java_port (port " + withPort.dedicatedPort() + ")");
        assertThat(without.port()).isEmpty();
        assertThat(without.toString()).isEqualTo("java-plain");
        assertThat(legacy).isEqualTo("legacy");
        assertThat(mock.engine().scopeInfos()).containsExactly(withPort, without, new ScopeInfo("legacy", 0));
        mock.addStub("java_port", textStub("{\"path\": \"/p\"}", "java"));
        assertThat(sendTo(withPort.port().getAsInt(), "GET", "/p", null).body()).isEqualTo("java");
        assertThatThrownBy(() -> mock.engine().createScope("JAVA_PORT", ScopeOptions.defaults()
                .withDedicatedPort(true))).isInstanceOf(ScopeExistsException.class)
                .hasMessage("Scope 'JAVA_PORT' already exists");
        assertThat(mock.engine().connectorCount()).isEqualTo(2);

        mock.engine().deleteScope("java_port");

        assertRefused(withPort.dedicatedPort());
        assertThat(mock.engine().connectorCount()).isEqualTo(1);
    }

    @Test
    void fiveHundredPortScopesCreatedAndDeletedLeaveNoConnectorsOrOpenPorts() {
        Set<Integer> ports = new LinkedHashSet<>();
        mock.addStub(null, textStub("{\"path\": \"/p\"}", "global"));

        for (int i = 0; i < 500; i++) {
            String name = "cycle-" + i;
            ScopeInfo scope = mock.engine().createScope(name, ScopeOptions.defaults().withDedicatedPort(true));
            int port = scope.port().orElseThrow();
            ports.add(port);
            if (i % 25 == 0) {
                mock.addStub(name, textStub("{\"path\": \"/p\"}", name));
                assertThat(sendTo(port, "GET", "/p", null).body()).isEqualTo(name);
            }
            assertThat(mock.engine().connectorCount()).isEqualTo(2);
            mock.engine().deleteScope(name);
        }

        assertThat(mock.engine().connectorCount()).isEqualTo(1);
        assertThat(mock.engine().scopes()).isEmpty();
        List<Integer> stillOpen = new ArrayList<>();
        for (int port : ports) {
            if (!isRefused(port)) {
                stillOpen.add(port);
            }
        }
        assertThat(stillOpen).as("ports of deleted scopes still accepting connections").isEmpty();
        assertThat(mock.get("/p").body()).isEqualTo("global");
    }

    @Test
    void concurrentPortScopesStayIsolatedAndAllClose() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        String name = "t" + thread + "-" + i;
                        int port = mock.engine().createScope(name, ScopeOptions.defaults().withDedicatedPort(true))
                                .port().orElseThrow();
                        mock.engine().addStubJson(name, textStub("{\"path\": \"/same\"}", name));
                        String answer = sendTo(port, "GET", "/same", null).body();
                        if (!answer.equals(name) || mock.engine().requests(name).size() != 1) {
                            throw new AssertionError(name + " saw " + answer);
                        }
                        mock.engine().deleteScope(name);
                    }
                    return thread;
                }));
            }
            for (Future<Integer> result : results) {
                result.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(mock.engine().connectorCount()).isEqualTo(1);
        assertThat(mock.engine().scopes()).isEmpty();
    }

    private int createPortScope(String name) {
        HttpResponse<String> response = mock.postJson("/__mock__/scopes",
                "{\"name\": \"" + name + "\", \"dedicated_port\": true}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response).get("port").asInt();
    }

    private HttpResponse<String> sendTo(int port, String method, String path, String body, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        try {
            return mock.client().send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends a GET on an open connection and reads its complete (Content-Length) response. */
    private static String exchangeKeepAlive(Socket socket, String path) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        InputStream in = socket.getInputStream();
        StringBuilder received = new StringBuilder();
        while (true) {
            int b = in.read();
            if (b < 0) {
                return received.toString();
            }
            received.append((char) b);
            String text = received.toString();
            int head = text.indexOf("\r\n\r\n");
            int at = text.toLowerCase(java.util.Locale.ROOT).indexOf("content-length: ");
            if (head > 0 && at > 0) {
                int length = Integer.parseInt(text.substring(at + 16, text.indexOf("\r\n", at)).trim());
                if (text.length() == head + 4 + length) {
                    return text;
                }
            }
        }
    }

    private static boolean isRefused(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
            return false;
        } catch (ConnectException refused) {
            return true;
        } catch (SocketException resetWhileClosing) {
            return false;      // accepted into the backlog of a listener that was closing: not refused yet
        } catch (IOException other) {
            throw new UncheckedIOException(other);
        }
    }

    private static void assertRefused(int port) {
        assertThat(isRefused(port)).as("port %d refuses connections", port).isTrue();
    }
}
