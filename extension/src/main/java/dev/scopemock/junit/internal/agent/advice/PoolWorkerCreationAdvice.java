package dev.scopemock.junit.internal.agent.advice;

import dev.scopemock.junit.internal.agent.bootstrap.ScopeContext;
import net.bytebuddy.asm.Advice;

/** Around an executor's creation of a worker thread: the worker inherits no scope from the submitting thread. */
public final class PoolWorkerCreationAdvice {

    private PoolWorkerCreationAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static boolean enter() {
        return ScopeContext.beginPoolWorkerCreation();
    }

    @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
    static void exit(@Advice.Enter boolean previous) {
        ScopeContext.endPoolWorkerCreation(previous);
    }
}
