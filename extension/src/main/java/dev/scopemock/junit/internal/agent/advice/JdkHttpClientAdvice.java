package dev.scopemock.junit.internal.agent.advice;

import dev.scopemock.junit.internal.agent.bootstrap.ScopeContext;
import java.net.URI;
import java.net.http.HttpRequest;
import net.bytebuddy.asm.Advice;

/** On {@code HttpClient.send}/{@code sendAsync}: the request, copied with the scope header. */
public final class JdkHttpClientAdvice {

    private JdkHttpClientAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.Argument(value = 0, readOnly = false) HttpRequest request) {
        if (request != null) {
            URI uri = request.uri();
            String[] header = ScopeContext.headerFor(uri.getScheme(), uri.getHost(), uri.getPort(), uri.getRawPath());
            if (header != null && request.headers().firstValue(header[0]).isEmpty()) {
                request = HttpRequest.newBuilder(request, ScopeContext.anyHeader()).header(header[0], header[1])
                        .build();
            }
        }
    }
}
