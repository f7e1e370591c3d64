package dev.scopemock.engine.internal.core;

import dev.scopemock.engine.InvalidPayloadException;
import dev.scopemock.engine.PayloadError;
import dev.scopemock.engine.StubNotFoundException;
import dev.scopemock.engine.criteria.Criterion;
import dev.scopemock.engine.internal.journal.JournalMerge;
import dev.scopemock.engine.internal.journal.ScopeJournal;
import dev.scopemock.engine.internal.match.MatchSubject;
import dev.scopemock.engine.internal.match.RegisteredStub;
import dev.scopemock.engine.internal.match.RequestEvaluator;
import dev.scopemock.engine.internal.match.Selection;
import dev.scopemock.engine.internal.respond.ResponderFactory;
import dev.scopemock.engine.internal.scope.ScopeNames;
import dev.scopemock.engine.internal.scope.ScopeRegistry;
import dev.scopemock.engine.internal.scope.ScopeState;
import dev.scopemock.engine.model.PathPattern;
import dev.scopemock.engine.model.RecordedRequest;
import dev.scopemock.engine.model.RequestMatcher;
import dev.scopemock.engine.model.StubDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The engine's state and its operations, independent of Jetty: scopes, stubs (ids unique across scopes),
 * selection of the serving stub, the journal, and verification.
 */
public final class EngineCore {

    private final ScopeRegistry scopes;
    private final ConcurrentHashMap<String, RegisteredStub> stubsById = new ConcurrentHashMap<>();
    private final AtomicLong stubOrder = new AtomicLong();
    private final AtomicLong requestSequence = new AtomicLong();
    private final Object stubLock = new Object();

    /** An empty engine state whose journals keep {@code journalCapacity} requests per scope. */
    public EngineCore(int journalCapacity) {
        this.scopes = new ScopeRegistry(journalCapacity);
    }

    /** The scopes and the global space. */
    public ScopeRegistry scopes() {
        return scopes;
    }

    /** Validates and creates a scope, returning its lower-cased name. */
    public String createScope(String name) {
        return createScopeState(name).name();
    }

    /** Validates and creates a scope. */
    public ScopeState createScopeState(String name) {
        String violation = ScopeNames.violation(name);
        if (violation != null) {
            throw new InvalidPayloadException(List.of(new PayloadError("string_pattern_mismatch",
                    List.of("body", "name"), violation)));
        }
        return scopes.create(name);
    }

    /**
     * Deletes a scope with its stubs and requests, then closes its dedicated port (outside the lock: that waits for
     * the port's connector to stop); returns its lower-cased name.
     */
    public String deleteScope(String name) {
        ScopeState removed;
        synchronized (stubLock) {
            removed = scopes.delete(name);
            stubsById.values().removeIf(stub -> removed.name().equals(stub.scope()));
        }
        removed.releasePort();
        return removed.name();
    }

    /** Registers a stub in a scope (null for global); generates an id when it has none. */
    public RegisteredStub addStub(ScopeState scope, StubDefinition definition) {
        return addStub(scope, definition, List.of("body", "id"));
    }

    /**
     * Registers a stub; a duplicate explicit id is reported at {@code idLoc} (the field that carried it).
     */
    public RegisteredStub addStub(ScopeState scope, StubDefinition definition, List<Object> idLoc) {
        StubDefinition withId = definition.id() == null ? definition.withId(UUID.randomUUID().toString()) : definition;
        RegisteredStub stub = new RegisteredStub(withId, scope.name(), stubOrder.incrementAndGet(),
                ResponderFactory.prepare(withId.action()));
        synchronized (stubLock) {
            if (scope.isClosed()) {
                throw new dev.scopemock.engine.ScopeNotFoundException("Scope '" + scope.name() + "' was not found");
            }
            if (stubsById.putIfAbsent(withId.id(), stub) != null) {
                throw new InvalidPayloadException(List.of(new PayloadError("duplicate_id", idLoc,
                        "a stub with id '" + withId.id() + "' already exists; stub ids are unique across scopes")));
            }
            scope.stubs().add(stub);
        }
        return stub;
    }

    /**
     * Replaces a stub's definition atomically, keeping its id and scope: the new stub is indexed before the old one
     * is removed (so no request sees neither; both rank alike and the newer wins a tie) and its call count starts
     * at zero. An id in the new definition is ignored.
     *
     * @throws StubNotFoundException when there is no stub with that id
     */
    public RegisteredStub replaceStub(String id, StubDefinition definition) {
        synchronized (stubLock) {
            RegisteredStub old = stubsById.get(id);
            if (old == null) {
                throw new StubNotFoundException("Stub '" + id + "' was not found");
            }
            ScopeState owner = old.scope() == null ? scopes.global() : scopes.find(old.scope());
            if (owner == null) {
                throw new StubNotFoundException("Stub '" + id + "' was not found");
            }
            StubDefinition withId = definition.withId(id);
            RegisteredStub replacement = new RegisteredStub(withId, old.scope(), stubOrder.incrementAndGet(),
                    ResponderFactory.prepare(withId.action()));
            owner.stubs().add(replacement);
            owner.stubs().remove(old);
            stubsById.put(id, replacement);
            return replacement;
        }
    }

    /** Deletes a stub by id, whichever scope it is in. */
    public RegisteredStub deleteStub(String id) {
        synchronized (stubLock) {
            RegisteredStub stub = stubsById.remove(id);
            if (stub == null) {
                throw new StubNotFoundException("Stub '" + id + "' was not found");
            }
            ScopeState owner = stub.scope() == null ? scopes.global() : scopes.find(stub.scope());
            if (owner != null) {
                owner.stubs().remove(id);
            }
            return stub;
        }
    }

    /** The stub with that id, or null. */
    public RegisteredStub findStub(String id) {
        return stubsById.get(id);
    }

    /** Stubs visible to a scope: its own (creation order), then the global ones. */
    public List<RegisteredStub> visibleStubs(ScopeState scope) {
        List<RegisteredStub> visible = new ArrayList<>();
        if (scope != null) {
            visible.addAll(scope.stubs().stubs());
        }
        visible.addAll(scopes.global().stubs().stubs());
        return visible;
    }

    /** Every stub of every scope, then the global ones. */
    public List<RegisteredStub> allStubs() {
        List<RegisteredStub> all = new ArrayList<>();
        for (ScopeState scope : scopes.list()) {
            all.addAll(scope.stubs().stubs());
        }
        all.addAll(scopes.global().stubs().stubs());
        return all;
    }

    /**
     * Chooses the serving stub: a match in the request's own scope always beats a global match.
     *
     * @return the selection (its call counted), or null
     */
    public Selection select(ScopeState scope, MatchSubject subject) {
        String trimmed = PathPattern.trim(subject.path());
        if (scope != null) {
            Selection own = scope.stubs().select(subject, trimmed);
            if (own != null) {
                return own;
            }
        }
        return scopes.global().stubs().select(subject, trimmed);
    }

    /**
     * Records a request in its scope's journal with the next sequence number, without a lock: concurrent requests may
     * reach the journal in another order than their numbers, and its listings sort by number.
     */
    public RecordedRequest record(ScopeState scope, RecordedRequest request, Selection selection) {
        ScopeJournal journal = (scope == null ? scopes.global() : scope).journal();
        RecordedRequest recorded = request.withOutcome(requestSequence.incrementAndGet(), scope == null
                ? null : scope.name(), selection == null ? null : selection.stub().id(),
                selection == null ? Map.of() : selection.pathMatch().params());
        journal.append(recorded);
        notifyListeners(recorded);
        return recorded;
    }

    private final java.util.concurrent.CopyOnWriteArrayList<java.util.function.Consumer<RecordedRequest>> listeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Calls {@code listener} with every request recorded from now on, until the returned handle is closed. */
    public AutoCloseable onRequest(java.util.function.Consumer<RecordedRequest> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void notifyListeners(RecordedRequest recorded) {
        if (listeners.isEmpty()) {
            return;
        }
        for (java.util.function.Consumer<RecordedRequest> listener : listeners) {
            try {
                listener.accept(recorded);
            } catch (RuntimeException ignored) {
                // a listener's failure must never affect the request being answered
            }
        }
    }

    /** Requests visible to a scope (its own and the global ones), in arrival order. */
    public List<RecordedRequest> visibleRequests(ScopeState scope) {
        List<List<RecordedRequest>> logs = new ArrayList<>(2);
        if (scope != null) {
            logs.add(scope.journal().snapshot());
        }
        logs.add(scopes.global().journal().snapshot());
        return JournalMerge.inArrivalOrder(logs);
    }

    /** Every recorded request of every scope, in arrival order. */
    public List<RecordedRequest> allRequests() {
        List<List<RecordedRequest>> logs = new ArrayList<>();
        for (ScopeState scope : scopes.list()) {
            logs.add(scope.journal().snapshot());
        }
        logs.add(scopes.global().journal().snapshot());
        return JournalMerge.inArrivalOrder(logs);
    }

    /** Evicted entries of every journal (every scope and the global space). */
    public long evictedEverywhere() {
        long evicted = scopes.global().journal().evicted();
        for (ScopeState scope : scopes.list()) {
            evicted += scope.journal().evicted();
        }
        return evicted;
    }

    /** Evicted entries of the journals visible to a scope. */
    public long evicted(ScopeState scope) {
        return scopes.global().journal().evicted() + (scope == null ? 0 : scope.journal().evicted());
    }

    /** Counts the visible requests matching the assertion and tests the count against {@code times}. */
    public boolean verify(ScopeState scope, RequestMatcher matcher, Criterion times) {
        return times.test((long) count(visibleRequests(scope), matcher));
    }

    /** How many of the requests the assertion matcher accepts. */
    public static int count(List<RecordedRequest> requests, RequestMatcher matcher) {
        int count = 0;
        for (RecordedRequest request : requests) {
            if (RequestEvaluator.matchesAssertion(matcher, new MatchSubject(request))) {
                count++;
            }
        }
        return count;
    }

    /** Removes every scope, stub and recorded request, then closes the scopes' dedicated ports. */
    public void reset() {
        List<ScopeState> removed;
        synchronized (stubLock) {
            removed = scopes.reset();
            stubsById.clear();
        }
        for (ScopeState scope : removed) {
            scope.releasePort();
        }
    }
}
