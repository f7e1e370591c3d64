package dev.scopemock.engine.internal.respond;

/** Encodes one server-sent event: id, event, retry, one data line per line of data, blank line. */
final class SseEncoder {

    private SseEncoder() {
    }

    static String encode(String comment, String id, String event, Integer retry, String data) {
        StringBuilder out = new StringBuilder(data.length() + 32);
        if (comment != null) {
            for (String line : splitLines(comment)) {
                out.append(": ").append(line).append('\n');
            }
        }
        if (id != null) {
            out.append("id: ").append(id).append('\n');
        }
        if (event != null) {
            out.append("event: ").append(event).append('\n');
        }
        if (retry != null) {
            out.append("retry: ").append(retry).append('\n');
        }
        for (String line : splitLines(data)) {
            out.append("data: ").append(line).append('\n');
        }
        return out.append('\n').toString();
    }

    /** Python's {@code str.splitlines()}, except that empty text gives one empty line. */
    static java.util.List<String> splitLines(String text) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                lines.add(text.substring(start, i));
                i += 2;
                start = i;
            } else if (isLineBreak(c)) {
                lines.add(text.substring(start, i));
                i++;
                start = i;
            } else {
                i++;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        if (lines.isEmpty()) {
            lines.add("");
        }
        return lines;
    }

    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r' || c == '\u000b' || c == '\u000c' || c == '\u001c' || c == '\u001d'
                || c == '\u001e' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }
}
