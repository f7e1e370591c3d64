package dev.scopemock.samples;

import java.util.Objects;

/**
 * The result of checking out one order.
 *
 * @param orderId the order's id
 * @param outcome how it ended
 */
public record CheckoutResult(String orderId, CheckoutOutcome outcome) {

    /**
     * Validates the result.
     *
     * @param orderId id
     * @param outcome outcome
     */
    public CheckoutResult {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(outcome, "outcome");
    }
}
