package dev.scopemock.engine.internal.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.scopemock.engine.InvalidPayloadException;
import dev.scopemock.engine.PayloadError;
import dev.scopemock.engine.model.StubDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a start-up stub file: a JSON array of stub payloads, or an object with a {@code stubs} array. Entries may
 * carry {@code id}/{@code stub_id}; a {@code scope} key is an error. Any problem names the file, the entry index
 * and the field.
 */
public final class StubFileReader {

    private final StubPayloadReader payloads;

    public StubFileReader(StubPayloadReader payloads) {
        this.payloads = payloads;
    }

    /** Reads every stub of a file, failing with a message that names the file and each broken rule. */
    public List<StubDefinition> read(Path file) {
        JsonNode root;
        try {
            root = JsonCodec.parseTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            throw new IllegalArgumentException("stub file " + file + " is not valid JSON: " + e.getOriginalMessage()
                    + (where == null ? "" : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")"),
                    e);
        } catch (IOException e) {
            throw new IllegalArgumentException("stub file " + file + " cannot be read: " + e, e);
        }
        JsonNode entries = root;
        List<Object> base = new ArrayList<>();
        if (root != null && root.isObject()) {
            entries = root.get("stubs");
            base.add("stubs");
        }
        if (entries == null || !entries.isArray()) {
            throw new IllegalArgumentException("stub file " + file + " must hold a JSON array of stubs or an object"
                    + " with a \"stubs\" array, found " + (root == null || root.isMissingNode() ? "nothing"
                    : root.isObject() ? "an object without a \"stubs\" array" : WireErrors.kind(root)));
        }
        List<StubDefinition> stubs = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            List<Object> loc = new ArrayList<>(base);
            loc.add(i);
            try {
                stubs.add(payloads.read(entries.get(i), loc));
            } catch (InvalidPayloadException e) {
                for (PayloadError error : e.errors()) {
                    problems.add(describe(i, error.loc().subList(loc.size(), error.loc().size()), error.msg()));
                }
            }
        }
        if (!problems.isEmpty()) {
            StringBuilder message = new StringBuilder("stub file " + file + " has invalid entries:");
            problems.forEach(p -> message.append("\n  ").append(p));
            throw new IllegalArgumentException(message.toString());
        }
        return stubs;
    }

    /** {@code entry 2, field action.response.status_code: Field required}. */
    private static String describe(int entry, List<Object> field, String msg) {
        if (field.isEmpty()) {
            return "entry " + entry + ": " + msg;
        }
        StringBuilder path = new StringBuilder();
        for (Object part : field) {
            if (part instanceof Integer) {
                path.append('[').append(part).append(']');
            } else {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(part);
            }
        }
        return "entry " + entry + ", field " + path + ": " + msg;
    }
}
