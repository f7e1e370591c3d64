package dev.scopemock.engine.internal.respond;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import java.util.Map;

/**
 * Jinja rendering through Jinjava. Templates are checked for syntax errors when a stub is created. Strict
 * undefined is enforced by the context maps ({@link TemplateContext}), because Jinjava's own
 * {@code failOnUnknownTokens} also rejects loop variables and null values.
 */
public final class TemplateEngine {

    /** Created on first use: Jinjava takes ~0.3 s to initialise, which engines without templates never pay. */
    private volatile Jinjava jinjava;

    private Jinjava jinjava() {
        Jinjava ready = jinjava;
        if (ready == null) {
            synchronized (this) {
                ready = jinjava;
                if (ready == null) {
                    ready = new Jinjava(JinjavaConfig.newBuilder()
                            .withMaxRenderDepth(10)
                            .withMaxOutputSize(16L * 1024 * 1024)
                            .build());
                    UndefinedAwareFilters.register(ready);
                    jinjava = ready;
                }
            }
        }
        return ready;
    }

    /**
     * Checks a template when its stub is created: syntax errors, and filters or tests that do not exist (Jinjava
     * would silently render those as empty text, where Jinja2 refuses the template).
     *
     * @return the syntax problem, or null when the template is valid
     */
    public String syntaxError(String source) {
        String known = checked.get(source);
        if (known != null) {
            return known.isEmpty() ? null : known;
        }
        String problem = check(source);
        if (checked.size() >= MAX_CHECKED) {
            checked.clear();
        }
        checked.put(source, problem == null ? "" : problem);
        return problem;
    }

    /**
     * Results of earlier checks by template source ("" = valid): test suites register the same templates in test
     * after test, and a Jinjava check costs about a millisecond. Bounded; cleared when full.
     */
    private final java.util.concurrent.ConcurrentHashMap<String, String> checked =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_CHECKED = 4096;

    private String check(String source) {
        RenderResult result = jinjava().renderForResult(source, Map.of("request", TemplateContext.permissive()));
        for (TemplateError error : result.getErrors()) {
            if (error.getReason() == TemplateError.ErrorReason.SYNTAX_ERROR
                    && !String.valueOf(error.getMessage()).startsWith("UnknownTokenException")) {
                return describe(error);
            }
        }
        for (String filter : TemplateNames.filters(source)) {
            if (jinjava().getGlobalContext().getFilter(filter) == null) {
                return "No filter named '" + filter + "'";
            }
        }
        for (String test : TemplateNames.tests(source)) {
            if (jinjava().getGlobalContext().getExpTest(test) == null) {
                return "No test named '" + test + "'";
            }
        }
        return null;
    }

    /**
     * Renders a template.
     *
     * @throws TemplateRenderException with the first error
     */
    public String render(String source, TemplateContext context) {
        String template = dropTrailingNewline(source);
        RenderResult result = jinjava().renderForResult(template, Map.of("request", context.root()));
        if (context.failure() != null) {
            throw new TemplateRenderException(context.failure());
        }
        for (TemplateError error : result.getErrors()) {
            if (error.getSeverity() == TemplateError.ErrorType.FATAL
                    || error.getReason() == TemplateError.ErrorReason.SYNTAX_ERROR) {
                throw new TemplateRenderException(describe(error));
            }
        }
        return result.getOutput();
    }

    static String dropTrailingNewline(String source) {
        if (source.endsWith("\r\n")) {
            return source.substring(0, source.length() - 2);
        }
        if (source.endsWith("\n") || source.endsWith("\r")) {
            return source.substring(0, source.length() - 1);
        }
        return source;
    }

    private static String describe(TemplateError error) {
        String message = error.getMessage();
        return error.getLineno() > 0 ? message + " (line " + error.getLineno() + ")" : message;
    }
}
