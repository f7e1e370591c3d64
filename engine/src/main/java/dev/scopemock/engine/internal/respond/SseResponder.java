package dev.scopemock.engine.internal.respond;

import dev.scopemock.engine.internal.chaos.SseChaos;
import dev.scopemock.engine.model.SseAction;
import dev.scopemock.engine.model.SseEvent;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.util.Callback;

/**
 * Streams server-sent events: every event's data, event and id are rendered first (a failure answers the JSON
 * 500 instead of a stream); then each event is written as one chunk after its delay, scheduled rather than
 * slept. A drop writes half of the first event and aborts. Chaos's SSE faults add a random delay before each event
 * and abort the stream after a number of complete events.
 */
public final class SseResponder implements Responder {

    private final SseAction action;

    public SseResponder(SseAction action) {
        this.action = action;
    }

    @Override
    public void respond(Exchange exchange, boolean drop) {
        List<byte[]> chunks = new ArrayList<>(action.events().size());
        List<Long> delays = new ArrayList<>(action.events().size());
        SseChaos sseChaos = SseChaos.of(exchange.request());
        try {
            for (int i = 0; i < action.events().size(); i++) {
                SseEvent event = action.events().get(i);
                TemplateContext context = TemplateContext.of(exchange.recorded(), exchange.pathParams());
                TemplateEngine templates = exchange.runtime().templates();
                String data = templates.render(event.data(), context);
                String id = event.id() == null ? null : singleLine(templates.render(event.id(), context), "id", i);
                String name = event.event() == null ? null
                        : singleLine(templates.render(event.event(), context), "event name", i);
                chunks.add(SseEncoder.encode(event.comment(), id, name, event.retry(), data)
                        .getBytes(StandardCharsets.UTF_8));
                Duration delay = event.delay() != null ? event.delay() : action.defaultDelay();
                delays.add(delay.toMillis() + (sseChaos == null ? 0 : sseChaos.jitter()));
            }
        } catch (RuntimeException e) {
            ResponseWriter.sendError(exchange.response(), exchange.callback(), 500, "TEMPLATE_RENDER_ERROR",
                    String.valueOf(e.getMessage()));
            return;
        }
        exchange.response().setStatus(200);
        exchange.response().getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream");
        exchange.response().getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        new Stream(exchange, chunks, delays, drop, sseChaos == null ? null : sseChaos.dropAfterEvents()).next(0);
    }

    /** A rendered id or event name must stay on one line, or it would corrupt the stream. */
    private static String singleLine(String rendered, String field, int index) {
        if (SseEvent.hasLineBreak(rendered)) {
            throw new TemplateRenderException("the rendered SSE " + field + " of event " + index
                    + " contains a line break");
        }
        return rendered;
    }

    /** Writes the events one after another, each after its delay. */
    private static final class Stream {
        private final Exchange exchange;
        private final List<byte[]> chunks;
        private final List<Long> delays;
        private final boolean drop;
        private final Integer dropAfterEvents;

        Stream(Exchange exchange, List<byte[]> chunks, List<Long> delays, boolean drop, Integer dropAfterEvents) {
            this.exchange = exchange;
            this.chunks = chunks;
            this.delays = delays;
            this.drop = drop;
            this.dropAfterEvents = dropAfterEvents;
        }

        void next(int index) {
            if (dropAfterEvents != null && index == dropAfterEvents && index < chunks.size()) {
                exchange.response().write(false, ByteBuffer.allocate(0), Callback.from(
                        () -> exchange.callback().failed(new ConnectionDroppedException()),
                        exchange.callback()::failed));
                return;
            }
            if (index == chunks.size()) {
                exchange.response().write(true, null, exchange.callback());
                return;
            }
            long delay = delays.get(index);
            if (delay <= 0) {
                write(index);
                return;
            }
            Delays.schedule(exchange, delay, () -> write(index), () -> Delays.answerCancelled(exchange));
        }

        private void write(int index) {
            byte[] chunk = chunks.get(index);
            if (drop) {
                int half = Math.max(1, chunk.length / 2);
                exchange.response().write(false, ByteBuffer.wrap(chunk, 0, half), Callback.from(
                        () -> exchange.callback().failed(new ConnectionDroppedException()),
                        exchange.callback()::failed));
                return;
            }
            exchange.response().write(false, ByteBuffer.wrap(chunk),
                    Callback.from(() -> next(index + 1), exchange.callback()::failed));
        }
    }
}
