package dev.scopemock.engine.model;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Text equality, optionally ignoring case (methods and hosts compare case-insensitively; bodies exactly).
 *
 * @param expected the text compared with the subject (for a host: already without port)
 * @param ignoreCase whether case is ignored
 * @param written the text as the stub or assertion gave it, shown in the wire form
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record TextEquals(String expected, boolean ignoreCase, String written) implements ValueMatcher {

    /**
     * Checks the texts are present.
     *
     * @param expected the compared text
     * @param ignoreCase whether case is ignored
     * @param written the text as given on the wire
     */
    public TextEquals {
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(written, "written");
    }

    /**
     * A matcher whose wire form is the compared text itself.
     *
     * @param expected the expected text
     * @param ignoreCase whether case is ignored
     */
    public TextEquals(String expected, boolean ignoreCase) {
        this(expected, ignoreCase, expected);
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
        return written;
    }
}
