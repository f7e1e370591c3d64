package dev.scopemock.engine.internal.match;

import dev.scopemock.engine.model.PathMatch;
import java.util.Comparator;

/** A stub that matched a request, with the path match that ranks it. */
record Candidate(RegisteredStub stub, PathMatch pathMatch) {

    /** Best first: field count, weighted score, path specificity, then newest. */
    static final Comparator<Candidate> BEST_FIRST = Comparator
            .comparingInt((Candidate c) -> c.stub.fieldCount())
            .thenComparingInt(c -> c.stub.weight())
            .thenComparingInt(c -> c.pathMatch.specificity())
            .thenComparingLong(c -> c.stub.order())
            .reversed();
}
