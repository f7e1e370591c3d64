package dev.scopemock.engine.internal.respond;

import dev.scopemock.engine.model.SequenceAction;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Answers the i-th call of its stub with the i-th response of the sequence; the call number is taken from one
 * atomic counter per stub, so concurrent calls get distinct responses.
 */
public final class SequenceResponder implements Responder {

    private final List<Responder> responses;
    private final SequenceAction.Exhausted onExhausted;
    private final AtomicLong calls = new AtomicLong();

    SequenceResponder(List<Responder> responses, SequenceAction.Exhausted onExhausted) {
        this.responses = List.copyOf(responses);
        this.onExhausted = onExhausted;
    }

    @Override
    public void respond(Exchange exchange, boolean drop) {
        long call = calls.getAndIncrement();
        int n = responses.size();
        if (call < n) {
            responses.get((int) call).respond(exchange, drop);
            return;
        }
        switch (onExhausted) {
            case REPEAT_LAST -> responses.get(n - 1).respond(exchange, drop);
            case CYCLE -> responses.get((int) (call % n)).respond(exchange, drop);
            case FAIL -> ResponseWriter.sendError(exchange.response(), exchange.callback(), 500,
                    "SEQUENCE_EXHAUSTED", "stub " + exchange.recorded().matchedStubId() + " answered all " + n
                            + " responses of its sequence; call " + (call + 1) + " has none");
            default -> throw new IllegalStateException("unknown policy " + onExhausted);
        }
    }
}
