package dev.scopemock.samples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The price feed: {@code GET /prices/{sku}} streams server-sent events whose data is
 * {@code {"sku": "a-1", "price": 9.99}}, one per price change, until the server ends the stream. The request
 * timeout bounds the wait for the stream to start, not its length. Not retried. Thread-safe.
 */
public final class PriceFeed {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final RequestFactory requests;
    private final HttpClient http;
    private final Clock clock;

    /**
     * A feed client stamping ticks with the system clock.
     *
     * @param settings where and how to call the feed
     */
    public PriceFeed(ServiceSettings settings) {
        this(settings, Clock.systemUTC());
    }

    /**
     * A feed client stamping ticks with {@code clock}.
     *
     * @param settings where and how to call the feed
     * @param clock the clock for {@link PriceTick#receivedAt()}
     */
    public PriceFeed(ServiceSettings settings, Clock clock) {
        this.requests = new RequestFactory(settings);
        this.http = requests.newClient();
        this.clock = clock;
    }

    /**
     * Subscribes to a SKU's prices and collects every tick until the stream ends; blocks meanwhile.
     *
     * @param sku the stock keeping unit
     * @return the ticks in arrival order
     * @throws RemoteServiceException when the stream does not start, breaks off, or carries an unknown event
     */
    public List<PriceTick> ticks(String sku) {
        String path = "/prices/" + URLEncoder.encode(sku, StandardCharsets.UTF_8);
        String call = "GET " + path;
        HttpResponse<Stream<String>> response = open(call, path);
        List<ServerSentEvent> events;
        try (Stream<String> lines = response.body()) {
            events = new SseEventReader(clock).readAll(lines.iterator());
        } catch (UncheckedIOException broken) {
            throw new ServiceUnavailableException(call, 1, broken.getCause());
        }
        List<PriceTick> ticks = new ArrayList<>(events.size());
        for (ServerSentEvent event : events) {
            ticks.add(tick(call, event));
        }
        return List.copyOf(ticks);
    }

    private HttpResponse<Stream<String>> open(String call, String path) {
        var request = requests.newRequest(path).GET().header("Accept", "text/event-stream").build();
        HttpResponse<Stream<String>> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofLines());
        } catch (HttpTimeoutException timeout) {
            throw new ServiceTimeoutException(call, request.timeout().orElseThrow(), timeout);
        } catch (IOException connectionError) {
            throw new ServiceUnavailableException(call, 1, connectionError);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling " + call, e);
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (response.statusCode() != 200 || !type.startsWith("text/event-stream")) {
            response.body().close();
            throw new UnexpectedResponseException(call, response.statusCode(),
                    "expected 200 with text/event-stream, found Content-Type \"" + type + "\"");
        }
        return response;
    }

    private static PriceTick tick(String call, ServerSentEvent event) {
        try {
            JsonNode data = JSON.readTree(event.data());
            if (data.path("sku").isTextual() && data.path("price").isNumber()) {
                return new PriceTick(data.get("sku").asText(), data.get("price").decimalValue(), event.receivedAt());
            }
        } catch (JsonProcessingException notJson) {
            // reported below, like any other malformed event
        }
        throw new UnexpectedResponseException(call, 200,
                "expected event data {\"sku\": text, \"price\": number}, found: " + event.data());
    }
}
