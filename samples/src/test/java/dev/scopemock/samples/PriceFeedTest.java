package dev.scopemock.samples;

import static dev.scopemock.junit.RequestMatcher.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.scopemock.junit.MockServer;
import dev.scopemock.junit.ScopedMock;
import dev.scopemock.junit.Times;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The price feed consumes a server-sent event stream that the mock sends one event at a time. */
@MockServer
class PriceFeedTest {

    @Test
    void collectsEveryPriceAsItArrives(ScopedMock mock) {
        mock.whenRequestedWith(get("/prices/{sku}")).respondWithSse(Duration.ofMillis(100),
                "{\"sku\": \"{{ request.path_params.sku }}\", \"price\": 9.99}",
                "{\"sku\": \"{{ request.path_params.sku }}\", \"price\": 10.49}",
                "{\"sku\": \"{{ request.path_params.sku }}\", \"price\": 10.99}");
        PriceFeed feed = new PriceFeed(MockSettings.of(mock));
        Instant subscribed = Instant.now();

        List<PriceTick> ticks = feed.ticks("a-1");

        assertThat(ticks).extracting(PriceTick::sku, PriceTick::price).containsExactly(
                tuple("a-1", new BigDecimal("9.99")),
                tuple("a-1", new BigDecimal("10.49")),
                tuple("a-1", new BigDecimal("10.99")));
        assertThat(ticks.get(0).receivedAt()).isAfterOrEqualTo(subscribed.plusMillis(100));
        assertThat(ticks.get(1).receivedAt()).isAfterOrEqualTo(subscribed.plusMillis(200));
        assertThat(ticks.get(2).receivedAt()).isAfterOrEqualTo(subscribed.plusMillis(300));
        assertThat(mock.confirmRequest(get("/prices/a-1").withHeader("Accept", "text/event-stream"), Times.once()))
                .isTrue();
    }

    @Test
    void reportsAStreamThatBreaksOff(ScopedMock mock) {
        mock.whenRequestedWith(get("/prices/a-1")).withConnectionDrop(1.0)
                .respondWithSse(Duration.ZERO, "{\"sku\": \"a-1\", \"price\": 9.99}");
        PriceFeed feed = new PriceFeed(MockSettings.of(mock));

        assertThatThrownBy(() -> feed.ticks("a-1"))
                .isInstanceOf(ServiceUnavailableException.class)
                .hasMessage("GET /prices/a-1 failed with a connection error (1 attempt)");
    }

    @Test
    void rejectsAnEventItCannotRead(ScopedMock mock) {
        mock.whenRequestedWith(get("/prices/a-1"))
                .respondWithSse(Duration.ZERO, "{\"sku\": \"a-1\", \"price\": \"free\"}");
        PriceFeed feed = new PriceFeed(MockSettings.of(mock));

        assertThatThrownBy(() -> feed.ticks("a-1"))
                .isInstanceOf(UnexpectedResponseException.class)
                .hasMessage("GET /prices/a-1 answered 200: expected event data {\"sku\": text, \"price\": number}, "
                        + "found: {\"sku\": \"a-1\", \"price\": \"free\"}");
    }
}
