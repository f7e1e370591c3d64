package dev.scopemock.junit.internal.agent;

import dev.scopemock.junit.ScopeHeader;
import java.net.URI;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The extension's door to the scope-propagation agent: binds the running test's thread to its scope header
 * (installing the agent on first use) and restores the thread's previous binding afterwards.
 */
public final class ScopePropagation {

    private ScopePropagation() {
    }

    /**
     * Binds the calling thread, the threads it starts and the tasks it submits to the test's scope header, for
     * requests to {@code engine}'s host and port.
     *
     * @param testClass the test class, for the message when the agent cannot be installed
     * @return the binding; closing it (on the same thread) restores the previous one
     * @throws ExtensionConfigurationException when the agent cannot be installed in this JVM
     */
    public static Binding bind(Class<?> testClass, URI engine, ScopeHeader header) {
        AgentInstallation agent;
        try {
            agent = AgentInstallation.get();
        } catch (IllegalStateException e) {
            throw new ExtensionConfigurationException("Scope propagation (@MockServer(propagateScope = true) or the"
                    + " scopemock.propagateScope configuration parameter) for " + testClass.getName() + " needs the"
                    + " Scopemock agent, but it could not be installed in this JVM: " + e.getMessage() + ". Fix: start"
                    + " the test JVM with -javaagent:<path to byte-buddy-agent.jar> (e.g. in Surefire's argLine), or"
                    + " let it attach to itself (-Djdk.attach.allowAttachSelf=true, a JDK with the jdk.attach module,"
                    + " no -XX:+DisableAttachMechanism); or turn scope propagation off and send mock.scopeHeader()"
                    + " from the system under test.", e);
        }
        Thread thread = Thread.currentThread();
        Object previous = agent.bind(engine.getHost(), engine.getPort(), header.name(), header.value());
        return new Binding(agent, thread, previous);
    }

    /**
     * A thread's binding to a scope; closing it restores the thread's previous binding, once, and only on the bound
     * thread (elsewhere it would unbind the wrong thread). JUnit 6 closes {@link AutoCloseable} store values, JUnit 5
     * {@code CloseableResource}s.
     */
    @SuppressWarnings("deprecation")
    public static final class Binding implements AutoCloseable, ExtensionContext.Store.CloseableResource {
        private final AgentInstallation agent;
        private final Thread thread;
        private final Object previous;
        private final AtomicBoolean closed = new AtomicBoolean();

        private Binding(AgentInstallation agent, Thread thread, Object previous) {
            this.agent = agent;
            this.thread = thread;
            this.previous = previous;
        }

        @Override
        public void close() {
            if (Thread.currentThread() == thread && closed.compareAndSet(false, true)) {
                agent.restore(previous);
            }
        }
    }
}
