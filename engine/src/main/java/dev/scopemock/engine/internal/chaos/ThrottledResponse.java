package dev.scopemock.engine.internal.chaos;

import dev.scopemock.engine.internal.respond.Delays;
import dev.scopemock.engine.internal.scope.ScopeState;
import java.nio.ByteBuffer;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * A response whose body goes out at most {@code bytes} per {@code intervalMillis}: each slice is written, and the
 * next one is scheduled on the engine's scheduler (no thread waits in between). Deleting the request's scope, or a
 * reset, cancels the slices still to come and aborts the connection, like any other pending step of a response.
 */
public final class ThrottledResponse extends Response.Wrapper {

    private final ScopeState scope;
    private final Scheduler scheduler;
    private final int bytes;
    private final long intervalMillis;

    public ThrottledResponse(Request request, Response wrapped, ScopeState scope, Scheduler scheduler, int bytes,
                             long intervalMillis) {
        super(request, wrapped);
        this.scope = scope;
        this.scheduler = scheduler;
        this.bytes = bytes;
        this.intervalMillis = intervalMillis;
    }

    @Override
    public void write(boolean last, ByteBuffer content, Callback callback) {
        if (content == null || content.remaining() <= bytes) {
            super.write(last, content, callback);
            return;
        }
        byte[] data = new byte[content.remaining()];
        content.get(data);
        writeSlice(data, 0, last, callback);
    }

    private void writeSlice(byte[] data, int from, boolean last, Callback callback) {
        int to = Math.min(data.length, from + bytes);
        boolean end = to >= data.length;
        getWrapped().write(end && last, ByteBuffer.wrap(data, from, to - from), Callback.from(() -> {
            if (end) {
                callback.succeeded();
            } else {
                Delays.schedule(scope, scheduler, intervalMillis, () -> writeSlice(data, to, last, callback),
                        () -> callback.failed(Delays.cancelledMidStream()));
            }
        }, callback::failed));
    }
}
