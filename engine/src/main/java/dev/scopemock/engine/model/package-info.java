/**
 * The engine's immutable model: stub definitions (request matchers, actions, chaos) and recorded requests. The
 * HTTP control API and the in-process JUnit extension build the same objects.
 */
package dev.scopemock.engine.model;
