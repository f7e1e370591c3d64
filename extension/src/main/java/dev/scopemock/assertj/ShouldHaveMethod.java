package dev.scopemock.assertj;

import static dev.scopemock.assertj.Layout.expectingRequest;
import static dev.scopemock.assertj.Layout.quote;

import dev.scopemock.engine.model.RecordedRequest;
import org.assertj.core.error.ErrorMessageFactory;

/** The failure text of {@code hasMethod}. */
final class ShouldHaveMethod {

    private ShouldHaveMethod() {
    }

    static ErrorMessageFactory shouldHaveMethod(RecordedRequest actual, String expected) {
        return new FailureMessage(() -> expectingRequest(actual)
                + "to have method:\n  " + quote(expected) + "\n"
                + "but it was:\n  " + quote(actual.method()));
    }
}
