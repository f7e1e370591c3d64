package dev.scopemock.engine.model;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A list of canned responses answered in order, one per call, with a policy for calls beyond the last.
 *
 * @param responses the responses, at least one
 * @param onExhausted what calls after the last response get
 * @since 0.2
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record SequenceAction(List<ResponseAction> responses, Exhausted onExhausted) implements StubAction {

    /**
     * What a sequence answers once every response was given.
     *
     * @since 0.2
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2")
    public enum Exhausted {
        /** The last response again, for every further call. */
        REPEAT_LAST,
        /** Start over with the first response. */
        CYCLE,
        /** {@code 500 SEQUENCE_EXHAUSTED}. */
        FAIL;

        /**
         * The wire name.
         *
         * @return {@code repeat_last}, {@code cycle} or {@code fail}
         */
        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * Validates and copies the sequence.
     *
     * @param responses the responses
     * @param onExhausted the policy
     */
    public SequenceAction {
        responses = List.copyOf(responses);
        if (responses.isEmpty()) {
            throw new IllegalArgumentException("a sequence needs at least one response");
        }
        Objects.requireNonNull(onExhausted, "onExhausted");
    }
}
