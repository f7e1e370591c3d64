package dev.scopemock.samples;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;

/**
 * Sends JSON requests and reads JSON answers, with the settings' timeout, forwarded headers and retries. Connection
 * errors are retried; a timeout is not (the service may still process the call); a non-2xx status is an
 * {@link UnexpectedResponseException}. Thread-safe.
 */
final class JsonHttpClient {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN, true);

    private final RetryPolicy retry;
    private final RequestFactory requests;
    private final HttpClient http;

    JsonHttpClient(ServiceSettings settings) {
        this.retry = settings.retry();
        this.requests = new RequestFactory(settings);
        this.http = requests.newClient();
    }

    /** {@code GET path}, answered with JSON. */
    JsonResponse get(String path) {
        return send("GET " + path, requests.newRequest(path).GET().header("Accept", "application/json").build());
    }

    /** {@code POST path} with a JSON body, answered with JSON. */
    JsonResponse post(String path, Map<String, Object> body, Map<String, String> headers) {
        HttpRequest.Builder builder = requests.newRequest(path)
                .POST(HttpRequest.BodyPublishers.ofString(write(body)))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json");
        headers.forEach(builder::header);
        return send("POST " + path, builder.build());
    }

    private JsonResponse send(String call, HttpRequest request) {
        HttpResponse<String> response = sendWithRetries(call, request);
        if (response.statusCode() / 100 != 2) {
            throw new UnexpectedResponseException(call, response.statusCode(),
                    "expected a 2xx status; body: " + response.body());
        }
        try {
            return new JsonResponse(call, response.statusCode(), JSON.readTree(response.body()));
        } catch (JsonProcessingException e) {
            throw new UnexpectedResponseException(call, response.statusCode(),
                    "expected a JSON body, found: " + response.body());
        }
    }

    private HttpResponse<String> sendWithRetries(String call, HttpRequest request) {
        for (int attempt = 1; ; attempt++) {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (HttpTimeoutException timeout) {
                if (!(timeout instanceof HttpConnectTimeoutException)) {
                    throw new ServiceTimeoutException(call, request.timeout().orElseThrow(), timeout);
                }
                giveUpOrWait(call, attempt, timeout);
            } catch (IOException connectionError) {
                giveUpOrWait(call, attempt, connectionError);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while calling " + call, e);
            }
        }
    }

    private void giveUpOrWait(String call, int attempt, IOException error) {
        if (attempt >= retry.maxAttempts()) {
            throw new ServiceUnavailableException(call, attempt, error);
        }
        pause(call, retry.delayAfter(attempt));
    }

    private static void pause(String call, Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry " + call, e);
        }
    }

    private static String write(Map<String, Object> body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write request body " + body, e);
        }
    }
}
