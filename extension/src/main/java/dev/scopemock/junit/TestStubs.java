package dev.scopemock.junit;

import dev.scopemock.engine.internal.json.JsonCodec;
import dev.scopemock.junit.internal.EngineConnection;
import dev.scopemock.junit.internal.Verifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stubs one test registered in its scope, by registration order and by name: registration (names are unique
 * within the test and become stub ids {@code <scope>:<name>}), atomic replacement of a named stub's action, and the
 * rows reports read. Thread-safe.
 */
final class TestStubs {

    /**
     * One stub this test registered; a callback stub also keeps its description and the user's handler, so the stub
     * can be copied into another test's scope (dynamic tests of a factory).
     */
    record Entry(String id, String name, String payload, String origin, String description, RequestHandler handler) {

        Entry(String id, String name, String payload, String origin) {
            this(id, name, payload, origin, null, null);
        }

        String[] row() {
            return new String[] {id, name, origin, payload};
        }
    }

    private final EngineConnection engine;
    private final String scope;
    private final Map<String, Entry> byName = new LinkedHashMap<>();
    private final List<Entry> all = new ArrayList<>();

    TestStubs(EngineConnection engine, String scope) {
        this.engine = engine;
        this.scope = scope;
    }

    /**
     * Registers a stub payload; a named one gets the id {@code <scope>:<name>}.
     *
     * @param duplicateMessage the message for a name already taken
     */
    synchronized String register(String name, String payloadJson, String origin, String duplicateMessage) {
        if (name == null) {
            String id = engine.addStub(scope, payloadJson);
            all.add(new Entry(id, null, payloadJson, origin));
            return id;
        }
        if (byName.containsKey(name)) {
            throw new IllegalArgumentException(duplicateMessage);
        }
        String payload = withId(payloadJson, scope + ":" + name);
        String id = engine.addStub(scope, payload);
        Entry entry = new Entry(id, name, payload, origin);
        byName.put(name, entry);
        all.add(entry);
        return id;
    }

    /** Registers a callback stub (in-process engines only); the handler is kept for copies. */
    synchronized String registerCallback(String payloadJson, String description,
                                         dev.scopemock.engine.model.StubCallback callback, RequestHandler handler) {
        String id = engine.addCallbackStub(scope, payloadJson, description, callback);
        all.add(new Entry(id, null, payloadJson, "fluent", description, handler));
        return id;
    }

    /** The entries in registration order. */
    synchronized List<Entry> entries() {
        return List.copyOf(all);
    }

    /**
     * Swaps a named stub's action atomically (same id, matchers, chaos and call limit; the call count restarts):
     * requests arriving meanwhile are answered by the old or the new action, never by nothing. When the engine
     * rejects the new action, the old one stays.
     */
    synchronized void replaceAction(String name, Map<String, Object> action) {
        Entry old = require(name);
        Map<String, Object> payload = new LinkedHashMap<>(Verifier.parseObject(old.payload()));
        payload.put("action", action);
        String json = JsonCodec.writeString(payload);
        engine.replaceStub(scope, old.id(), json);
        Entry replaced = new Entry(old.id(), name, json, old.origin());
        byName.put(name, replaced);
        all.set(all.indexOf(old), replaced);
    }

    /**
     * The named stub.
     *
     * @throws IllegalArgumentException listing the declared names when there is none
     */
    synchronized Entry require(String name) {
        Entry entry = byName.get(name);
        if (entry == null) {
            List<String> declared = new ArrayList<>();
            byName.keySet().forEach(known -> declared.add("\"" + known + "\""));
            throw new IllegalArgumentException("No stub named \"" + name + "\" in scope " + scope + "; declared names: "
                    + declared + ". Fix: use a declared name, or name the stub with @Stub(name = \"" + name + "\")"
                    + " or .named(\"" + name + "\").");
        }
        return entry;
    }

    /** Id, name, origin and payload of every stub, in registration order. */
    synchronized List<String[]> rows() {
        List<String[]> rows = new ArrayList<>(all.size());
        all.forEach(entry -> rows.add(entry.row()));
        return Collections.unmodifiableList(rows);
    }

    static String withId(String payloadJson, String id) {
        return "{\"id\":" + JsonCodec.writeString(id) + "," + payloadJson.substring(payloadJson.indexOf('{') + 1);
    }
}
