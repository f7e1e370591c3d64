package dev.scopemock.samples;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The inventory API: {@code GET /inventory/{sku}} answers {@code {"sku": "a-1", "available": 7}}. Thread-safe.
 */
public final class InventoryClient {

    private final JsonHttpClient http;

    /**
     * A client for the inventory API.
     *
     * @param settings where and how to call it
     */
    public InventoryClient(ServiceSettings settings) {
        this(new JsonHttpClient(settings));
    }

    InventoryClient(JsonHttpClient http) {
        this.http = http;
    }

    /**
     * The stock of a SKU.
     *
     * @param sku the stock keeping unit
     * @return its stock level
     * @throws RemoteServiceException when the call fails or the answer lacks {@code sku} or {@code available}
     */
    public StockLevel stockOf(String sku) {
        String path = "/inventory/" + URLEncoder.encode(sku, StandardCharsets.UTF_8);
        JsonResponse response = http.get(path);
        JsonNode answeredSku = response.body().path("sku");
        JsonNode available = response.body().path("available");
        if (!answeredSku.isTextual() || !available.isIntegralNumber() || !available.canConvertToInt()) {
            throw response.unexpected("{\"sku\": text, \"available\": integer}");
        }
        return new StockLevel(answeredSku.asText(), available.asInt());
    }
}
