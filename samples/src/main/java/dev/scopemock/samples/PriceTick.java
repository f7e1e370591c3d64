package dev.scopemock.samples;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One price update of the price feed.
 *
 * @param sku the stock keeping unit
 * @param price the new price
 * @param receivedAt when the update arrived
 */
public record PriceTick(String sku, BigDecimal price, Instant receivedAt) {

    /**
     * Validates the tick.
     *
     * @param sku sku
     * @param price price
     * @param receivedAt arrival time
     */
    public PriceTick {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
