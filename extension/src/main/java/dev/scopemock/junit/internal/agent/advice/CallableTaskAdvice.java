package dev.scopemock.junit.internal.agent.advice;

import dev.scopemock.junit.internal.agent.bootstrap.ScopeContext;
import java.util.concurrent.Callable;
import net.bytebuddy.asm.Advice;

/** On an executor's submission of a {@code Callable} (first argument): the task, carrying the submitter's scope. */
public final class CallableTaskAdvice {

    private CallableTaskAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.Argument(value = 0, readOnly = false) Callable<?> task) {
        task = ScopeContext.wrap(task);
    }
}
