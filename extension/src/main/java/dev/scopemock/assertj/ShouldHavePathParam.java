package dev.scopemock.assertj;

import static dev.scopemock.assertj.Layout.expectingRequest;
import static dev.scopemock.assertj.Layout.firstDifference;
import static dev.scopemock.assertj.Layout.names;
import static dev.scopemock.assertj.Layout.pair;

import dev.scopemock.engine.model.RecordedRequest;
import java.util.TreeSet;
import org.assertj.core.error.ErrorMessageFactory;

/** The failure text of {@code hasPathParam}. */
final class ShouldHavePathParam {

    private ShouldHavePathParam() {
    }

    static ErrorMessageFactory shouldHavePathParam(RecordedRequest actual, String name, String expected) {
        String value = actual.pathParams().get(name);
        return new FailureMessage(() -> expectingRequest(actual)
                + "to have path parameter:\n  " + pair(name, expected) + "\n"
                + (value != null ? "but it was:\n  " + pair(name, value) + firstDifference(expected, value)
                        : actual.pathParams().isEmpty()
                        ? "but it had no path parameters (they are captured by a stub path such as /orders/{id})"
                        : "but it had no such parameter; its path parameters were:\n  "
                                + names(new TreeSet<>(actual.pathParams().keySet()))));
    }
}
