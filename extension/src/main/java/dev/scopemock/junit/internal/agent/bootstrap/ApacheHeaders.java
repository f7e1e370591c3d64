package dev.scopemock.junit.internal.agent.bootstrap;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * Adds the scope header to Apache HttpClient 5 requests, by reflection (the client is optional: nothing here names
 * its types): classic requests directly, async ones through a proxy of the request producer that captures the
 * submitting thread's binding and adds the header when the producer hands its request to the client.
 */
public final class ApacheHeaders {

    private static final String HTTP_REQUEST = "org.apache.hc.core5.http.HttpRequest";
    private static final String PRODUCER = "org.apache.hc.core5.http.nio.AsyncRequestProducer";
    private static final String CHANNEL = "org.apache.hc.core5.http.nio.RequestChannel";

    private static final ClassValue<Access> ACCESS = new AccessByClass();

    private ApacheHeaders() {
    }

    /**
     * Adds the current thread's scope header to a classic request aimed at the bound engine.
     *
     * @param target the {@code HttpHost} given to the client, or null
     * @param request the {@code ClassicHttpRequest}
     */
    public static void addTo(Object target, Object request) {
        ScopeBinding binding = ScopeContext.current();
        if (binding != null && request != null) {
            addTo(binding, target, request);
        }
    }

    /**
     * The async request producer, made to add the current thread's scope header to the request it produces.
     *
     * @param target the {@code HttpHost} given to the client, or null
     * @param producer the {@code AsyncRequestProducer}
     * @return a proxy of the producer, or the producer itself when the thread is unbound
     */
    public static Object scopedProducer(Object target, Object producer) {
        ScopeBinding binding = ScopeContext.current();
        if (binding == null || producer == null || Proxy.isProxyClass(producer.getClass())) {
            return producer;
        }
        Access access = ACCESS.get(producer.getClass());
        return Proxy.newProxyInstance(access.producerType.getClassLoader(), new Class<?>[] {access.producerType},
                new ProducerHandler(producer, binding, target, access.channelType));
    }

    static void addTo(ScopeBinding binding, Object target, Object request) {
        Access access = ACCESS.get(request.getClass());
        try {
            Object authority = access.getAuthority.invoke(request);
            String scheme;
            String host;
            int port;
            if (authority != null) {
                scheme = (String) access.getScheme.invoke(request);
                host = (String) access.authorityHost.invoke(authority);
                port = (Integer) access.authorityPort.invoke(authority);
            } else if (target != null) {
                scheme = (String) access.targetScheme.invoke(target);
                host = (String) access.targetHost.invoke(target);
                port = (Integer) access.targetPort.invoke(target);
            } else {
                return;
            }
            if (!binding.targets(scheme, host, port, (String) access.getPath.invoke(request))) {
                return;
            }
            String[] header = binding.header();
            if (!(Boolean) access.containsHeader.invoke(request, header[0])) {
                access.addHeader.invoke(request, header[0], header[1]);
            }
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot add the scope header to " + request, e);
        }
    }

    /** The client's methods for a request or producer class, looked up once. */
    private static final class AccessByClass extends ClassValue<Access> {
        @Override
        protected Access computeValue(Class<?> type) {
            return new Access(type.getClassLoader());
        }
    }

    /** The client's methods, as the class loader of a request or producer sees them. */
    private static final class Access {
        final Class<?> producerType;
        final Class<?> channelType;
        final Method getAuthority;
        final Method getScheme;
        final Method getPath;
        final Method containsHeader;
        final Method addHeader;
        final Method authorityHost;
        final Method authorityPort;
        final Method targetScheme;
        final Method targetHost;
        final Method targetPort;

        Access(ClassLoader loader) {
            try {
                Class<?> request = Class.forName(HTTP_REQUEST, false, loader);
                producerType = Class.forName(PRODUCER, false, loader);
                channelType = Class.forName(CHANNEL, false, loader);
                getAuthority = request.getMethod("getAuthority");
                getScheme = request.getMethod("getScheme");
                getPath = request.getMethod("getPath");
                containsHeader = request.getMethod("containsHeader", String.class);
                addHeader = request.getMethod("addHeader", String.class, Object.class);
                authorityHost = getAuthority.getReturnType().getMethod("getHostName");
                authorityPort = getAuthority.getReturnType().getMethod("getPort");
                Class<?> host = Class.forName("org.apache.hc.core5.http.HttpHost", false, loader);
                targetScheme = host.getMethod("getSchemeName");
                targetHost = host.getMethod("getHostName");
                targetPort = host.getMethod("getPort");
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Apache HttpClient 5 is not usable from " + loader, e);
            }
        }
    }

    /** Wraps the request channel the producer is given, so the request passing through it gets the header. */
    private static final class ProducerHandler implements InvocationHandler {
        private final Object producer;
        private final ScopeBinding binding;
        private final Object target;
        private final Class<?> channelType;

        ProducerHandler(Object producer, ScopeBinding binding, Object target, Class<?> channelType) {
            this.producer = producer;
            this.binding = binding;
            this.target = target;
            this.channelType = channelType;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getName().equals("sendRequest") && args != null && args.length == 2
                    && channelType.isInstance(args[0])) {
                args[0] = Proxy.newProxyInstance(channelType.getClassLoader(), new Class<?>[] {channelType},
                        new ChannelHandler(args[0], binding, target));
            }
            return delegate(producer, method, args);
        }
    }

    /** Adds the header to the request sent through the channel. */
    private static final class ChannelHandler implements InvocationHandler {
        private final Object channel;
        private final ScopeBinding binding;
        private final Object target;

        ChannelHandler(Object channel, ScopeBinding binding, Object target) {
            this.channel = channel;
            this.binding = binding;
            this.target = target;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getName().equals("sendRequest") && args != null && args.length == 3 && args[0] != null) {
                addTo(binding, target, args[0]);
            }
            return delegate(channel, method, args);
        }
    }

    private static Object delegate(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
