package org.casemgmt.adapter.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.casemgmt.adapter.operations.OutcomeBodies;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/**
 * Requests refused before they reach the API (no token, a bad one, a role without the admin endpoints): the
 * standard bearer-token answer (401/403 with {@code WWW-Authenticate}), an OperationOutcome body for FHIR clients,
 * and an entry in the audit trail for each.
 */
@Component
class Refusals implements AuthenticationEntryPoint, AccessDeniedHandler {
  private final BearerTokenAuthenticationEntryPoint unauthenticated = new BearerTokenAuthenticationEntryPoint();
  private final BearerTokenAccessDeniedHandler denied = new BearerTokenAccessDeniedHandler();
  private final List<RefusalListener> listeners;

  Refusals(List<RefusalListener> listeners) {
    this.listeners = listeners;
  }

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException reason)
      throws IOException {
    unauthenticated.commence(request, response, reason);
    listeners.forEach(listener -> listener.refused(request, 401, "no valid bearer token"));
    OutcomeBodies.write(response, 401, OperationOutcome.IssueType.LOGIN,
        "A valid bearer token is required (see /.well-known/smart-configuration)");
  }

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException reason)
      throws IOException {
    denied.handle(request, response, reason);
    listeners.forEach(listener -> listener.refused(request, 403, "the token's role does not open this endpoint"));
    OutcomeBodies.write(response, 403, OperationOutcome.IssueType.FORBIDDEN,
        "The token's role does not allow this endpoint");
  }
}
