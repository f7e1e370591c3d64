package dev.scopemock.assertj;

import static dev.scopemock.assertj.Layout.expectingRequest;
import static dev.scopemock.assertj.Layout.firstDifference;
import static dev.scopemock.assertj.Layout.names;
import static dev.scopemock.assertj.Layout.pair;
import static dev.scopemock.assertj.Layout.pairs;
import static dev.scopemock.assertj.Layout.quote;

import dev.scopemock.engine.model.RecordedRequest;
import java.util.List;
import org.assertj.core.error.ErrorMessageFactory;

/** The failure texts of {@code hasHeader} and {@code hasNoHeader}. */
final class ShouldHaveHeader {

    private ShouldHaveHeader() {
    }

    static ErrorMessageFactory shouldHaveHeader(RecordedRequest actual, String name, String expected,
                                                List<String> values) {
        return new FailureMessage(() -> expectingRequest(actual)
                + "to have header:\n  " + pair(name, expected) + "\n"
                + (values.isEmpty() ? noSuchHeader(actual)
                        : "but it was:\n" + pairs(name, values)
                                + (values.size() == 1 ? firstDifference(expected, values.get(0)) : "")));
    }

    static ErrorMessageFactory shouldHaveHeader(RecordedRequest actual, String name) {
        return new FailureMessage(() -> expectingRequest(actual)
                + "to have header:\n  " + quote(name) + "\n"
                + noSuchHeader(actual));
    }

    static ErrorMessageFactory shouldNotHaveHeader(RecordedRequest actual, String name, List<String> values) {
        return new FailureMessage(() -> expectingRequest(actual)
                + "not to have header:\n  " + quote(name) + "\n"
                + "but it was:\n" + pairs(name, values));
    }

    private static String noSuchHeader(RecordedRequest actual) {
        return actual.headers().isEmpty() ? "but it had no headers"
                : "but it had no such header; its headers were:\n  " + names(actual.headers().keySet());
    }
}
