package org.casemgmt.adapter.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.casemgmt.adapter.security.Caller;
import org.casemgmt.adapter.security.RefusalListener;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Audits the admin endpoints (feed files and their rejections, dead letters with whole messages, replays, population
 * runs) and the actuator: the answer is held until its audit event is committed, since those answers can quote whole
 * messages. Also audits the requests the security chain refuses (no token, a bad one, a role without the admin
 * endpoints), whatever their path.
 */
class AdminAudit extends OncePerRequestFilter implements RefusalListener {
  private final AuditTrail trail;
  private final Clock clock;

  AdminAudit(AuditTrail trail, Clock clock) {
    this.trail = trail;
    this.clock = clock;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI();
    return !(path.startsWith("/admin/") || path.equals("/admin") || path.startsWith("/actuator")
        && !path.startsWith("/actuator/health/liveness") && !path.startsWith("/actuator/health/readiness"));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
    try {
      chain.doFilter(request, held);
    } finally {
      // Refusals at the door are audited by refused(), which knows their reason.
      Caller.current().ifPresent(caller -> record(request, caller, held.getStatus(),
          held.getStatus() >= 400 ? "refused or failed" : null));
      held.copyBodyToResponse();
    }
  }

  @Override
  public void refused(HttpServletRequest request, int status, String reason) {
    record(request, Caller.current().orElse(null), status, reason);
  }

  private void record(HttpServletRequest request, Caller caller, int status, String reason) {
    String line = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
    String interaction = request.getRequestURI().startsWith("/fhir") ? "operation"
        : "admin " + request.getMethod() + " " + request.getRequestURI().replaceAll("/\\d+", "/{id}");
    AuditEventAction action = switch (request.getMethod()) {
      case "GET", "HEAD" -> AuditEventAction.R;
      case "DELETE" -> AuditEventAction.D;
      default -> AuditEventAction.E;
    };
    trail.record(new AccessRecord(caller, request.getRemoteAddr(), interaction, action, status, reason, Set.of(),
        List.of(), line), clock.instant());
  }
}
