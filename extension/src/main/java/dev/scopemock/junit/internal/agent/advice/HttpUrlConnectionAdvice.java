package dev.scopemock.junit.internal.agent.advice;

import dev.scopemock.junit.internal.agent.bootstrap.ScopeContext;
import java.net.HttpURLConnection;
import java.net.URL;
import net.bytebuddy.asm.Advice;

/** On {@code connect}/{@code getInputStream}/{@code getOutputStream} before connecting: the scope header. */
public final class HttpUrlConnectionAdvice {

    private HttpUrlConnectionAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.This HttpURLConnection connection, @Advice.FieldValue("connected") boolean connected) {
        if (!connected) {
            URL url = connection.getURL();
            String[] header = ScopeContext.headerFor(url.getProtocol(), url.getHost(), url.getPort(), url.getPath());
            if (header != null && connection.getRequestProperty(header[0]) == null) {
                connection.setRequestProperty(header[0], header[1]);
            }
        }
    }
}
