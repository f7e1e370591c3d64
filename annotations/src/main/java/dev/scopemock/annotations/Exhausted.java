package dev.scopemock.annotations;

import org.apiguardian.api.API;

/**
 * What a response sequence answers once every response was given.
 *
 * @since 0.2
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public enum Exhausted {
    /** The last response again, for every further call (the default). */
    REPEAT_LAST,
    /** Start over with the first response. */
    CYCLE,
    /**
     * Answer {@code 500 SEQUENCE_EXHAUSTED}, and fail the test, saying how many calls the sequence expected and how
     * many were made.
     */
    FAIL
}
