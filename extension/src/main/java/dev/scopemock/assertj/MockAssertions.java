package dev.scopemock.assertj;

import dev.scopemock.engine.model.RecordedRequest;
import dev.scopemock.junit.ScopedMock;
import java.util.List;
import org.apiguardian.api.API;
import org.assertj.core.annotation.CheckReturnValue;

/**
 * The entry point of Scopemock's AssertJ assertions:
 * {@code import static dev.scopemock.assertj.MockAssertions.assertThat;}. The overloads coexist with a static import
 * of AssertJ's own {@code Assertions.assertThat}.
 *
 * <pre>{@code
 * assertThat(mock).received(exactly(1), post("/payment").withJson("{\"amount\": 42}"));
 * assertThat(mock).within(Duration.ofSeconds(2)).received(post("/callback"));
 * assertThat(mock.lastRequest()).hasHeader("Idempotency-Key", "k-1");
 * assertThat(mock.requests()).singleElement().hasPath("/payment");
 * }</pre>
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class MockAssertions {

    private MockAssertions() {
    }

    /**
     * Verifications over the requests of a test's scope.
     *
     * <pre>{@code
     * assertThat(mock).received(exactly(1), post("/payment"));   // passes after one POST /payment in this test
     * assertThat(mock).receivedNothing();                       // fails after it, listing the request
     * }</pre>
     *
     * @param actual the test's mock
     * @return the assertion
     * @since 0.1
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    @CheckReturnValue
    public static ScopedMockAssert assertThat(ScopedMock actual) {
        return new ScopedMockAssert(actual);
    }

    /**
     * Assertions on one recorded request.
     *
     * <pre>{@code
     * assertThat(mock.lastRequest()).hasMethod("POST").hasPath("/payment");   // passes for POST /payment
     * assertThat(mock.lastRequest()).hasPath("/refund");                      // fails, printing both paths
     * }</pre>
     *
     * @param actual the request
     * @return the assertion
     * @since 0.1
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    @CheckReturnValue
    public static RecordedRequestAssert assertThat(RecordedRequest actual) {
        return new RecordedRequestAssert(actual);
    }

    /**
     * AssertJ's list assertions over recorded requests, navigating to {@link RecordedRequestAssert}s.
     *
     * <pre>{@code
     * assertThat(mock.requests()).hasSize(1).first().hasMethod("GET");   // passes after one GET
     * assertThat(mock.requests()).isEmpty();                            // fails after it, listing GET /health
     * }</pre>
     *
     * @param actual the requests, usually {@link ScopedMock#requests()}
     * @return the assertion
     * @since 0.1
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    @CheckReturnValue
    public static RecordedRequestsAssert assertThat(List<? extends RecordedRequest> actual) {
        return new RecordedRequestsAssert(actual);
    }
}
