package dev.scopemock.engine.internal.respond;

import dev.scopemock.engine.internal.chaos.Fault;
import dev.scopemock.engine.internal.chaos.Faults;
import dev.scopemock.engine.model.CallbackAction;
import dev.scopemock.engine.model.InjectedFault;
import dev.scopemock.engine.model.ResponseAction;

/**
 * Runs a stub's Java callback per request: its response is prepared and sent like a canned one, an
 * {@link InjectedFault} becomes that fault, and any other exception a {@code 500 CALLBACK_FAILED} naming the stub,
 * the callback and the exception (the engine keeps serving).
 */
public final class CallbackResponder implements Responder {

    /** The error code of a callback that threw or returned nothing. */
    public static final String FAILED = "CALLBACK_FAILED";

    private final CallbackAction action;

    CallbackResponder(CallbackAction action) {
        this.action = action;
    }

    @Override
    public void respond(Exchange exchange, boolean drop) {
        ResponseAction answer;
        try {
            answer = action.callback().answer(exchange.recorded());
        } catch (InjectedFault fault) {
            Faults.apply(Fault.valueOf(fault.kind().name()), null, exchange.scope().chaos().random(), exchange,
                    (e, d) -> { });
            return;
        } catch (Exception | LinkageError | AssertionError failure) {
            fail(exchange, "threw " + failure.getClass().getName() + ": " + failure.getMessage());
            return;
        }
        if (answer == null) {
            fail(exchange, "returned null instead of a response");
            return;
        }
        ResponderFactory.prepare(answer).respond(exchange, drop);
    }

    private void fail(Exchange exchange, String what) {
        ResponseWriter.sendError(exchange.response(), exchange.callback(), 500, FAILED, "stub "
                + exchange.recorded().matchedStubId() + ": the callback " + action.description() + " " + what);
    }
}
