package dev.scopemock.junit.internal.agent;

import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.scopemock.junit.internal.agent.advice.ApacheAsyncAdvice;
import dev.scopemock.junit.internal.agent.advice.ApacheClassicAdvice;
import dev.scopemock.junit.internal.agent.advice.CallableTaskAdvice;
import dev.scopemock.junit.internal.agent.advice.HttpUrlConnectionAdvice;
import dev.scopemock.junit.internal.agent.advice.JdkHttpClientAdvice;
import dev.scopemock.junit.internal.agent.advice.OkHttpAdvice;
import dev.scopemock.junit.internal.agent.advice.PoolWorkerCreationAdvice;
import dev.scopemock.junit.internal.agent.advice.RunnableTaskAdvice;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaModule;

/**
 * What the agent instruments: the HTTP clients (where a request's target and headers are both at hand, on the
 * sending thread) and the executors (task submission and worker creation).
 */
final class Instrumentations {

    private Instrumentations() {
    }

    /**
     * Applies the instrumentation to loaded classes (retransforming them) and to classes loaded from now on.
     *
     * @param runtime the bootstrap-loaded {@code ScopeContext}: instrumented modules must read its module
     * @throws IllegalStateException when a JDK class could not be instrumented
     */
    static void install(Instrumentation instrumentation, Class<?> runtime) {
        ClassLoader adviceLoader = Instrumentations.class.getClassLoader();
        FailureCollector failures = new FailureCollector();
        new AgentBuilder.Default()
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(failures)
                .assureReadEdgeTo(instrumentation, runtime)
                .ignore(isSynthetic().or(nameStartsWith("net.bytebuddy.")).or(nameStartsWith("dev.scopemock."))
                        .or(nameStartsWith("jdk.internal.reflect.")))
                .type(named("java.util.concurrent.ThreadPoolExecutor"))
                .transform(advice(adviceLoader)
                        .advice(named("execute").and(takesArguments(Runnable.class)), name(RunnableTaskAdvice.class))
                        .advice(named("addWorker"), name(PoolWorkerCreationAdvice.class)))
                .type(named("java.util.concurrent.ScheduledThreadPoolExecutor"))
                .transform(advice(adviceLoader)
                        .advice(scheduling().and(takesArgument(0, Runnable.class)), name(RunnableTaskAdvice.class))
                        .advice(scheduling().and(takesArgument(0, Callable.class)), name(CallableTaskAdvice.class)))
                .type(named("java.util.concurrent.ForkJoinPool"))
                .transform(advice(adviceLoader)
                        .advice(named("execute").and(takesArguments(Runnable.class))
                                .or(named("submit").and(takesArgument(0, Runnable.class))),
                                name(RunnableTaskAdvice.class))
                        .advice(named("submit").and(takesArgument(0, Callable.class)), name(CallableTaskAdvice.class))
                        .advice(named("createWorker"), name(PoolWorkerCreationAdvice.class)))
                .type(named("sun.net.www.protocol.http.HttpURLConnection"))
                .transform(advice(adviceLoader)
                        .advice(named("connect").or(named("getInputStream")).or(named("getOutputStream"))
                                .and(takesArguments(0)), name(HttpUrlConnectionAdvice.class)))
                .type(named("jdk.internal.net.http.HttpClientImpl").or(named("jdk.internal.net.http.HttpClientFacade")))
                .transform(advice(adviceLoader)
                        .advice(named("send").or(named("sendAsync"))
                                .and(takesArgument(0, named("java.net.http.HttpRequest"))),
                                name(JdkHttpClientAdvice.class)))
                .type(nameStartsWith("org.apache.hc.client5.http.impl.classic.")
                        .and(hasSuperType(named("org.apache.hc.client5.http.impl.classic.CloseableHttpClient"))))
                .transform(advice(adviceLoader)
                        .advice(named("doExecute").and(takesArguments(3)).and(not(isAbstract())),
                                name(ApacheClassicAdvice.class)))
                .type(nameStartsWith("org.apache.hc.client5.http.impl.async.")
                        .and(hasSuperType(named("org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient"))))
                .transform(advice(adviceLoader)
                        .advice(named("doExecute").and(takesArguments(6)).and(not(isAbstract())),
                                name(ApacheAsyncAdvice.class)))
                .type(named("okhttp3.OkHttpClient"))
                .transform(advice(adviceLoader)
                        .advice(named("newCall").and(takesArguments(1)), name(OkHttpAdvice.class)))
                .installOn(instrumentation);
        failures.throwIfAny();
    }

    private static ElementMatcher.Junction<MethodDescription> scheduling() {
        return named("schedule").or(named("scheduleAtFixedRate")).or(named("scheduleWithFixedDelay"));
    }

    private static AgentBuilder.Transformer.ForAdvice advice(ClassLoader adviceLoader) {
        return new AgentBuilder.Transformer.ForAdvice().include(adviceLoader);
    }

    private static String name(Class<?> advice) {
        return advice.getName();
    }

    /**
     * Remembers instrumentation failures: at installation they fail it (a JDK class the agent relies on could not be
     * changed); later ones (a client library loaded afterwards) are printed, since no test is there to fail.
     */
    private static final class FailureCollector extends AgentBuilder.Listener.Adapter {
        private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
        private volatile boolean installed;

        @Override
        public void onError(String typeName, ClassLoader classLoader, JavaModule module, boolean loaded,
                            Throwable throwable) {
            String failure = typeName + ": " + throwable;
            if (installed) {
                System.err.println("Scopemock scope-propagation agent could not instrument " + failure);
            } else {
                failures.add(failure);
            }
        }

        void throwIfAny() {
            installed = true;
            if (!failures.isEmpty()) {
                throw new IllegalStateException("instrumenting " + String.join("; ", failures) + " failed");
            }
        }
    }
}
