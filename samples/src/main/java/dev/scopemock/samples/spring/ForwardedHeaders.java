package dev.scopemock.samples.spring;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The headers the current call passes on to the payment API, such as a trace id or a test's scope header. They
 * belong to the call, not to the application: an inbound request (a web filter) or a test sets them for the calls
 * it makes on its own thread, so concurrent callers never see each other's headers.
 */
@Component
public class ForwardedHeaders {

    private final ThreadLocal<Map<String, String>> current = ThreadLocal.withInitial(Map::of);

    /**
     * Runs {@code call} with one more header forwarded, on the calling thread.
     *
     * <pre>{@code
     * PaymentReceipt receipt = forwarded.during("checkout-flow", "1", () -> gateway.pay("o-1", amount));
     * }</pre>
     *
     * @param name the header name
     * @param value the header value
     * @param call the work whose outgoing calls carry the header
     * @param <T> what the work returns
     * @return what {@code call} returned
     */
    public <T> T during(String name, String value, Supplier<T> call) {
        Map<String, String> outer = current.get();
        Map<String, String> inner = new LinkedHashMap<>(outer);
        inner.put(name, value);
        current.set(Map.copyOf(inner));
        try {
            return call.get();
        } finally {
            if (outer.isEmpty()) {
                current.remove();
            } else {
                current.set(outer);
            }
        }
    }

    /**
     * The headers of the current call.
     *
     * @return an immutable map, empty outside {@link #during}
     */
    public Map<String, String> current() {
        return current.get();
    }
}
