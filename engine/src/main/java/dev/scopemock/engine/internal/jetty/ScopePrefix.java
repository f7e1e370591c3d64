package dev.scopemock.engine.internal.jetty;

import org.eclipse.jetty.util.URIUtil;

/**
 * The path prefix {@code /__scope__/{name}}: a request to {@code /__scope__/x/rest/of/path} belongs to scope
 * {@code x} and is matched and recorded as {@code /rest/of/path} ({@code /__scope__/x} alone as {@code /}).
 *
 * <p>The split is made on the percent-decoded path, so the rest is decoded as any path is; the name is taken from
 * the path as sent when it is percent-encoded there, so an encoded {@code /} ({@code %2F}) stays inside the name
 * (which makes it invalid) instead of ending it.
 *
 * @param name the scope name as given (not validated, possibly empty)
 * @param path the decoded rest of the path, starting with {@code /}
 * @param rawPath the rest of the path as sent
 */
record ScopePrefix(String name, String path, String rawPath) {

    static final String PREFIX = "/__scope__";
    private static final int NAME_START = PREFIX.length() + 1;

    /** Whether the decoded path is {@code /__scope__} or lies below it; allocation-free. */
    static boolean applies(String path) {
        return path.startsWith(PREFIX) && (path.length() == PREFIX.length() || path.charAt(PREFIX.length()) == '/');
    }

    /** Splits a path for which {@link #applies} holds. */
    static ScopePrefix parse(String path, String rawPath) {
        String name = "";
        String rest = "/";
        if (path.length() > NAME_START) {
            int slash = path.indexOf('/', NAME_START);
            name = path.substring(NAME_START, slash < 0 ? path.length() : slash);
            rest = slash < 0 ? "/" : path.substring(slash);
        }
        String rawRest = rest;
        if (rawPath != null && rawPath.startsWith(PREFIX + "/")) {
            int rawSlash = rawPath.indexOf('/', NAME_START);
            String rawName = rawPath.substring(Math.min(NAME_START, rawPath.length()),
                    rawSlash < 0 ? rawPath.length() : rawSlash);
            rawRest = rawSlash < 0 ? "/" : rawPath.substring(rawSlash);
            if (rawName.indexOf('%') >= 0 || rawName.indexOf(';') >= 0) {
                name = decode(rawName);
            }
        }
        return new ScopePrefix(name, rest, rawRest);
    }

    private static String decode(String rawName) {
        int parameters = rawName.indexOf(';');
        String segment = parameters < 0 ? rawName : rawName.substring(0, parameters);
        try {
            return URIUtil.decodePath(segment);
        } catch (IllegalArgumentException malformed) {
            return segment;
        }
    }
}
