package dev.scopemock.assertj;

import static dev.scopemock.assertj.Layout.expectingRequest;
import static dev.scopemock.assertj.Layout.firstDifference;
import static dev.scopemock.assertj.Layout.quote;

import dev.scopemock.engine.model.RecordedRequest;
import dev.scopemock.junit.internal.JsonDiff;
import dev.scopemock.junit.internal.VisibleText;
import org.assertj.core.error.ErrorMessageFactory;

/** The failure texts of {@code hasBody}, {@code hasJsonBody} and {@code hasBodyContaining}. */
final class ShouldHaveBody {

    private ShouldHaveBody() {
    }

    static ErrorMessageFactory shouldHaveBody(RecordedRequest actual, String expected) {
        return new FailureMessage(() -> {
            String text = actual.bodyText();
            return expectingRequest(actual)
                    + "to have body:\n  " + quote(expected) + "\n"
                    + "but it was:\n  " + body(actual)
                    + (text == null ? "" : firstDifference(expected, text));
        });
    }

    static ErrorMessageFactory shouldHaveBodyContaining(RecordedRequest actual, String expected) {
        return new FailureMessage(() -> expectingRequest(actual)
                + "to have a body containing:\n  " + quote(expected) + "\n"
                + "but it was:\n  " + body(actual));
    }

    static ErrorMessageFactory shouldHaveJsonBody(RecordedRequest actual, Object expected, Object parsed) {
        return new FailureMessage(() -> {
            StringBuilder out = new StringBuilder(expectingRequest(actual))
                    .append("to have a JSON body equal to:\n  ").append(VisibleText.wire(expected)).append('\n');
            out.append("but it was:\n  ").append(VisibleText.wire(parsed)).append("\ndifferences:");
            JsonDiff.differences(expected, parsed).forEach(line -> out.append("\n  ").append(line));
            return out.toString();
        });
    }

    static ErrorMessageFactory shouldHaveJsonBodyButWasNotJson(RecordedRequest actual, Object expected) {
        return new FailureMessage(() -> expectingRequest(actual)
                + "to have a JSON body equal to:\n  " + VisibleText.wire(expected) + "\n"
                + "but it was not JSON:\n  " + body(actual));
    }

    static String body(RecordedRequest actual) {
        String text = actual.bodyText();
        return text == null ? actual.bodyLength() + " bytes, not UTF-8" : quote(text);
    }
}
