package dev.scopemock.engine.internal.respond;

import java.util.concurrent.Executor;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * The HTTP client of proxy stubs, created and started on the first proxied request: starting Jetty's client (its SSL
 * set-up above all) costs about 150 ms, which engines without proxy stubs, most of them, never pay.
 */
public final class ProxyClient implements AutoCloseable {

    private final Executor executor;
    private final Scheduler scheduler;
    private HttpClient client;
    private boolean closed;

    public ProxyClient(Executor executor, Scheduler scheduler) {
        this.executor = executor;
        this.scheduler = scheduler;
    }

    /**
     * The started client: redirects not followed, no User-Agent of its own, bodies relayed without decoding.
     *
     * @throws IllegalStateException when the engine was closed or the client cannot start
     */
    public synchronized HttpClient get() {
        if (closed) {
            throw new IllegalStateException("the engine is closed");
        }
        if (client == null) {
            HttpClient created = new HttpClient();
            created.setFollowRedirects(false);
            created.setUserAgentField(null);
            created.setExecutor(executor);
            created.setScheduler(scheduler);
            try {
                created.start();
            } catch (Exception e) {
                throw new IllegalStateException("the proxy client could not start: " + e.getMessage(), e);
            }
            created.getContentDecoderFactories().clear();
            client = created;
        }
        return client;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (client != null) {
            try {
                client.stop();
            } catch (Exception ignored) {
                // stopping a client that served proxies: nothing is left to release
            }
            client = null;
        }
    }
}
