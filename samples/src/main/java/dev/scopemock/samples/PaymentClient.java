package dev.scopemock.samples;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The payment API: {@code POST /payment} with {@code {"orderId": "o-1", "amount": 42.50}} answers
 * {@code {"status": "accepted"}} or {@code {"status": "declined"}}. Every call carries the order id as its
 * {@code Idempotency-Key}, so a retried payment is charged once. Thread-safe.
 */
public final class PaymentClient {

    private final JsonHttpClient http;

    /**
     * A client for the payment API.
     *
     * @param settings where and how to call it
     */
    public PaymentClient(ServiceSettings settings) {
        this(new JsonHttpClient(settings));
    }

    PaymentClient(JsonHttpClient http) {
        this.http = http;
    }

    /**
     * Charges an order.
     *
     * @param orderId the order's id
     * @param amount the amount
     * @return the provider's verdict
     * @throws RemoteServiceException when the call fails or the status is neither accepted nor declined
     */
    public PaymentStatus pay(String orderId, BigDecimal amount) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("orderId", orderId);
        request.put("amount", amount);
        JsonResponse response = http.post("/payment", request, Map.of("Idempotency-Key", orderId));
        return switch (response.body().path("status").asText("")) {
            case "accepted" -> PaymentStatus.ACCEPTED;
            case "declined" -> PaymentStatus.DECLINED;
            default -> throw response.unexpected("{\"status\": \"accepted\" or \"declined\"}");
        };
    }
}
