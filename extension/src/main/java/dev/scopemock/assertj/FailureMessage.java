package dev.scopemock.assertj;

import java.util.function.Supplier;
import org.assertj.core.description.Description;
import org.assertj.core.description.EmptyTextDescription;
import org.assertj.core.error.DescriptionFormatter;
import org.assertj.core.error.ErrorMessageFactory;
import org.assertj.core.presentation.Representation;
import org.assertj.core.presentation.StandardRepresentation;

/** A failure text built only when AssertJ asks for it, prefixed with the assertion's {@code as(..)} description. */
final class FailureMessage implements ErrorMessageFactory {

    private final Supplier<String> text;

    FailureMessage(Supplier<String> text) {
        this.text = text;
    }

    @Override
    public String create(Description description, Representation representation) {
        return DescriptionFormatter.instance().format(description) + text.get();
    }

    @Override
    public String create(Description description) {
        return create(description, StandardRepresentation.STANDARD_REPRESENTATION);
    }

    @Override
    public String create() {
        return create(EmptyTextDescription.emptyDescription(), StandardRepresentation.STANDARD_REPRESENTATION);
    }

    @Override
    public String toString() {
        return create();
    }
}
