package dev.scopemock.engine.internal.match;

import dev.scopemock.engine.model.PathPattern;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The stubs whose path is a {@code {param}} pattern, in a trie keyed by segment: a literal segment is a hash
 * lookup, a parameter segment a wildcard child. A lookup walks only the branches the request's segments allow, so
 * its cost depends on the path's depth, not on the number of stubs. Writers are serialised by the owning
 * {@link StubIndex}; readers need no lock (concurrent maps, volatile fields, copy-on-write stub arrays).
 */
final class PatternTrie {

    private final ConcurrentHashMap<String, PatternTrie> literal = new ConcurrentHashMap<>(4);
    private volatile PatternTrie parameter;
    private volatile RegisteredStub[] ending;
    private volatile int size;

    void add(List<String> segments, RegisteredStub stub) {
        PatternTrie node = this;
        for (String segment : segments) {
            node.size++;
            if (PathPattern.parameterName(segment) != null) {
                if (node.parameter == null) {
                    node.parameter = new PatternTrie();
                }
                node = node.parameter;
            } else {
                node = node.literal.computeIfAbsent(segment, k -> new PatternTrie());
            }
        }
        node.size++;
        node.ending = StubIndex.append(node.ending, stub);
    }

    void remove(List<String> segments, RegisteredStub stub) {
        PatternTrie node = this;
        for (String segment : segments) {
            node.size--;
            node = PathPattern.parameterName(segment) != null ? node.parameter : node.literal.get(segment);
            if (node == null) {
                return;
            }
        }
        node.size--;
        node.ending = node.ending == null ? null : StubIndex.without(node.ending, stub);
    }

    void clear() {
        literal.clear();
        parameter = null;
        ending = null;
        size = 0;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Adds to {@code into} every stub whose pattern has the request's segment count and fits its segments. */
    void collect(List<String> segments, int depth, List<RegisteredStub> into) {
        if (depth == segments.size()) {
            RegisteredStub[] here = ending;
            if (here != null) {
                into.addAll(List.of(here));
            }
            return;
        }
        PatternTrie exact = literal.get(segments.get(depth));
        if (exact != null && exact.size > 0) {
            exact.collect(segments, depth + 1, into);
        }
        PatternTrie wildcard = parameter;
        if (wildcard != null && wildcard.size > 0) {
            wildcard.collect(segments, depth + 1, into);
        }
    }
}
