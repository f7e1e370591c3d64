package dev.scopemock.junit.internal.agent.bootstrap;

import java.util.Locale;

/**
 * One test's scope header and the engine it is meant for: requests to that host and port (the loopback names count
 * as one host) get the header; the engine's control API ({@code /__mock__}) and path-prefixed scopes
 * ({@code /__scope__/…}) are left alone.
 */
final class ScopeBinding {

    private final String host;
    private final boolean loopback;
    private final int port;
    private final String[] header;

    ScopeBinding(String host, int port, String headerName, String headerValue) {
        this.host = normalize(host);
        this.loopback = isLoopback(this.host);
        this.port = port;
        this.header = new String[] {headerName, headerValue};
    }

    /** The header as {name, value}; shared, callers only read it. */
    String[] header() {
        return header;
    }

    boolean targets(String scheme, String requestHost, int requestPort, String path) {
        if (requestHost == null) {
            return false;
        }
        int effectivePort = requestPort >= 0 ? requestPort : "https".equalsIgnoreCase(scheme) ? 443 : 80;
        if (effectivePort != port) {
            return false;
        }
        if (path != null && (path.startsWith("/__mock__") || path.startsWith("/__scope__/"))) {
            return false;
        }
        String normalized = normalize(requestHost);
        return normalized.equals(host) || loopback && isLoopback(normalized);
    }

    private static String normalize(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return bare.toLowerCase(Locale.ROOT);
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1")
                || host.equals("0:0:0:0:0:0:0:1");
    }

    @Override
    public String toString() {
        return header[0] + " for " + host + ":" + port;
    }
}
