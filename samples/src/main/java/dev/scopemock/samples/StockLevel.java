package dev.scopemock.samples;

import java.util.Objects;

/**
 * How many items of a SKU the inventory has.
 *
 * @param sku the stock keeping unit
 * @param available the number of items available, not negative
 */
public record StockLevel(String sku, int available) {

    /**
     * Validates the level.
     *
     * @param sku sku
     * @param available available items
     */
    public StockLevel {
        Objects.requireNonNull(sku, "sku");
        if (available < 0) {
            throw new IllegalArgumentException("available must not be negative, found " + available);
        }
    }

    /**
     * Whether {@code quantity} items can be sold.
     *
     * @param quantity the wanted quantity
     * @return true when enough are available
     */
    public boolean covers(int quantity) {
        return available >= quantity;
    }
}
