package dev.scopemock.engine.model;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Text equality, optionally ignoring case (methods and hosts compare case-insensitively; bodies exactly).
 *
 * @param expected the expected text
 * @param ignoreCase whether case is ignored
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record TextEquals(String expected, boolean ignoreCase) implements ValueMatcher {

    /**
     * Checks the text is present.
     *
     * @param expected the expected text
     * @param ignoreCase whether case is ignored
     */
    public TextEquals {
        Objects.requireNonNull(expected, "expected");
    }

    @Override
    public boolean test(Object subject) {
        if (!(subject instanceof String text)) {
            return false;
        }
        return ignoreCase ? expected.equalsIgnoreCase(text) : expected.equals(text);
    }

    @Override
    public Object toWire() {
        return expected;
    }
}
