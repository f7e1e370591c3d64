package dev.scopemock.engine;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One validation failure of a control payload, in the shape of the protocol's 422 entries.
 *
 * @param type a short rule name, for example {@code missing} or {@code extra_forbidden}
 * @param loc the field path, starting with {@code "body"}
 * @param msg what the rule is and what was found
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record PayloadError(String type, List<Object> loc, String msg) {

    /**
     * Validates and copies.
     *
     * @param type rule name
     * @param loc field path
     * @param msg message
     */
    public PayloadError {
        Objects.requireNonNull(type, "type");
        loc = List.copyOf(loc);
        Objects.requireNonNull(msg, "msg");
    }

    @Override
    public String toString() {
        StringBuilder path = new StringBuilder();
        for (Object part : loc) {
            if (part instanceof Integer) {
                path.append('[').append(part).append(']');
            } else {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(part);
            }
        }
        return path + ": " + msg;
    }
}
