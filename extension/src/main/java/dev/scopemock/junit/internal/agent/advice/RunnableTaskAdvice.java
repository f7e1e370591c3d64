package dev.scopemock.junit.internal.agent.advice;

import dev.scopemock.junit.internal.agent.bootstrap.ScopeContext;
import net.bytebuddy.asm.Advice;

/** On an executor's submission of a {@code Runnable} (first argument): the task, carrying the submitter's scope. */
public final class RunnableTaskAdvice {

    private RunnableTaskAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.Argument(value = 0, readOnly = false) Runnable task) {
        task = ScopeContext.wrap(task);
    }
}
