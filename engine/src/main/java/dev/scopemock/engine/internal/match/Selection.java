package dev.scopemock.engine.internal.match;

import dev.scopemock.engine.model.PathMatch;

/** The stub chosen to serve a request (its call already counted) and its path captures. */
public record Selection(RegisteredStub stub, PathMatch pathMatch) {
}
