package dev.scopemock.engine.internal.respond;

import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.util.thread.Scheduler;

/** Shared services responders use: the scheduler for delays and the HTTP client for proxying (started on demand). */
public record ResponderRuntime(Scheduler scheduler, ProxyClient proxyClient, TemplateEngine templates) {

    /** The proxy client, started on first use. */
    public HttpClient httpClient() {
        return proxyClient.get();
    }
}
