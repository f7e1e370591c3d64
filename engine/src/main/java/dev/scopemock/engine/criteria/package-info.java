/**
 * The criteria language of the control API: a sealed hierarchy of {@link dev.scopemock.engine.criteria.Criterion}
 * records, one per {@code $operator} of the wire protocol, and the JSON value semantics they share.
 */
package dev.scopemock.engine.criteria;
