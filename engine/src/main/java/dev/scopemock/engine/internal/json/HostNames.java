package dev.scopemock.engine.internal.json;

import java.util.Locale;

/** Host header handling: the host part, lower-cased, without port (IPv6 literals keep their brackets). */
public final class HostNames {

    private HostNames() {
    }

    /** The last Host header seen and its host part: clients send the same one request after request. */
    private record Last(String header, String host) {
    }

    private static volatile Last last = new Last("", "");

    public static String withoutPort(String host) {
        Last seen = last;
        if (seen.header.equals(host)) {
            return seen.host;
        }
        String result = parse(host);
        last = new Last(host, result);
        return result;
    }

    private static String parse(String host) {
        String value = host.trim();
        if (value.startsWith("[")) {
            int end = value.indexOf(']');
            return (end < 0 ? value : value.substring(0, end + 1)).toLowerCase(Locale.ROOT);
        }
        int colon = value.indexOf(':');
        if (colon >= 0 && value.indexOf(':', colon + 1) < 0) {
            value = value.substring(0, colon);
        }
        return value.toLowerCase(Locale.ROOT);
    }
}
