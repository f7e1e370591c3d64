package dev.scopemock.junit.internal.agent;

import java.io.File;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.bytebuddy.agent.ByteBuddyAgent;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.loading.ClassInjector;

/**
 * The agent, installed at most once per JVM: attaches ByteBuddy's agent to this JVM, injects the bootstrap runtime
 * into the bootstrap class loader and applies the {@link Instrumentations}. This is the one piece of JVM-global
 * state of the extension, and it exists only when a test class asks for scope propagation.
 */
final class AgentInstallation {

    private static final String BOOTSTRAP_PACKAGE = "dev.scopemock.junit.internal.agent.bootstrap.";

    /** Every class of the bootstrap package (checked against the compiled package by a test). */
    static final List<String> BOOTSTRAP_CLASSES = List.of("ScopeContext", "ScopeBinding", "InheritedBinding",
            "KeepAllHeaders", "ScopedRunnable", "ScopedCallable", "ScopedRunnableFuture", "ApacheHeaders",
            "ApacheHeaders$AccessByClass", "ApacheHeaders$Access", "ApacheHeaders$ProducerHandler",
            "ApacheHeaders$ChannelHandler", "OkHttpHeaders", "OkHttpHeaders$AccessByClass", "OkHttpHeaders$Access",
            "OkHttpHeaders$Access$Url");

    private static final Object LOCK = new Object();
    private static AgentInstallation installed;
    private static RuntimeException failure;

    private final MethodHandle bind;
    private final MethodHandle restore;

    private AgentInstallation(MethodHandle bind, MethodHandle restore) {
        this.bind = bind;
        this.restore = restore;
    }

    /**
     * The installed agent, installing it on first use.
     *
     * @throws IllegalStateException when it cannot be installed (again on every later call)
     */
    static AgentInstallation get() {
        synchronized (LOCK) {
            if (installed != null) {
                return installed;
            }
            if (failure != null) {
                throw new IllegalStateException(failure.getMessage(), failure);
            }
            try {
                installed = install();
                return installed;
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
        }
    }

    /** Binds the calling thread; returns the previous binding for {@link #restore}. */
    Object bind(String host, int port, String headerName, String headerValue) {
        try {
            return bind.invoke(host, port, headerName, headerValue);
        } catch (Throwable e) {
            throw new IllegalStateException("binding the scope failed", e);
        }
    }

    void restore(Object previous) {
        try {
            restore.invoke(previous);
        } catch (Throwable e) {
            throw new IllegalStateException("restoring the scope failed", e);
        }
    }

    private static AgentInstallation install() {
        Instrumentation instrumentation;
        try {
            instrumentation = ByteBuddyAgent.install();
        } catch (RuntimeException | LinkageError e) {
            throw new IllegalStateException("attaching an agent to this JVM failed (" + e + ")", e);
        }
        Class<?> context = injectBootstrapClasses(instrumentation);
        Instrumentations.install(instrumentation, context);
        try {
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            return new AgentInstallation(
                    lookup.findStatic(context, "bind", MethodType.methodType(Object.class, String.class, int.class,
                            String.class, String.class)),
                    lookup.findStatic(context, "restore", MethodType.methodType(void.class, Object.class)));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the agent's runtime is incomplete (" + e + ")", e);
        }
    }

    private static Class<?> injectBootstrapClasses(Instrumentation instrumentation) {
        String contextName = BOOTSTRAP_PACKAGE + "ScopeContext";
        Class<?> context = bootstrapClass(contextName);
        if (context == null) {
            Map<String, byte[]> classes = new LinkedHashMap<>();
            ClassFileLocator locator = ClassFileLocator.ForClassLoader.of(AgentInstallation.class.getClassLoader());
            try {
                for (String name : BOOTSTRAP_CLASSES) {
                    classes.put(BOOTSTRAP_PACKAGE + name, locator.locate(BOOTSTRAP_PACKAGE + name).resolve());
                }
                File folder = Files.createTempDirectory("scopemock-agent").toFile();
                folder.deleteOnExit();
                ClassInjector.UsingInstrumentation.of(folder, ClassInjector.UsingInstrumentation.Target.BOOTSTRAP,
                        instrumentation).injectRaw(classes);
                File[] jars = folder.listFiles();
                for (File jar : jars == null ? new File[0] : jars) {
                    jar.deleteOnExit();     // the JVM keeps the jar open; it goes when the JVM exits
                }
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException("injecting the agent's runtime into the bootstrap class loader"
                        + " failed (" + e + ")", e);
            }
            context = bootstrapClass(contextName);
        }
        Class<?> seen;
        try {
            seen = Class.forName(contextName, false, AgentInstallation.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            seen = null;
        }
        if (context == null || seen != context) {
            throw new IllegalStateException("the agent's runtime class " + contextName + " was loaded by "
                    + (seen == null ? "no class loader" : seen.getClassLoader()) + " before the agent injected it"
                    + " into the bootstrap class loader");
        }
        return context;
    }

    private static Class<?> bootstrapClass(String name) {
        try {
            return Class.forName(name, false, null);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }
}
