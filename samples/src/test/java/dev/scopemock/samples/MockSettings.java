package dev.scopemock.samples;

import dev.scopemock.junit.ScopedMock;
import dev.scopemock.junit.ScopeHeader;

/** Points the system under test at the test's mock and makes it forward the test's scope header. */
final class MockSettings {

    private MockSettings() {
    }

    static ServiceSettings of(ScopedMock mock) {
        ScopeHeader scope = mock.scopeHeader();
        return ServiceSettings.of(mock.baseUrl()).withForwardedHeader(scope.name(), scope.value());
    }
}
