package dev.scopemock.samples;

import static dev.scopemock.junit.RequestMatcher.get;
import static dev.scopemock.junit.RequestMatcher.post;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scopemock.annotations.Stub;
import dev.scopemock.engine.model.RecordedRequest;
import dev.scopemock.junit.MockServer;
import dev.scopemock.junit.ScopedMock;
import dev.scopemock.junit.Times;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One templated stub answers for every SKU: the template reads the {@code {sku}} path parameter. */
@MockServer
class InventoryTemplateTest {

    @Test
    @Stub(path = "/inventory/{sku}", method = "GET", responseHeaders = "Content-Type: application/json",
            template = "{\"sku\": \"{{ request.path_params.sku }}\", \"available\": 3}")
    void answersForTheRequestedSku(ScopedMock mock) {
        InventoryClient inventory = new InventoryClient(MockSettings.of(mock));

        StockLevel first = inventory.stockOf("a-1");
        StockLevel second = inventory.stockOf("b-2");

        assertThat(first).isEqualTo(new StockLevel("a-1", 3));
        assertThat(second).isEqualTo(new StockLevel("b-2", 3));
        assertThat(mock.requests()).extracting(RecordedRequest::pathParams)
                .containsExactly(Map.of("sku", "a-1"), Map.of("sku", "b-2"));
    }

    @Test
    void decidesTheStockFromThePathWithAFluentTemplate(ScopedMock mock) {
        mock.whenRequestedWith(get("/inventory/{sku}")).respondWithTemplate(200,
                "{\"sku\": \"{{ request.path_params.sku }}\","
                        + " \"available\": {% if request.path_params.sku == 'sold-out' %}0{% else %}9{% endif %}}");
        mock.whenRequestedWith(post("/payment")).respondWithJson(200, "{\"status\": \"accepted\"}");
        CheckoutService checkout = new CheckoutService(MockSettings.of(mock));

        CheckoutResult soldOut = checkout.checkout(new Order("o-1", "sold-out", 1, BigDecimal.ONE));
        CheckoutResult inStock = checkout.checkout(new Order("o-2", "c-3", 1, BigDecimal.ONE));

        assertThat(soldOut.outcome()).isEqualTo(CheckoutOutcome.OUT_OF_STOCK);
        assertThat(inStock.outcome()).isEqualTo(CheckoutOutcome.PAID);
        assertThat(mock.confirmRequest(post("/payment").withJson("{\"orderId\": \"o-2\", \"amount\": 1}"),
                Times.once())).isTrue();
    }
}
