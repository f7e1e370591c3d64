package dev.scopemock.engine.model;

import org.apiguardian.api.API;

/**
 * Matches one scalar request attribute (method, host or body).
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public sealed interface ValueMatcher permits TextEquals, CriterionMatch, JsonEquals {

    /**
     * Tests the attribute.
     *
     * @param subject the attribute: a string, or the raw bytes of a body that is not UTF-8
     * @return whether it matches
     * @throws dev.scopemock.engine.criteria.CriterionException when a criterion cannot evaluate the subject
     */
    boolean test(Object subject);

    /**
     * The wire form.
     *
     * @return a JSON value
     */
    Object toWire();
}
