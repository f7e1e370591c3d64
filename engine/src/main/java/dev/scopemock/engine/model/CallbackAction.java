package dev.scopemock.engine.model;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Answers with Java code (in-process engines only; it has no wire form, and {@code GET /__mock__/stubs} shows it as
 * {@code {"callback": description}}).
 *
 * @param description what the callback does, for listings and failure messages
 * @param callback the code
 * @since 0.2
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record CallbackAction(String description, StubCallback callback) implements StubAction {

    /**
     * Checks both parts are present.
     *
     * @param description the description
     * @param callback the code
     */
    public CallbackAction {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(callback, "callback");
    }
}
