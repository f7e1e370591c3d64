package dev.scopemock.junit.internal.agent.advice;

import dev.scopemock.junit.internal.agent.bootstrap.OkHttpHeaders;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/** On OkHttp's {@code OkHttpClient.newCall(request)}: the request, rebuilt with the scope header. */
public final class OkHttpAdvice {

    private OkHttpAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.Argument(value = 0, readOnly = false, typing = Assigner.Typing.DYNAMIC) Object request) {
        request = OkHttpHeaders.withScope(request);
    }
}
