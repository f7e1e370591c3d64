package dev.scopemock.junit.internal.agent.bootstrap;

/**
 * The current binding, inherited by threads the bound thread creates, except pool workers: a thread created while
 * an executor adds a worker would otherwise keep the scope of whichever test first submitted to the pool.
 */
final class InheritedBinding extends InheritableThreadLocal<ScopeBinding> {

    private final ThreadLocal<Boolean> creatingPoolWorker = new ThreadLocal<>();

    @Override
    protected ScopeBinding childValue(ScopeBinding parentValue) {
        return Boolean.TRUE.equals(creatingPoolWorker.get()) ? null : parentValue;
    }

    boolean beginPoolWorkerCreation() {
        boolean previous = Boolean.TRUE.equals(creatingPoolWorker.get());
        creatingPoolWorker.set(Boolean.TRUE);
        return previous;
    }

    void endPoolWorkerCreation(boolean previous) {
        if (previous) {
            creatingPoolWorker.set(Boolean.TRUE);
        } else {
            creatingPoolWorker.remove();
        }
    }
}
