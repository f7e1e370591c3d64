package dev.scopemock.samples.spring;

import java.math.BigDecimal;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;
import org.springframework.web.client.RestClient;

/** Charges orders through the payment API ({@code POST /payments}). Thread-safe. */
@Service
public class PaymentGateway {

    private final RestClient payments;

    PaymentGateway(RestClient paymentRestClient) {
        this.payments = paymentRestClient;
    }

    /**
     * Charges an order.
     *
     * @param orderId the order
     * @param amount the amount to charge
     * @return the payment API's answer
     * @throws org.springframework.web.client.RestClientResponseException when it answers with an error status
     */
    public PaymentReceipt pay(String orderId, BigDecimal amount) {
        return payments.post()
                .uri("/payments")
                .contentType(MediaType.APPLICATION_JSON)
                .body(new PaymentRequest(orderId, amount))
                .retrieve()
                .body(PaymentReceipt.class);
    }

    /** The request body: {@code {"orderId": "o-1", "amount": 42.50}}. */
    record PaymentRequest(String orderId, BigDecimal amount) {
    }
}
