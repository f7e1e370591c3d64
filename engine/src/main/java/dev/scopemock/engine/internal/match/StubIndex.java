package dev.scopemock.engine.internal.match;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable snapshot of one scope's stubs, indexed by trimmed literal path; stubs with patterns, criteria
 * paths or no path are scanned. Changes build a new snapshot; readers never lock.
 */
public final class StubIndex {

    public static final StubIndex EMPTY = new StubIndex(List.of());

    private final List<RegisteredStub> inOrder;
    private final Map<String, List<RegisteredStub>> byLiteralPath;
    private final List<RegisteredStub> scanned;

    private StubIndex(List<RegisteredStub> inOrder) {
        this.inOrder = inOrder;
        Map<String, List<RegisteredStub>> literal = new HashMap<>();
        List<RegisteredStub> scan = new ArrayList<>();
        for (RegisteredStub stub : inOrder) {
            if (stub.literalPathKey() != null) {
                literal.computeIfAbsent(stub.literalPathKey(), k -> new ArrayList<>(1)).add(stub);
            } else {
                scan.add(stub);
            }
        }
        this.byLiteralPath = literal;
        this.scanned = scan;
    }

    /** The stubs in creation order. */
    public List<RegisteredStub> stubs() {
        return inOrder;
    }

    public StubIndex with(RegisteredStub stub) {
        List<RegisteredStub> next = new ArrayList<>(inOrder.size() + 1);
        next.addAll(inOrder);
        next.add(stub);
        return new StubIndex(Collections.unmodifiableList(next));
    }

    public StubIndex without(String id) {
        List<RegisteredStub> next = new ArrayList<>(inOrder.size());
        for (RegisteredStub stub : inOrder) {
            if (!stub.id().equals(id)) {
                next.add(stub);
            }
        }
        return new StubIndex(Collections.unmodifiableList(next));
    }

    /**
     * Chooses the best matching stub that still has a call left and counts the call. Ranking: field count,
     * weighted score, path specificity, newest. If the best is exhausted by a concurrent request, the next best
     * is tried.
     *
     * @return the selection, or null when no stub matches
     */
    public Selection select(MatchSubject subject, String trimmedPath) {
        List<Candidate> candidates = null;
        List<RegisteredStub> literal = byLiteralPath.get(trimmedPath);
        if (literal != null) {
            candidates = collect(literal, subject, candidates);
        }
        candidates = collect(scanned, subject, candidates);
        if (candidates == null) {
            return null;
        }
        if (candidates.size() > 1) {
            candidates.sort(Candidate.BEST_FIRST);
        }
        for (Candidate candidate : candidates) {
            if (candidate.stub().tryClaim()) {
                return new Selection(candidate.stub(), candidate.pathMatch());
            }
        }
        return null;
    }

    private static List<Candidate> collect(List<RegisteredStub> stubs, MatchSubject subject, List<Candidate> into) {
        for (RegisteredStub stub : stubs) {
            if (stub.isExhausted()) {
                continue;
            }
            var pathMatch = RequestEvaluator.matchStub(stub.definition().request(), subject);
            if (pathMatch != null) {
                if (into == null) {
                    into = new ArrayList<>(2);
                }
                into.add(new Candidate(stub, pathMatch));
            }
        }
        return into;
    }
}
