package dev.scopemock.samples;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An order to check out: one line of {@code quantity} items of {@code sku}, to be paid {@code amount}.
 *
 * @param orderId the order's id, also the payment's idempotency key
 * @param sku the stock keeping unit
 * @param quantity how many items, at least 1
 * @param amount the amount to charge, positive
 */
public record Order(String orderId, String sku, int quantity, BigDecimal amount) {

    /**
     * Validates the order.
     *
     * @param orderId id
     * @param sku sku
     * @param quantity quantity
     * @param amount amount
     */
    public Order {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(amount, "amount");
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be at least 1, found " + quantity);
        }
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("amount must be positive, found " + amount);
        }
    }
}
