package dev.scopemock.engine.internal.respond;

/**
 * Stands for a missing key read by a template (Jinja's StrictUndefined). Reading it is recorded as a render
 * failure unless the value goes through {@code | default(...)} or an {@code is defined}/{@code is undefined} test,
 * which forgive it, as Jinja2 does.
 */
final class Undefined {

    private final TemplateContext owner;
    private final String message;

    Undefined(TemplateContext owner, String message) {
        this.owner = owner;
        this.message = message;
    }

    String message() {
        return message;
    }

    /** The template handled the missing value, so it no longer fails the render. */
    void forgive() {
        owner.forgive(this);
    }

    @Override
    public String toString() {
        return "";
    }
}
