package dev.scopemock.assertj;

import static dev.scopemock.assertj.Layout.expectingRequest;
import static dev.scopemock.assertj.Layout.firstDifference;
import static dev.scopemock.assertj.Layout.quote;

import dev.scopemock.engine.model.RecordedRequest;
import org.assertj.core.error.ErrorMessageFactory;

/** The failure text of {@code hasPath}. */
final class ShouldHavePath {

    private ShouldHavePath() {
    }

    static ErrorMessageFactory shouldHavePath(RecordedRequest actual, String expected) {
        return new FailureMessage(() -> expectingRequest(actual)
                + "to have path:\n  " + quote(expected) + "\n"
                + "but it was:\n  " + quote(actual.path())
                + firstDifference(expected, actual.path()));
    }
}
