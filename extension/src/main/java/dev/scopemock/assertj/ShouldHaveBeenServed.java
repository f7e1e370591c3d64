package dev.scopemock.assertj;

import static dev.scopemock.assertj.Layout.expectingRequest;
import static dev.scopemock.assertj.Layout.quote;

import dev.scopemock.engine.model.RecordedRequest;
import org.assertj.core.error.ErrorMessageFactory;

/** The failure texts of {@code wasMatchedBy} and {@code wasUnmatched}. */
final class ShouldHaveBeenServed {

    private ShouldHaveBeenServed() {
    }

    static ErrorMessageFactory shouldHaveBeenServedBy(RecordedRequest actual, String stub) {
        return new FailureMessage(() -> expectingRequest(actual)
                + "to have been served by stub:\n  " + quote(stub) + "\n"
                + (actual.matchedStubId() == null ? "but it matched no stub"
                        : "but it was served by stub:\n  " + quote(actual.matchedStubId())));
    }

    static ErrorMessageFactory shouldBeUnmatched(RecordedRequest actual) {
        return new FailureMessage(() -> expectingRequest(actual)
                + "to have matched no stub\n"
                + "but it was served by stub:\n  " + quote(actual.matchedStubId()));
    }
}
