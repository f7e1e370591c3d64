package dev.scopemock.junit.internal;

import dev.scopemock.engine.criteria.JsonValues;

/**
 * Renders values for failure texts so that two values that print alike can be told apart: JSON quoting, invisible
 * characters as escapes such as <code>&#92;u00a0</code>, and the code points where two texts part.
 */
public final class VisibleText {

    private VisibleText() {
    }

    /**
     * JSON text of a value (criteria in wire form) with invisible characters made visible as escapes such as
     * <code>&#92;u00a0</code>, so two values that print alike can be told apart.
     *
     * @param value a JSON value or criterion
     * @return the text
     */
    public static String wire(Object value) {
        return visible(JsonValues.toJson(value));
    }

    /**
     * The text with control, format and space-separator characters other than the plain space (which print as
     * nothing or as a space) replaced by escapes such as <code>&#92;u00a0</code>.
     *
     * @param text any text
     * @return the text with those characters escaped
     */
    public static String visible(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (invisible(c)) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 8).append(text, 0, i);
                }
                out.append(String.format("\\u%04x", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    private static boolean invisible(char c) {
        if (c < 0x20 || c == 0x7f) {
            return true;
        }
        if (c < 0x7f) {
            return false;
        }
        int type = Character.getType(c);
        return type == Character.SPACE_SEPARATOR || type == Character.FORMAT || type == Character.CONTROL
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.UNASSIGNED;
    }

    /**
     * Where two texts that may print alike part, as {@code " (first difference at index 2: expected U+0061 but was
     * U+0430)"}; empty unless the first differing character is not plain ASCII.
     *
     * @param expected the expected text
     * @param actual the actual text
     * @return the hint with a leading space, or {@code ""}
     */
    public static String firstDifference(String expected, String actual) {
        int i = 0;
        while (i < expected.length() && i < actual.length() && expected.charAt(i) == actual.charAt(i)) {
            i++;
        }
        if (i == expected.length() || i == actual.length()) {
            return "";
        }
        int e = expected.codePointAt(i);
        int a = actual.codePointAt(i);
        if (e < 0x7f && a < 0x7f) {
            return "";
        }
        return " (first difference at index " + i + ": expected " + codePoint(e) + " but was " + codePoint(a) + ")";
    }

    private static String codePoint(int cp) {
        return String.format("U+%04X", cp);
    }
}
