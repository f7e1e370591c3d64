package dev.scopemock.junit;

import java.util.Map;
import org.apiguardian.api.API;

/**
 * A named stub of the running test, to change its answer mid-test (the seeds' {@code register(name, response)}).
 *
 * <pre>{@code
 * @Stub(name = "pay", path = "/payment", method = "POST", status = 503)
 * void recoversWhenProviderComesBack(ScopedMock mock) {
 *     service.checkout(42);                                   // sees 503
 *     mock.stub("pay").respondWith(ok().withJson("{}"));      // later calls see 200
 * }
 * }</pre>
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class NamedStub {

    private final ScopedMock mock;
    private final String name;

    NamedStub(ScopedMock mock, String name) {
        this.mock = mock;
        this.name = name;
    }

    /**
     * Replaces the stub's response; its matchers, chaos and call limit stay. Requests already answered are
     * unaffected.
     *
     * @param response the new response
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public void respondWith(MockResponse response) {
        mock.replaceAction(name, Map.of("response", response.toWire()));
    }

    /**
     * The stub's name.
     *
     * @return the name
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public String name() {
        return name;
    }
}
