package dev.scopemock.engine.internal.scope;

import dev.scopemock.engine.AmbiguousScopeException;
import dev.scopemock.engine.ScopeExistsException;
import dev.scopemock.engine.ScopeNotFoundException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The named scopes and the global space; resolves a request's scope from its header names. */
public final class ScopeRegistry {

    private final ConcurrentHashMap<String, ScopeState> scopes = new ConcurrentHashMap<>();
    private final AtomicLong order = new AtomicLong();
    private final int journalCapacity;
    private final ScopeState global;

    public ScopeRegistry(int journalCapacity) {
        this.journalCapacity = journalCapacity;
        this.global = new ScopeState(null, 0, journalCapacity);
    }

    public ScopeState global() {
        return global;
    }

    /** Creates a scope; the name must already be valid. */
    public ScopeState create(String name) {
        String key = ScopeNames.normalize(name);
        ScopeState fresh = new ScopeState(key, order.incrementAndGet(), journalCapacity);
        if (scopes.putIfAbsent(key, fresh) != null) {
            throw new ScopeExistsException("Scope '" + name + "' already exists");
        }
        return fresh;
    }

    public ScopeState delete(String name) {
        ScopeState removed = scopes.remove(ScopeNames.normalize(name));
        if (removed == null) {
            throw new ScopeNotFoundException("Scope '" + name + "' was not found");
        }
        removed.close();
        return removed;
    }

    /** The scope of that name, or null. */
    public ScopeState find(String name) {
        return name == null ? null : scopes.get(ScopeNames.normalize(name));
    }

    public ScopeState require(String name) {
        ScopeState state = find(name);
        if (state == null) {
            throw new ScopeNotFoundException("Scope '" + name + "' was not found");
        }
        return state;
    }

    /** Scopes in creation order. */
    public List<ScopeState> list() {
        List<ScopeState> all = new ArrayList<>(scopes.values());
        all.sort(Comparator.comparingLong(ScopeState::createdOrder));
        return all;
    }

    public boolean isEmpty() {
        return scopes.isEmpty();
    }

    /**
     * The scope whose name equals one of the header names, null when none does.
     *
     * @throws AmbiguousScopeException when header names of two different scopes are present
     */
    public ScopeState resolve(Iterable<String> headerNames) {
        if (scopes.isEmpty()) {
            return null;
        }
        ScopeState found = null;
        for (String header : headerNames) {
            ScopeState candidate = scopes.get(header.toLowerCase(Locale.ROOT));
            if (candidate != null && candidate != found) {
                if (found != null) {
                    throw new AmbiguousScopeException("Multiple scope headers matched this request");
                }
                found = candidate;
            }
        }
        return found;
    }

    /**
     * Removes every scope (cancelling their pending work) and empties the global space.
     *
     * @return the removed scopes, whose ports the caller releases
     */
    public List<ScopeState> reset() {
        List<ScopeState> removed = new ArrayList<>();
        for (String name : new ArrayList<>(scopes.keySet())) {
            ScopeState scope = scopes.remove(name);
            if (scope != null) {
                scope.close();
                removed.add(scope);
            }
        }
        global.clear();
        return removed;
    }
}
