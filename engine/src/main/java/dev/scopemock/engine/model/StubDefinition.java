package dev.scopemock.engine.model;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A stub: which requests it matches, what it does, how often, and with what faults.
 *
 * @param id the stub id, unique across all scopes (the engine generates one when null)
 * @param request the matchers
 * @param action what to answer
 * @param maxCalls how many requests it may serve, or null for unlimited
 * @param chaos faults, or null for none
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record StubDefinition(String id, RequestMatcher request, StubAction action, Integer maxCalls, Chaos chaos) {

    /**
     * Validates the stub.
     *
     * @param id the id or null
     * @param request the matchers
     * @param action the action
     * @param maxCalls the call limit or null
     * @param chaos the chaos or null
     */
    public StubDefinition {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(action, "action");
        if (id != null && id.isBlank()) {
            throw new IllegalArgumentException("a stub id must not be blank");
        }
    }

    /**
     * This stub with another id.
     *
     * @param newId the id
     * @return a copy
     */
    public StubDefinition withId(String newId) {
        return new StubDefinition(newId, request, action, maxCalls, chaos);
    }
}
