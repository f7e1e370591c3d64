package dev.scopemock.engine.internal.respond;

/** A template failed to render; answered as {@code 500 TEMPLATE_RENDER_ERROR}. */
public final class TemplateRenderException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TemplateRenderException(String message) {
        super(message, null, false, false);
    }
}
