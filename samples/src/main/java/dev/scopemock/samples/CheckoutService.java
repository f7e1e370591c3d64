package dev.scopemock.samples;

/**
 * Checks out an order: asks the inventory whether enough items are in stock, then charges the payment provider.
 * Every outgoing call carries the settings' forwarded headers (in tests: the mock's scope header), has the
 * settings' timeout and is retried on connection errors. Thread-safe.
 *
 * <pre>{@code
 * CheckoutService checkout = new CheckoutService(ServiceSettings.of(URI.create("http://shop.internal")));
 * CheckoutResult result = checkout.checkout(new Order("o-1", "a-1", 2, new BigDecimal("42.50")));
 * }</pre>
 */
public final class CheckoutService {

    private final InventoryClient inventory;
    private final PaymentClient payments;

    /**
     * A service calling the inventory and payment APIs at the settings' base URL.
     *
     * @param settings where and how to call them
     */
    public CheckoutService(ServiceSettings settings) {
        JsonHttpClient http = new JsonHttpClient(settings);
        this.inventory = new InventoryClient(http);
        this.payments = new PaymentClient(http);
    }

    /**
     * Checks out an order; pays only when the stock covers the quantity.
     *
     * @param order the order
     * @return how it ended
     * @throws ServiceTimeoutException when a call took longer than the request timeout
     * @throws ServiceUnavailableException when every try of a call failed with a connection error
     * @throws UnexpectedResponseException when a service answered with an error status or an unknown body
     */
    public CheckoutResult checkout(Order order) {
        StockLevel stock = inventory.stockOf(order.sku());
        if (!stock.covers(order.quantity())) {
            return new CheckoutResult(order.orderId(), CheckoutOutcome.OUT_OF_STOCK);
        }
        PaymentStatus payment = payments.pay(order.orderId(), order.amount());
        CheckoutOutcome outcome = payment == PaymentStatus.ACCEPTED ? CheckoutOutcome.PAID
                : CheckoutOutcome.PAYMENT_DECLINED;
        return new CheckoutResult(order.orderId(), outcome);
    }
}
