package dev.scopemock.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scopemock.engine.model.CallbackAction;
import dev.scopemock.engine.model.InjectedFault;
import dev.scopemock.engine.model.ResponseAction;
import dev.scopemock.engine.model.ResponseBody;
import dev.scopemock.engine.model.StubDefinition;
import dev.scopemock.engine.support.TestEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Java-only callback action: answers, faults, failures, and its listing. */
class CallbackActionTest {

    private static TestEngine mock;

    @BeforeAll
    static void startEngine() {
        mock = TestEngine.start();
    }

    @AfterAll
    static void stopEngine() {
        mock.close();
    }

    @BeforeEach
    void reset() {
        mock.engine().reset();
    }

    private static String callbackStub(String path, CallbackAction action) {
        StubDefinition read = mock.engine().readStub("{\"request\": {\"path\": \"" + path + "\"}, \"action\":"
                + " {\"response\": {\"status_code\": 200, \"headers\": {}, \"body\": \"\"}}}");
        return mock.engine().addStub(null, new StubDefinition(null, read.request(), action, null, null));
    }

    @Test
    void answersWithWhatTheCallbackReturnsAndIsListedByItsDescription() {
        callbackStub("/items/{id}", new CallbackAction("echo id", request -> new ResponseAction(202, List.of(),
                new ResponseBody.Text("item " + request.pathParams().get("id")))));

        HttpResponse<String> response = mock.get("/items/9");
        HttpResponse<String> list = mock.get("/__mock__/stubs");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).isEqualTo("item 9");
        assertThat(TestEngine.json(list).get("stubs").get(0).get("action").get("callback").asText())
                .isEqualTo("echo id");
    }

    @Test
    void aThrowingCallbackIsA500AndTheEngineKeepsServing() {
        String id = callbackStub("/boom", new CallbackAction("boom", request -> {
            throw new IOException("disk on fire");
        }));

        HttpResponse<String> response = mock.get("/boom");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).isEqualTo("{\"error\":\"CALLBACK_FAILED\",\"detail\":\"stub " + id + ": the"
                + " callback boom threw java.io.IOException: disk on fire\"}");
        assertThat(mock.get("/boom").statusCode()).isEqualTo(500);
    }

    @Test
    void aCallbackReturningNullIsA500() {
        String id = callbackStub("/null", new CallbackAction("nothing", request -> null));

        assertThat(mock.get("/null").body()).isEqualTo("{\"error\":\"CALLBACK_FAILED\",\"detail\":\"stub " + id
                + ": the callback nothing returned null instead of a response\"}");
    }

    @Test
    void anInjectedFaultBreaksTheConnection() {
        callbackStub("/reset", new CallbackAction("reset", request -> {
            throw InjectedFault.of(InjectedFault.Kind.CONNECTION_RESET);
        }));

        assertThatThrownBy(() -> mock.get("/reset")).isExactlyInstanceOf(UncheckedIOException.class)
                .hasRootCauseExactlyInstanceOf(java.net.SocketException.class).hasRootCauseMessage("Connection reset");
    }
}
