package org.casemgmt.adapter.audit;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.ResponseDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.casemgmt.adapter.security.AccessGrant;
import org.casemgmt.adapter.security.FhirAccessControl;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.hl7.fhir.r4.model.Bundle;

/**
 * Audits every FHIR API request but the anonymous CapabilityStatement: what was asked, by whom, what it answered and
 * whose data left or was written. The event is committed before the answer is sent (on the outgoing response, or on
 * the error), so no answer leaves unaudited.
 */
@Interceptor
class FhirAudit {
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(FhirAudit.class);
  /** After the release control has cut the answer to what the caller may see. */
  private static final int LAST = 1000;
  private static final String AUDITED = FhirAudit.class.getName() + ".audited";

  private final AuditTrail trail;
  private final FhirAccessControl access;
  private final Clock clock;

  FhirAudit(AuditTrail trail, FhirAccessControl access, Clock clock) {
    this.trail = trail;
    this.access = access;
    this.clock = clock;
  }

  @Hook(value = Pointcut.SERVER_OUTGOING_RESPONSE, order = LAST)
  void answering(RequestDetails request, ResponseDetails response) {
    audit(request, response.getResponseCode(), null, response.getResponseResource());
  }

  /**
   * Answers that carry no resource (a delete without an outcome) and operations that write their own answer (bulk
   * export's kick-off, status and files) pass here only, with the status they set.
   */
  @Hook(Pointcut.SERVER_PROCESSING_COMPLETED_NORMALLY)
  void completed(RequestDetails request) {
    int status = request instanceof ServletRequestDetails servlet && servlet.getServletResponse() != null
        && servlet.getServletResponse().getStatus() > 0 ? servlet.getServletResponse().getStatus() : 200;
    audit(request, status, null, null);
  }

  @Hook(Pointcut.SERVER_HANDLE_EXCEPTION)
  boolean failing(RequestDetails request, BaseServerResponseException failure) {
    if (failure.getStatusCode() < 500) {
      // Types and status only: the reason may quote identifiers; it is in the audit trail and the answer.
      log.info("FHIR {} {} answered {}", interaction(request.getRestOperationType()), request.getResourceName(),
          failure.getStatusCode());
    }
    audit(request, failure.getStatusCode(), failure.getMessage(), null);
    return true;
  }

  private void audit(RequestDetails request, int status, String reason, IBaseResource answer) {
    RestOperationTypeEnum operation = request.getRestOperationType();
    // A batch's entries are audited with the batch, whose answer holds theirs.
    if (operation == RestOperationTypeEnum.METADATA || request.isSubRequest()
        || request.getUserData().put(AUDITED, Boolean.TRUE) != null) {
      return;
    }
    AccessGrant grant = FhirAccessControl.grant(request).orElse(null);
    String address = request instanceof ServletRequestDetails servlet
        ? servlet.getServletRequest().getRemoteAddr() : null;
    List<String> data = new ArrayList<>();
    if (request.getId() != null && request.getId().hasIdPart() && request.getResourceName() != null) {
      data.add(request.getResourceName() + "/" + request.getId().getIdPart());
    } else if (answer != null && !(answer instanceof Bundle) && answer.getIdElement().hasIdPart()
        && operation == RestOperationTypeEnum.CREATE) {
      data.add(answer.getIdElement().toUnqualifiedVersionless().getValue());
    }
    String query = operation == null || isSearch(operation) || operation.name().startsWith("EXTENDED")
        ? request.getCompleteUrl().replaceFirst("^https?://[^/]+", "") : null;
    trail.record(new AccessRecord(grant == null ? null : grant.caller(), address, interaction(operation),
        action(operation), status, reason, clients(request, status < 400 ? answer : null), data, query),
        clock.instant());
  }

  /** The clients whose data the answer carries, or the written resources are about. */
  private Set<String> clients(RequestDetails request, IBaseResource answer) {
    Set<String> clients = new LinkedHashSet<>();
    for (IBaseResource resource : java.util.stream.Stream.of(answer, request.getResource())
        .filter(java.util.Objects::nonNull).toList()) {
      if (resource instanceof Bundle bundle) {
        bundle.getEntry().stream().filter(Bundle.BundleEntryComponent::hasResource)
            .forEach(entry -> clients.addAll(access.clientsOf(entry.getResource(), request)));
      } else {
        clients.addAll(access.clientsOf(resource, request));
      }
    }
    return clients;
  }

  private static boolean isSearch(RestOperationTypeEnum operation) {
    return switch (operation) {
      case SEARCH_TYPE, SEARCH_SYSTEM, GET_PAGE, HISTORY_TYPE, HISTORY_SYSTEM -> true;
      default -> false;
    };
  }

  private static String interaction(RestOperationTypeEnum operation) {
    if (operation == null) {
      return "unknown";
    }
    return switch (operation) {
      case EXTENDED_OPERATION_SERVER, EXTENDED_OPERATION_TYPE, EXTENDED_OPERATION_INSTANCE -> "operation";
      case GET_PAGE -> "search-type";
      default -> operation.getCode();
    };
  }

  private static AuditEventAction action(RestOperationTypeEnum operation) {
    if (operation == null) {
      return AuditEventAction.E;
    }
    return switch (operation) {
      case CREATE -> AuditEventAction.C;
      case UPDATE, PATCH, META_ADD, ADD_TAGS -> AuditEventAction.U;
      case DELETE, META_DELETE, DELETE_TAGS -> AuditEventAction.D;
      case READ, VREAD, SEARCH_TYPE, SEARCH_SYSTEM, GET_PAGE, HISTORY_INSTANCE, HISTORY_TYPE, HISTORY_SYSTEM, META,
          GET_TAGS -> AuditEventAction.R;
      default -> AuditEventAction.E;
    };
  }
}
