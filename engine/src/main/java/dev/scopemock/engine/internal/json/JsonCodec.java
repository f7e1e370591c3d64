package dev.scopemock.engine.internal.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.scopemock.engine.criteria.CriterionException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The one shared Jackson configuration: parsing plain JSON values and writing compact JSON. */
public final class JsonCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();
    private static final ObjectReader TREE_READER = MAPPER.reader();
    private static final ObjectReader VALUE_READER = MAPPER.readerFor(Object.class);
    private static final ObjectWriter WRITER = MAPPER.writer();

    private JsonCodec() {
    }

    /** The shared mapper, for components that need their own reader or writer. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Parses JSON text into a tree.
     *
     * @throws JsonProcessingException when the text is not JSON
     */
    public static JsonNode parseTree(byte[] json) throws IOException {
        return TREE_READER.readTree(json);
    }

    /** Parses JSON text into plain Java values, failing with a {@link CriterionException}. */
    public static Object parseValue(String json) {
        try {
            return VALUE_READER.readValue(json);
        } catch (IOException e) {
            throw new CriterionException("the text is not JSON: " + firstLine(getMessage(e)));
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /** Compact JSON bytes of a plain value or tree. */
    public static byte[] writeBytes(Object value) {
        try {
            return WRITER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compact JSON text of a plain value or tree. */
    public static String writeString(Object value) {
        try {
            return WRITER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Converts a tree into plain Java values (maps keep their order; integers become Long or BigInteger). */
    public static Object toPlain(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                map.put(field.getKey(), toPlain(field.getValue()));
            }
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(item -> list.add(toPlain(item)));
            return list;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
        }
        return node.decimalValue();
    }

    private static String getMessage(IOException e) {
        return e.getMessage();
    }
}
