package dev.scopemock.assertj;

import static dev.scopemock.assertj.Layout.expectingRequest;
import static dev.scopemock.assertj.Layout.firstDifference;
import static dev.scopemock.assertj.Layout.names;
import static dev.scopemock.assertj.Layout.pair;
import static dev.scopemock.assertj.Layout.pairs;

import dev.scopemock.engine.model.RecordedRequest;
import java.util.List;
import org.assertj.core.error.ErrorMessageFactory;

/** The failure text of {@code hasQueryParam}. */
final class ShouldHaveQueryParam {

    private ShouldHaveQueryParam() {
    }

    static ErrorMessageFactory shouldHaveQueryParam(RecordedRequest actual, String name, String expected,
                                                    List<String> values) {
        return new FailureMessage(() -> expectingRequest(actual)
                + "to have query parameter:\n  " + pair(name, expected) + "\n"
                + (!values.isEmpty()
                        ? "but it was:\n" + pairs(name, values)
                                + (values.size() == 1 ? firstDifference(expected, values.get(0)) : "")
                        : actual.query().isEmpty() ? "but it had no query parameters"
                        : "but it had no such parameter; its parameters were:\n  " + names(actual.query().keySet())));
    }
}
