package dev.scopemock.engine.internal.respond;

import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.util.thread.Scheduler;

/** Shared services responders use: the scheduler for delays and the HTTP client for proxying. */
public record ResponderRuntime(Scheduler scheduler, HttpClient httpClient, TemplateEngine templates) {
}
