package dev.scopemock.engine.criteria;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apiguardian.api.API;

/**
 * {@code $regex}: matches when the pattern matches at the <em>start</em> of a string subject (like Python's
 * {@code re.match}; it need not reach the end). Python-only syntax ({@code (?P<name>…)}, {@code (?P=name)},
 * {@code \Z}) is translated. Evaluation is bounded in time, so a catastrophic pattern cannot stall the engine: a
 * match that runs too long counts as "cannot evaluate".
 *
 * @param pattern the pattern as sent on the wire (Python syntax)
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Regex(String pattern, Pattern compiled) implements Criterion {

    /**
     * Python 3 matches text patterns with Unicode classes ({@code \w} matches {@code é}, {@code \d} any decimal
     * digit) and only {@code \n} ends a line for {@code .} and {@code $}.
     */
    private static final int PYTHON_FLAGS = Pattern.UNICODE_CHARACTER_CLASS | Pattern.UNIX_LINES;

    /** How long one evaluation may take before it is abandoned. */
    static final long MAX_EVALUATION_NANOS = 100_000_000L;

    /**
     * Checks the compiled pattern belongs to the wire pattern.
     *
     * @param pattern the wire pattern
     * @param compiled its Java translation
     */
    public Regex {
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(compiled, "compiled");
    }

    /**
     * Compiles a wire pattern.
     *
     * @param pattern the pattern in Python syntax
     * @return the criterion
     * @throws PatternSyntaxException when the pattern is not a valid regular expression
     */
    public static Regex of(String pattern) {
        return new Regex(pattern, Pattern.compile(translate(pattern), PYTHON_FLAGS));
    }

    /**
     * Translates the Python-only constructs of a pattern to Java syntax. Python group names are identifiers
     * ({@code order_id}) while Java only allows letters and digits, so every named group is renamed consistently
     * ({@code (?P<order_id>…)} and {@code (?P=order_id)} refer to the same Java group).
     *
     * @param python a Python {@code re} pattern
     * @return the equivalent Java pattern
     */
    static String translate(String python) {
        StringBuilder out = new StringBuilder(python.length());
        Map<String, String> groupNames = new HashMap<>();
        for (int i = 0; i < python.length(); i++) {
            char c = python.charAt(i);
            if (c == '\\' && i + 1 < python.length()) {
                char next = python.charAt(i + 1);
                out.append(next == 'Z' ? "\\z" : "\\" + next);
                i++;
            } else if (python.startsWith("(?P<", i) && python.indexOf('>', i) > 0) {
                int end = python.indexOf('>', i);
                String name = python.substring(i + 4, end);
                String javaName = groupNames.get(name);
                if (javaName == null) {
                    javaName = "pyGroup" + groupNames.size();
                    groupNames.put(name, javaName);
                }
                out.append("(?<").append(javaName).append('>');
                i = end;
            } else if (python.startsWith("(?P=", i) && python.indexOf(')', i) > 0) {
                int end = python.indexOf(')', i);
                String name = python.substring(i + 4, end);
                out.append("\\k<").append(groupNames.getOrDefault(name, name)).append('>');
                i = end;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    @Override
    public boolean test(Object subject) {
        if (!(subject instanceof String text)) {
            throw new CriterionException("$regex needs a text subject, found a " + JsonValues.typeName(subject));
        }
        try {
            return compiled.matcher(new DeadlineCharSequence(text, System.nanoTime() + MAX_EVALUATION_NANOS))
                    .lookingAt();
        } catch (DeadlineCharSequence.Expired expired) {
            throw new CriterionException("$regex " + pattern + " took longer than 100 ms and was abandoned");
        } catch (StackOverflowError tooDeep) {
            throw new CriterionException("$regex " + pattern + " recursed too deeply and was abandoned");
        }
    }

    @Override
    public String operator() {
        return "$regex";
    }

    @Override
    public Map<String, Object> arguments() {
        return WireArguments.of("pattern", pattern);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Regex r && r.pattern.equals(pattern);
    }

    @Override
    public int hashCode() {
        return pattern.hashCode();
    }

    @Override
    public String toString() {
        return JsonValues.toJson(this);
    }
}
