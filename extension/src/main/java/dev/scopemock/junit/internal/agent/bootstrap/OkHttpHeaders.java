package dev.scopemock.junit.internal.agent.bootstrap;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Adds the scope header to OkHttp requests when a call is created, by reflection (OkHttp is optional: nothing here
 * names its types). OkHttp requests are immutable, so the request is rebuilt with the header.
 */
public final class OkHttpHeaders {

    private static final ClassValue<Access> ACCESS = new AccessByClass();

    private OkHttpHeaders() {
    }

    /**
     * The request with the current thread's scope header when it is aimed at the bound engine.
     *
     * @param request an {@code okhttp3.Request}
     * @return a copy with the header, or the request itself
     */
    public static Object withScope(Object request) {
        ScopeBinding binding = ScopeContext.current();
        if (binding == null || request == null) {
            return request;
        }
        Access access = ACCESS.get(request.getClass());
        try {
            Object url = access.url.invoke(request);
            Access.Url parts = access.urlAccess(url.getClass());
            if (!binding.targets((String) parts.scheme.invoke(url), (String) parts.host.invoke(url),
                    (Integer) parts.port.invoke(url), (String) parts.encodedPath.invoke(url))) {
                return request;
            }
            String[] header = binding.header();
            if (access.header.invoke(request, header[0]) != null) {
                return request;
            }
            Object builder = access.header(access.newBuilder.invoke(request), header[0], header[1]);
            return access.build.invoke(builder);
        } catch (IllegalAccessException | InvocationTargetException | NoSuchMethodException e) {
            throw new IllegalStateException("cannot add the scope header to " + request, e);
        }
    }

    /** The methods of a request class, looked up once. */
    private static final class AccessByClass extends ClassValue<Access> {
        @Override
        protected Access computeValue(Class<?> type) {
            return new Access(type);
        }
    }

    /** The request's methods, looked up once per request class. */
    private static final class Access {
        final Method url;
        final Method header;
        final Method newBuilder;
        final Method builderHeader;
        final Method build;
        private volatile Url urlAccess;

        Access(Class<?> request) {
            try {
                url = request.getMethod("url");
                header = request.getMethod("header", String.class);
                newBuilder = request.getMethod("newBuilder");
                builderHeader = newBuilder.getReturnType().getMethod("header", String.class, String.class);
                build = newBuilder.getReturnType().getMethod("build");
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("OkHttp's Request is not usable: " + request, e);
            }
        }

        Object header(Object builder, String name, String value)
                throws IllegalAccessException, InvocationTargetException {
            return builderHeader.invoke(builder, name, value);
        }

        Url urlAccess(Class<?> type) throws NoSuchMethodException {
            Url known = urlAccess;
            if (known == null) {
                known = new Url(type.getMethod("scheme"), type.getMethod("host"), type.getMethod("port"),
                        type.getMethod("encodedPath"));
                urlAccess = known;
            }
            return known;
        }

        /** HttpUrl's accessors. */
        static final class Url {
            final Method scheme;
            final Method host;
            final Method port;
            final Method encodedPath;

            Url(Method scheme, Method host, Method port, Method encodedPath) {
                this.scheme = scheme;
                this.host = host;
                this.port = port;
                this.encodedPath = encodedPath;
            }
        }
    }
}
