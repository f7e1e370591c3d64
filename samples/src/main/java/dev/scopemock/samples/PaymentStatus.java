package dev.scopemock.samples;

/** The payment provider's verdict, sent as {@code {"status": "accepted"}} or {@code {"status": "declined"}}. */
public enum PaymentStatus {
    /** The amount was charged. */
    ACCEPTED,
    /** The provider refused to charge the amount. */
    DECLINED
}
