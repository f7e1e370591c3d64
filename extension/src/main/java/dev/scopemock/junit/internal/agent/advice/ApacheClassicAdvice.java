package dev.scopemock.junit.internal.agent.advice;

import dev.scopemock.junit.internal.agent.bootstrap.ApacheHeaders;
import net.bytebuddy.asm.Advice;

/** On Apache HttpClient 5's classic {@code doExecute(target, request, context)}: the scope header. */
public final class ApacheClassicAdvice {

    private ApacheClassicAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.Argument(0) Object target, @Advice.Argument(1) Object request) {
        ApacheHeaders.addTo(target, request);
    }
}
