package dev.scopemock.engine;

import static dev.scopemock.engine.support.TestEngine.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopemock.engine.support.TestEngine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupStubFilesTest {

    @TempDir
    Path dir;

    @Test
    void loadsArrayFormAsGlobalStubsInFileOrder() throws IOException {
        Path file = write("stubs.json", "[" + stub("/health", "ok") + ", " + stub("/ready", "yes") + "]");

        try (TestEngine mock = start(file)) {
            JsonNode stubs = json(mock.get("/__mock__/stubs")).get("stubs");

            assertThat(stubs).extracting(s -> s.get("request").get("path").asText())
                    .containsExactly("/health", "/ready");
            assertThat(stubs).allSatisfy(s -> assertThat(s.get("scope").isNull()).isTrue());
            assertThat(mock.get("/health").body()).isEqualTo("ok");
            assertThat(mock.get("/ready").body()).isEqualTo("yes");
        }
    }

    @Test
    void loadsObjectFormIgnoringOtherKeys() throws IOException {
        Path file = write("stubs.json", "{\"version\": 3, \"comment\": \"seed\", \"stubs\": [{\"id\": \"health\","
                + " \"request\": {\"path\": \"/health\"}, \"action\": {\"response\": {\"status_code\": 200,"
                + " \"headers\": {}, \"body\": \"ok\"}}}, {\"request\": {\"path\": \"/users/{id}\", \"method\": \"GET\"},"
                + " \"action\": {\"response\": {\"status_code\": 200, \"headers\": {\"Content-Type\":"
                + " \"application/json\"}, \"template_body\": \"{\\\"id\\\":\\\"{{ request.path_params.id }}\\\"}\"}},"
                + " \"chaos\": {\"latency\": {\"base_ms\": 20}}}]}");

        try (TestEngine mock = start(file)) {
            var user = mock.get("/users/42");

            assertThat(mock.get("/health").body()).isEqualTo("ok");
            assertThat(user.statusCode()).isEqualTo(200);
            assertThat(user.body()).isEqualTo("{\"id\":\"42\"}");
            assertThat(ids(mock)).hasSize(2).first().isEqualTo("health");
        }
    }

    @Test
    void takesExplicitIdsPreferringStubIdAndConvertingNumbers() throws IOException {
        Path file = write("stubs.json", "[" + withId("\"id\": \"a\", \"stub_id\": \"b\"", "/1")
                + ", " + withId("\"id\": 5", "/2")
                + ", " + withId("\"stub_id\": \"  padded  \", \"id\": null", "/3")
                + ", " + withId("\"stub_id\": null, \"id\": \"fallback\"", "/4")
                + ", " + stub("/5", "x") + "]");

        try (TestEngine mock = start(file)) {
            List<String> ids = ids(mock);

            assertThat(ids.subList(0, 4)).containsExactly("b", "5", "padded", "fallback");
            assertThat(ids.get(4)).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
            assertThat(mock.send("DELETE", "/__mock__/stubs/5", null).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void loadsJsonFilesOfADirectoryInNameOrder() throws IOException {
        Path stubs = Files.createDirectory(dir.resolve("stubs.d"));
        Files.writeString(stubs.resolve("b.json"), "[" + withId("\"id\": \"b\"", "/b") + "]");
        Files.writeString(stubs.resolve("10-first.json"), "{\"stubs\": [" + withId("\"id\": \"10\"", "/10") + "]}");
        Files.writeString(stubs.resolve("a.json"), "[" + withId("\"id\": \"a1\"", "/a1") + ", "
                + withId("\"id\": \"a2\"", "/a2") + "]");
        Files.writeString(stubs.resolve("notes.txt"), "not json, ignored");
        Files.createDirectory(stubs.resolve("nested.json"));

        try (TestEngine mock = start(stubs)) {
            assertThat(ids(mock)).containsExactly("10", "a1", "a2", "b");
        }
    }

    @Test
    void loadsSeveralStubsOptionsInOrder() throws IOException {
        Path second = write("second.json", "[" + withId("\"id\": \"second\"", "/second") + "]");
        Path first = write("first.json", "[" + withId("\"id\": \"first\"", "/first") + "]");

        try (TestEngine mock = TestEngine.start(EngineOptions.defaults().withStubFiles(List.of(second, first)))) {
            assertThat(ids(mock)).containsExactly("second", "first");
            assertThat(mock.get("/second").body()).isEqualTo("second");
            assertThat(mock.get("/first").body()).isEqualTo("first");
        }
    }

    @Test
    void loadsTheRepositoryDemoStubFile() {
        Path demo = Path.of("..", "demo", "stubs.json");

        try (TestEngine mock = start(demo)) {
            assertThat(ids(mock)).containsExactly("health", "user-by-id", "payment", "prices");
            assertThat(mock.get("/health").body()).isEqualTo("ok");
            assertThat(mock.get("/users/42").body()).isEqualTo("{\"id\":\"42\"}");
            assertThat(mock.send("POST", "/payment", "{\"amount\": 42}", "Content-Type", "application/json").body())
                    .isEqualTo("{\"status\":\"accepted\"}");
        }
    }

    @Test
    void acceptsEmptyStubList() throws IOException {
        Path file = write("empty.json", "{\"stubs\": []}");

        try (TestEngine mock = start(file)) {
            assertThat(mock.get("/__mock__/stubs").body()).isEqualTo("{\"stubs\":[]}");
        }
    }

    @Test
    void rejectsInvalidJson() throws IOException {
        Path file = write("broken.json", "[\n  {\"request\": {},\n");

        assertThatThrownBy(() -> start(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("stub file " + file + " is not valid JSON: Unexpected end-of-input within/between Object"
                        + " entries (line 3, column 1)");
    }

    @Test
    void rejectsWrongTopLevelShape() throws IOException {
        Path text = write("text.json", "\"stubs\"");
        Path object = write("object.json", "{\"stub\": []}");
        Path empty = write("empty.json", "");

        assertThatThrownBy(() -> start(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("stub file " + text + " must hold a JSON array of stubs or an object with a \"stubs\""
                        + " array, found a string");
        assertThatThrownBy(() -> start(object)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("stub file " + object + " must hold a JSON array of stubs or an object with a \"stubs\""
                        + " array, found an object without a \"stubs\" array");
        assertThatThrownBy(() -> start(empty)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("stub file " + empty + " must hold a JSON array of stubs or an object with a \"stubs\""
                        + " array, found nothing");
    }

    @Test
    void rejectsScopeKeyWhateverItsValue() throws IOException {
        Path file = write("scoped.json", "[" + stub("/a", "a") + ", {\"scope\": null, \"request\": {},"
                + " \"action\": {\"response\": {\"status_code\": 200, \"headers\": {}, \"body\": \"x\"}}}]");

        assertThatThrownBy(() -> start(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("stub file " + file + " has invalid entries:\n  entry 1, field scope: a stub payload must"
                        + " not name its scope: send the scope header with the request instead (start-up stubs are"
                        + " always global)");
    }

    @Test
    void rejectsEmptyId() throws IOException {
        Path file = write("ids.json", "{\"stubs\": [" + withId("\"stub_id\": \" \"", "/a") + "]}");

        assertThatThrownBy(() -> start(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("stub file " + file + " has invalid entries:\n  entry 0, field stub_id: a stub id must"
                        + " not be empty");
    }

    @Test
    void rejectsDuplicateIdsWithinAndAcrossFiles() throws IOException {
        Path first = write("first.json", "[" + withId("\"id\": \"health\"", "/a") + "]");
        Path second = write("second.json", "[" + stub("/b", "b") + ", " + withId("\"stub_id\": \"health\"", "/c")
                + "]");
        Path same = write("same.json", "[" + withId("\"id\": 7", "/a") + ", " + withId("\"id\": \"7\"", "/b") + "]");

        assertThatThrownBy(() -> TestEngine.start(EngineOptions.defaults().withStubFiles(List.of(first, second))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("stub file " + second + " entry 1, field id: duplicate stub id 'health', already used by"
                        + " stub file " + first + " entry 0; stub ids must be unique across all start-up files");
        assertThatThrownBy(() -> start(same)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("stub file " + same + " entry 1, field id: duplicate stub id '7', already used by"
                        + " stub file " + same + " entry 0; stub ids must be unique across all start-up files");
    }

    @Test
    void rejectsInvalidEntryNamingFileEntryAndField() throws IOException {
        Path file = write("bad.json", "{\"stubs\": [" + stub("/ok", "ok") + ", {\"request\": {\"path\": \"/x\"},"
                + " \"action\": {\"response\": {\"headers\": {}, \"body\": \"x\"}}}, 42,"
                + " {\"request\": {}, \"action\": {\"sse\": {\"events\": [{\"data\": \"a\"}, {\"data\": 1}]}},"
                + " \"max_call\": 1}]}");

        assertThatThrownBy(() -> start(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("stub file " + file + " has invalid entries:"
                        + "\n  entry 1, field action.response.status_code: Field required"
                        + "\n  entry 2: Input should be a valid dictionary or object to extract fields from, found a"
                        + " number (42)"
                        + "\n  entry 3, field max_call: Extra inputs are not permitted: unknown field 'max_call';"
                        + " allowed fields are [action, chaos, id, max_calls, request, scope, stub_id]"
                        + "\n  entry 3, field action.sse.events[1].data: Input should be a valid string, found a"
                        + " number (1)");
    }

    @Test
    void rejectsMissingFile() {
        Path missing = dir.resolve("missing.json");

        assertThatThrownBy(() -> start(missing)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("stub file " + missing + " does not exist");
    }

    private TestEngine start(Path file) {
        return TestEngine.start(EngineOptions.defaults().withStubFiles(List.of(file)));
    }

    private Path write(String name, String content) throws IOException {
        return Files.write(dir.resolve(name), content.getBytes(StandardCharsets.UTF_8));
    }

    private static String stub(String path, String body) {
        return "{\"request\": {\"path\": \"" + path + "\"}, \"action\": {\"response\": {\"status_code\": 200,"
                + " \"headers\": {}, \"body\": \"" + body + "\"}}}";
    }

    private static String withId(String idFields, String path) {
        return "{" + idFields + ", \"request\": {\"path\": \"" + path + "\"}, \"action\": {\"response\":"
                + " {\"status_code\": 200, \"headers\": {}, \"body\": \"" + path.substring(1) + "\"}}}";
    }

    private static List<String> ids(TestEngine mock) {
        List<String> ids = new ArrayList<>();
        json(mock.get("/__mock__/stubs")).get("stubs").forEach(s -> ids.add(s.get("stub_id").asText()));
        return ids;
    }
}
