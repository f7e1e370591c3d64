package dev.scopemock.samples;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A successful JSON answer, with what a client needs to complain about its content.
 *
 * @param call the call, e.g. {@code GET /inventory/a-1}
 * @param status the 2xx status
 * @param body the parsed body
 */
record JsonResponse(String call, int status, JsonNode body) {

    /** An exception saying the body broke the contract. */
    UnexpectedResponseException unexpected(String expected) {
        return new UnexpectedResponseException(call, status, "expected " + expected + ", found: " + body);
    }
}
