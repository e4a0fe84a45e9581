package org.casemgmt.adapter.operations;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.Set;
import org.slf4j.Marker;

/**
 * Keeps HAPI from logging client errors (4xx) at WARN/ERROR with their stack traces and messages, which quote
 * conditional URLs and identifiers. The client has its answer and the audit trail has the refusal; the service's
 * own errors (5xx) are still logged whole. {@code FhirAudit} logs each refusal at INFO by type and status. Declared in
 * {@code logback-spring.xml}.
 */
public class ClientErrorLogs extends TurboFilter {
  /** HAPI's ExceptionHandlingInterceptor logs a 4xx as this format with the exception's text, not the exception. */
  private static final String CLIENT_ERROR_FORMAT = "Failure during REST processing: {}";
  private static final Set<String> HAPI_LOGGERS = Set.of(
      "ca.uhn.fhir.interceptor.executor.BaseInterceptorService",
      "ca.uhn.fhir.rest.server.interceptor.ExceptionHandlingInterceptor",
      "ca.uhn.fhir.rest.server.RestfulServer");

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
      Throwable throwable) {
    if (logger == null || !HAPI_LOGGERS.contains(logger.getName())) {
      return FilterReply.NEUTRAL;
    }
    if (CLIENT_ERROR_FORMAT.equals(format)) {
      return FilterReply.DENY;
    }
    Throwable failure = throwable;
    if (failure == null && params != null && params.length > 0 && params[params.length - 1] instanceof Throwable t) {
      failure = t;
    }
    return failure instanceof BaseServerResponseException response && response.getStatusCode() < 500
        ? FilterReply.DENY : FilterReply.NEUTRAL;
  }
}
