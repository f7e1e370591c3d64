package dev.scopemock.assertj;

import dev.scopemock.engine.model.RecordedRequest;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractListAssert;

/**
 * AssertJ's list assertions over recorded requests, whose element navigation ({@code singleElement()},
 * {@code first()}, {@code last()}, {@code element(i)}) yields a {@link RecordedRequestAssert}.
 *
 * <pre>{@code
 * assertThat(mock.requests()).singleElement().hasMethod("POST").hasJsonBody("{\"amount\": 42}");   // passes
 * assertThat(mock.requests()).hasSize(2);   // fails when one arrived, printing it as POST /payment
 * }</pre>
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class RecordedRequestsAssert extends AbstractListAssert<RecordedRequestsAssert,
        List<? extends RecordedRequest>, RecordedRequest, RecordedRequestAssert> {

    /**
     * Use {@link MockAssertions#assertThat(List)}.
     *
     * @param actual the requests under test
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public RecordedRequestsAssert(List<? extends RecordedRequest> actual) {
        super(actual, RecordedRequestsAssert.class);
    }

    @Override
    protected RecordedRequestAssert toAssert(RecordedRequest value, String description) {
        return new RecordedRequestAssert(value).as(description);
    }

    @Override
    protected RecordedRequestsAssert newAbstractIterableAssert(Iterable<? extends RecordedRequest> iterable) {
        List<RecordedRequest> copy = new ArrayList<>();
        iterable.forEach(copy::add);
        return new RecordedRequestsAssert(copy);
    }
}
