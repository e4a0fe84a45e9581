package org.casemgmt.adapter.operations;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The FHIR API answers 503 until the service is ready. The web server accepts connections while start-up work is
 * still running (search parameters being stored, the guide loaded): a search then would be refused for a parameter
 * that is about to exist, and the CapabilityStatement HAPI caches would list too few.
 */
class StartupGate extends OncePerRequestFilter {
  private final ApplicationAvailability availability;

  StartupGate(ApplicationAvailability availability) {
    this.availability = availability;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC) {
      chain.doFilter(request, response);
      return;
    }
    response.setHeader("Retry-After", "5");
    OutcomeBodies.write(response, 503, OperationOutcome.IssueType.TRANSIENT,
        "The service is starting; try again once /actuator/health/readiness is UP");
  }
}
