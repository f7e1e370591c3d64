package dev.scopemock.assertj;

import static dev.scopemock.assertj.MockAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scopemock.junit.MockServer;
import dev.scopemock.junit.ScopedMock;
import org.junit.jupiter.api.Test;

@MockServer(strict = false)
class RecordedRequestsAssertTest {

    @Test
    void singleElementNavigatesToARequestAssertion(ScopedMock mock) {
        Traffic.post(mock, "/payment", "{\"amount\":42}");

        assertThat(mock.requests()).singleElement().hasMethod("POST").hasJsonBody("{\"amount\": 42}");
    }

    @Test
    void singleElementFailsListingTheRequests(ScopedMock mock) {
        Traffic.get(mock, "/health");
        Traffic.get(mock, "/status");

        assertThatThrownBy(() -> assertThat(mock.requests()).singleElement()).hasMessage("""

                Expected size: 1 but was: 2 in:
                [GET /health, GET /status]""");
    }

    @Test
    void firstLastAndElementNavigateInArrivalOrder(ScopedMock mock) {
        Traffic.get(mock, "/a");
        Traffic.get(mock, "/b");
        Traffic.get(mock, "/c");

        assertThat(mock.requests()).hasSize(3).first().hasPath("/a");
        assertThat(mock.requests()).element(1).hasPath("/b");
        assertThat(mock.requests()).last().hasPath("/c");
    }

    @Test
    void aNavigatedAssertionFailsNamingTheElement(ScopedMock mock) {
        Traffic.get(mock, "/a");
        Traffic.get(mock, "/b");

        assertThatThrownBy(() -> assertThat(mock.requests()).element(1).hasPath("/a")).hasMessage("""
                [RecordedRequests element at index 1] Expecting request:
                  GET /b
                to have path:
                  "/a"
                but it was:
                  "/b\"""");
    }

    @Test
    void filteringKeepsTheRequestNavigation(ScopedMock mock) {
        Traffic.get(mock, "/health");
        Traffic.post(mock, "/payment", "{}");

        assertThat(mock.requests()).filteredOn(request -> request.method().equals("POST"))
                .singleElement().hasPath("/payment");
    }
}
