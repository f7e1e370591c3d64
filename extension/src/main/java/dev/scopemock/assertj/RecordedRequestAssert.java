package dev.scopemock.assertj;

import dev.scopemock.engine.model.RecordedRequest;
import org.apiguardian.api.API;

/**
 * Assertions on one recorded request; see {@link AbstractRecordedRequestAssert} for the methods.
 *
 * <pre>{@code
 * assertThat(mock.lastRequest()).hasMethod("POST").hasHeader("Content-Type", "application/json");  // passes
 * assertThat(mock.lastRequest()).hasMethod("PUT");   // fails: Expecting request: POST /payment to have method: "PUT"
 * }</pre>
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class RecordedRequestAssert extends AbstractRecordedRequestAssert<RecordedRequestAssert> {

    /**
     * Use {@link MockAssertions#assertThat(RecordedRequest)}.
     *
     * @param actual the request under test
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public RecordedRequestAssert(RecordedRequest actual) {
        super(actual, RecordedRequestAssert.class);
    }
}
