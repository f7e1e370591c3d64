package dev.scopemock.engine.internal.match;

import dev.scopemock.engine.model.PathPattern;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * One scope's stubs, indexed for matching: a hash of trimmed literal paths, a segment trie of {@code {param}}
 * patterns, and a short list of stubs with criteria paths or no path, which are the only ones scanned. Updated in
 * place by writers (serialised on this index, each update O(path depth + bucket size)); read without locks by
 * request threads, which see every stub either fully added or not at all.
 */
public final class StubIndex {

    private static final RegisteredStub[] NONE = new RegisteredStub[0];

    private final ConcurrentSkipListMap<Long, RegisteredStub> inOrder = new ConcurrentSkipListMap<>();
    private final ConcurrentHashMap<String, RegisteredStub[]> byLiteralPath = new ConcurrentHashMap<>();
    private final PatternTrie patterns = new PatternTrie();
    private volatile RegisteredStub[] scanned = NONE;

    /** The stubs in creation order. */
    public List<RegisteredStub> stubs() {
        return new ArrayList<>(inOrder.values());
    }

    public synchronized void add(RegisteredStub stub) {
        if (stub.literalPathKey() != null) {
            byLiteralPath.compute(stub.literalPathKey(), (k, bucket) -> append(bucket, stub));
        } else if (stub.patternSegments() != null) {
            patterns.add(stub.patternSegments(), stub);
        } else {
            scanned = append(scanned, stub);
        }
        inOrder.put(stub.order(), stub);
    }

    /** Removes a stub; returns it, or null when it is not here. */
    public synchronized RegisteredStub remove(String id) {
        RegisteredStub found = null;
        for (RegisteredStub stub : inOrder.values()) {
            if (stub.id().equals(id)) {
                found = stub;
                break;
            }
        }
        return found == null ? null : remove(found);
    }

    /** Removes exactly this stub (not another with the same id); returns it, or null when it is not here. */
    public synchronized RegisteredStub remove(RegisteredStub removed) {
        if (inOrder.remove(removed.order()) == null) {
            return null;
        }
        if (removed.literalPathKey() != null) {
            byLiteralPath.computeIfPresent(removed.literalPathKey(), (k, bucket) -> without(bucket, removed));
        } else if (removed.patternSegments() != null) {
            patterns.remove(removed.patternSegments(), removed);
        } else {
            scanned = without(scanned, removed);
        }
        return removed;
    }

    public synchronized void clear() {
        inOrder.clear();
        byLiteralPath.clear();
        patterns.clear();
        scanned = NONE;
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
        RegisteredStub[] literal = byLiteralPath.get(trimmedPath);
        if (literal != null) {
            candidates = collect(literal, subject, candidates);
        }
        if (!patterns.isEmpty()) {
            List<RegisteredStub> fitting = new ArrayList<>(2);
            patterns.collect(PathPattern.segments(trimmedPath), 0, fitting);
            for (int i = 0, n = fitting.size(); i < n; i++) {
                candidates = consider(fitting.get(i), subject, candidates);
            }
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

    private static List<Candidate> collect(RegisteredStub[] stubs, MatchSubject subject, List<Candidate> into) {
        for (RegisteredStub stub : stubs) {
            into = consider(stub, subject, into);
        }
        return into;
    }

    private static List<Candidate> consider(RegisteredStub stub, MatchSubject subject, List<Candidate> into) {
        if (stub.isExhausted()) {
            return into;
        }
        var pathMatch = RequestEvaluator.matchStub(stub.definition().request(), subject, stub.literalMatch());
        if (pathMatch != null) {
            if (into == null) {
                into = new ArrayList<>(2);
            }
            into.add(new Candidate(stub, pathMatch));
        }
        return into;
    }

    static RegisteredStub[] append(RegisteredStub[] bucket, RegisteredStub stub) {
        if (bucket == null || bucket.length == 0) {
            return new RegisteredStub[] {stub};
        }
        RegisteredStub[] grown = java.util.Arrays.copyOf(bucket, bucket.length + 1);
        grown[bucket.length] = stub;
        return grown;
    }

    static RegisteredStub[] without(RegisteredStub[] bucket, RegisteredStub stub) {
        int at = -1;
        for (int i = 0; i < bucket.length; i++) {
            if (bucket[i] == stub) {
                at = i;
                break;
            }
        }
        if (at < 0) {
            return bucket;
        }
        if (bucket.length == 1) {
            return null;
        }
        RegisteredStub[] smaller = new RegisteredStub[bucket.length - 1];
        System.arraycopy(bucket, 0, smaller, 0, at);
        System.arraycopy(bucket, at + 1, smaller, at, bucket.length - at - 1);
        return smaller;
    }
}
