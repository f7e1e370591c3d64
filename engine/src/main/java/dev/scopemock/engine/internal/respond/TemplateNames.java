package dev.scopemock.engine.internal.respond;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the filter and test names a template uses, so that an unknown one is a creation-time error as in Jinja2
 * (Jinjava silently renders an unknown filter or test as empty). Raw blocks, comments and string literals are
 * skipped; only the inside of {@code {{ }}} and {@code {% %}} is scanned.
 */
final class TemplateNames {

    private static final Pattern RAW = Pattern.compile("\\{%-?\\s*raw\\s*-?%}.*?\\{%-?\\s*endraw\\s*-?%}",
            Pattern.DOTALL);
    private static final Pattern COMMENT = Pattern.compile("\\{#.*?#}", Pattern.DOTALL);
    private static final Pattern BLOCK = Pattern.compile("\\{\\{(.*?)}}|\\{%(.*?)%}", Pattern.DOTALL);
    private static final Pattern STRING = Pattern.compile("'(?:[^'\\\\]++|\\\\.)*+'|\"(?:[^\"\\\\]++|\\\\.)*+\"",
            Pattern.DOTALL);
    private static final Pattern FILTER = Pattern.compile("\\|\\s*([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern TEST = Pattern.compile("\\bis\\s+(?:not\\s+)?([A-Za-z_][A-Za-z0-9_]*)");

    private TemplateNames() {
    }

    /** The filter names used, in order of appearance (duplicates kept). */
    static List<String> filters(String source) {
        List<String> names = new ArrayList<>();
        for (String block : blocks(source)) {
            Matcher filter = FILTER.matcher(block);
            while (filter.find()) {
                names.add(filter.group(1));
            }
        }
        return names;
    }

    /** The test names used after {@code is} / {@code is not}, in order of appearance. */
    static List<String> tests(String source) {
        List<String> names = new ArrayList<>();
        for (String block : blocks(source)) {
            Matcher test = TEST.matcher(block);
            while (test.find()) {
                names.add(test.group(1));
            }
        }
        return names;
    }

    private static List<String> blocks(String source) {
        String code = COMMENT.matcher(RAW.matcher(source).replaceAll("")).replaceAll("");
        List<String> blocks = new ArrayList<>();
        Matcher block = BLOCK.matcher(code);
        while (block.find()) {
            String inside = block.group(1) != null ? block.group(1) : block.group(2);
            blocks.add(STRING.matcher(inside).replaceAll("''"));
        }
        return blocks;
    }
}
