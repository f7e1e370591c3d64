package dev.scopemock.engine.internal.respond;

import dev.scopemock.engine.criteria.CriterionException;
import dev.scopemock.engine.internal.json.JsonCodec;
import dev.scopemock.engine.model.RecordedRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code request} variable of a template render: path, path_params, method, host, scope, query, headers and
 * body. Reading a missing key fails the render (strict undefined). The body is parsed as JSON only when the
 * template reads it and the request's content type is JSON; a body that does not parse then fails the render.
 */
public final class TemplateContext {

    static final String INVALID_JSON = "Invalid JSON request body for JSON content-type";

    private final StrictMap root;
    private String failure;

    private TemplateContext(RecordedRequest request, Map<String, String> pathParams) {
        this.root = new StrictMap("request", this);
        root.putRaw("path", request.path());
        root.putRaw("path_params", strict("request.path_params", pathParams));
        root.putRaw("method", request.method());
        root.putRaw("host", request.host());
        root.putRaw("scope", request.scope());
        root.putRaw("query", strict("request.query", request.singleQuery()));
        root.putRaw("headers", strict("request.headers", request.singleHeaders()));
        root.putLazyBody(request);
    }

    public static TemplateContext of(RecordedRequest request, Map<String, String> pathParams) {
        return new TemplateContext(request, pathParams);
    }

    /** A context that answers every key, used to check template syntax without a request. */
    static Map<String, Object> permissive() {
        return new LinkedHashMap<>();
    }

    Map<String, Object> root() {
        return root;
    }

    /** The first failure recorded while rendering (undefined key or unparsable JSON body), or null. */
    String failure() {
        if (failure == null && !unforgiven.isEmpty()) {
            return unforgiven.get(0).message();
        }
        return failure;
    }

    private final java.util.List<Undefined> unforgiven = new java.util.ArrayList<>(0);

    Undefined undefined(String message) {
        Undefined value = new Undefined(this, message);
        unforgiven.add(value);
        return value;
    }

    void forgive(Undefined value) {
        unforgiven.remove(value);
    }

    void fail(String message) {
        if (failure == null) {
            failure = message;
        }
    }

    private StrictMap strict(String name, Map<String, ?> values) {
        StrictMap map = new StrictMap(name, this);
        values.forEach(map::putRaw);
        return map;
    }

    /** Converts parsed JSON into maps and lists that print as JSON-style text. */
    static Object jsonStyle(Object value) {
        if (value instanceof Map<?, ?> map) {
            JsonStyleMap copy = new JsonStyleMap();
            map.forEach((k, v) -> copy.put(String.valueOf(k), jsonStyle(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            JsonStyleList copy = new JsonStyleList();
            list.forEach(v -> copy.add(jsonStyle(v)));
            return copy;
        }
        return value;
    }

    static boolean isJsonContentType(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String media = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim()
                .toLowerCase(Locale.ROOT);
        return media.equals("application/json") || media.endsWith("+json");
    }

    /** A map whose missing keys fail the render, and whose body entry is computed on first read. */
    static final class StrictMap extends LinkedHashMap<String, Object> {
        private static final long serialVersionUID = 1L;
        private static final Object LAZY_BODY = new Object();

        private final transient String name;
        private final transient TemplateContext owner;
        private transient RecordedRequest lazyBodySource;

        StrictMap(String name, TemplateContext owner) {
            this.name = name;
            this.owner = owner;
        }

        void putRaw(String key, Object value) {
            super.put(key, value);
        }

        void putLazyBody(RecordedRequest request) {
            this.lazyBodySource = request;
            super.put("body", LAZY_BODY);
        }

        @Override
        public Object get(Object key) {
            if (!super.containsKey(key)) {
                return owner.undefined("'" + name + "' has no attribute '" + key + "'");
            }
            Object value = super.get(key);
            if (value == LAZY_BODY) {
                value = resolveBody();
                super.put("body", value);
            }
            return value;
        }

        private Object resolveBody() {
            RecordedRequest request = lazyBodySource;
            String text = request.bodyText();
            if (text == null) {
                text = new String(request.body(), java.nio.charset.StandardCharsets.UTF_8);
            }
            if (!isJsonContentType(request.header("content-type"))) {
                return text;
            }
            try {
                return jsonStyle(JsonCodec.parseValue(text));
            } catch (CriterionException notJson) {
                owner.fail(INVALID_JSON);
                return null;
            }
        }

        @Override
        public String toString() {
            Map<String, Object> plain = new LinkedHashMap<>();
            for (String key : keySet()) {
                plain.put(key, get(key));
            }
            return JsonStyleMap.render(plain);
        }
    }

    /** A map printed as {@code {"a": 1}}. */
    static final class JsonStyleMap extends LinkedHashMap<String, Object> {
        private static final long serialVersionUID = 1L;

        @Override
        public String toString() {
            return render(this);
        }

        static String render(Map<String, Object> map) {
            StringBuilder out = new StringBuilder("{");
            boolean first = true;
            for (Map.Entry<String, Object> entry : map.entrySet()) {
                if (!first) {
                    out.append(", ");
                }
                first = false;
                out.append(JsonCodec.writeString(entry.getKey())).append(": ").append(valueText(entry.getValue()));
            }
            return out.append('}').toString();
        }
    }

    /** A list printed as {@code [1, "a"]}. */
    static final class JsonStyleList extends ArrayList<Object> {
        private static final long serialVersionUID = 1L;

        @Override
        public String toString() {
            StringBuilder out = new StringBuilder("[");
            for (int i = 0; i < size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                out.append(valueText(get(i)));
            }
            return out.append(']').toString();
        }
    }

    private static String valueText(Object value) {
        if (value instanceof Map || value instanceof List) {
            return value.toString();
        }
        return JsonCodec.writeString(value);
    }
}
