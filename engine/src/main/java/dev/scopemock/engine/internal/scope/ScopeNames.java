package dev.scopemock.engine.internal.scope;

import java.util.Locale;
import java.util.Set;

/**
 * The scope name rules: ASCII letters, digits, {@code -} and {@code _}, 1 to 128 characters, compared lower-cased,
 * and never the name of a common HTTP header (such a scope would capture nearly all traffic).
 */
public final class ScopeNames {

    public static final int MAX_LENGTH = 128;

    /** Header names a scope may not take. */
    public static final Set<String> RESERVED = Set.of(
            "accept", "accept-charset", "accept-encoding", "accept-language", "authorization", "cache-control",
            "connection", "content-encoding", "content-length", "content-type", "cookie", "date", "expect",
            "forwarded", "host", "if-match", "if-modified-since", "if-none-match", "if-unmodified-since",
            "keep-alive", "origin", "pragma", "proxy-authorization", "proxy-connection", "range", "referer", "te",
            "trailer", "transfer-encoding", "upgrade", "user-agent", "via", "x-forwarded-for",
            "x-forwarded-host", "x-forwarded-proto", "x-request-id", "traceparent", "tracestate", "baggage");

    private ScopeNames() {
    }

    /** The rule the name breaks, or null when it is valid. */
    public static String violation(String name) {
        if (name.isEmpty()) {
            return "a scope name must have at least 1 character";
        }
        if (name.length() > MAX_LENGTH) {
            return "a scope name must have at most " + MAX_LENGTH + " characters, found " + name.length();
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '_';
            if (!ok) {
                return "String should match pattern '^[A-Za-z0-9_-]+$' (a scope name may hold ASCII letters, digits,"
                        + " '-' and '_'), found '" + name + "'";
            }
        }
        if (RESERVED.contains(normalize(name))) {
            return "the scope name '" + name + "' is reserved: it is a common HTTP header name and would capture"
                    + " unrelated traffic; choose another name";
        }
        return null;
    }

    public static String normalize(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
