package org.casemgmt.adapter.operations;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityState;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The API is shut until the service is ready: 503 with Retry-After and an OperationOutcome, then passed through. */
class StartupGateTest {

  @ParameterizedTest
  @EnumSource(ReadinessState.class)
  void theApiAnswersOnlyOnceReady(ReadinessState readiness) throws Exception {
    StartupGate gate = new StartupGate(new Availability(readiness));
    MockHttpServletResponse response = new MockHttpServletResponse();
    AtomicBoolean passedOn = new AtomicBoolean();

    gate.doFilter(new MockHttpServletRequest("GET", "/fhir/metadata"), response,
        (request, answer) -> passedOn.set(true));

    boolean ready = readiness == ReadinessState.ACCEPTING_TRAFFIC;
    assertThat(passedOn.get()).isEqualTo(ready);
    if (!ready) {
      assertThat(response.getStatus()).isEqualTo(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
      assertThat(response.getHeader("Retry-After")).isEqualTo("5");
      assertThat(response.getContentAsString()).contains("\"resourceType\":\"OperationOutcome\"")
          .contains("\"code\":\"transient\"").contains("readiness");
    }
  }

  /** Spring Boot's availability as it would report the readiness state. */
  private record Availability(ReadinessState readiness) implements ApplicationAvailability {
    @Override
    public <S extends AvailabilityState> S getState(Class<S> type, S defaultState) {
      return type == ReadinessState.class ? type.cast(readiness) : type.cast(LivenessState.CORRECT);
    }

    @Override
    public <S extends AvailabilityState> S getState(Class<S> type) {
      return getState(type, null);
    }

    @Override
    public <S extends AvailabilityState> org.springframework.boot.availability.AvailabilityChangeEvent<S>
        getLastChangeEvent(Class<S> type) {
      return null;
    }
  }
}
