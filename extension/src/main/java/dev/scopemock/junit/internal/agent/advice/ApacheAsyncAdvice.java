package dev.scopemock.junit.internal.agent.advice;

import dev.scopemock.junit.internal.agent.bootstrap.ApacheHeaders;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/** On Apache HttpClient 5's async {@code doExecute(target, producer, …)}: a producer that adds the scope header. */
public final class ApacheAsyncAdvice {

    private ApacheAsyncAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.Argument(0) Object target,
                      @Advice.Argument(value = 1, readOnly = false, typing = Assigner.Typing.DYNAMIC) Object producer) {
        producer = ApacheHeaders.scopedProducer(target, producer);
    }
}
