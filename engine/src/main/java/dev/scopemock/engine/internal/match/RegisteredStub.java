package dev.scopemock.engine.internal.match;

import dev.scopemock.engine.internal.respond.Responder;
import dev.scopemock.engine.model.PathMatch;
import dev.scopemock.engine.model.PathPattern;
import dev.scopemock.engine.model.StubDefinition;
import java.util.concurrent.atomic.AtomicInteger;

/** A stub as the engine holds it: its definition, scope, registration order, call counter and prepared responder. */
public final class RegisteredStub {

    private final StubDefinition definition;
    private final String scope;
    private final long order;
    private final int maxCalls;
    private final int fieldCount;
    private final int weight;
    private final String literalPathKey;
    private final java.util.List<String> patternSegments;
    private final PathMatch literalMatch;
    private final Responder responder;
    private final AtomicInteger calls = new AtomicInteger();

    public RegisteredStub(StubDefinition definition, String scope, long order, Responder responder) {
        this.definition = definition;
        this.scope = scope;
        this.order = order;
        this.maxCalls = definition.maxCalls() == null ? Integer.MAX_VALUE : definition.maxCalls();
        this.fieldCount = definition.request().fieldCount();
        this.weight = definition.request().weight();
        this.literalPathKey = definition.request().path() instanceof PathPattern pattern && pattern.isLiteral()
                ? PathPattern.trim(pattern.pattern()) : null;
        this.patternSegments = definition.request().path() instanceof PathPattern pattern && !pattern.isLiteral()
                ? java.util.List.copyOf(PathPattern.segments(pattern.pattern())) : null;
        this.literalMatch = literalPathKey == null ? null : definition.request().path().match(literalPathKey);
        this.responder = responder;
    }

    public StubDefinition definition() {
        return definition;
    }

    public String id() {
        return definition.id();
    }

    public String scope() {
        return scope;
    }

    public long order() {
        return order;
    }

    public int fieldCount() {
        return fieldCount;
    }

    public int weight() {
        return weight;
    }

    /** The trimmed literal path this stub is indexed under, or null when it must be scanned. */
    public String literalPathKey() {
        return literalPathKey;
    }

    /**
     * The path match of every request found under {@link #literalPathKey()}: a literal pattern matches exactly the
     * paths that trim to its key, always with the same specificity and no captures. Null for other stubs.
     */
    PathMatch literalMatch() {
        return literalMatch;
    }

    /** The segments of this stub's {@code {param}} pattern, or null when its path is not such a pattern. */
    public java.util.List<String> patternSegments() {
        return patternSegments;
    }

    public Responder responder() {
        return responder;
    }

    public int callCount() {
        return calls.get();
    }

    public boolean isExhausted() {
        return calls.get() >= maxCalls;
    }

    /** Counts one call if the stub still has one left; exactly {@code maxCalls} claims ever succeed. */
    public boolean tryClaim() {
        while (true) {
            int current = calls.get();
            if (current >= maxCalls) {
                return false;
            }
            if (calls.compareAndSet(current, current + 1)) {
                return true;
            }
        }
    }
}
