package dev.scopemock.samples;

/** How a checkout ended. */
public enum CheckoutOutcome {
    /** In stock and paid. */
    PAID,
    /** In stock, but the payment was declined. */
    PAYMENT_DECLINED,
    /** Not enough stock; no payment was attempted. */
    OUT_OF_STOCK
}
