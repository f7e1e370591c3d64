package dev.scopemock.samples.spring;

/**
 * The payment API's answer: {@code {"paymentId": "p-1", "status": "accepted"}}.
 *
 * @param paymentId the payment's id
 * @param status {@code accepted} or {@code declined}
 */
public record PaymentReceipt(String paymentId, String status) {
}
