package org.casemgmt.adapter.fhirserver;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.ResponseDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import jakarta.servlet.http.HttpServletResponse;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * Answers as the FHIR R4 RESTful API specification names them where HAPI answers otherwise: 412 for an
 * {@code If-Match} naming an old version (HAPI says 409, which the specification keeps for conflicts a client did not
 * ask about), a {@code Location} on every 201 (HAPI gives none when a conditional update creates), and a warning on
 * a search page whose includes were cut at the most a page carries (HAPI cuts silently, so the page would pass for
 * all there is).
 */
@Interceptor
class HttpSemantics {
  private final int maxIncludesPerPage;

  HttpSemantics(int maxIncludesPerPage) {
    this.maxIncludesPerPage = maxIncludesPerPage;
  }

  @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
  BaseServerResponseException preconditionFailed(RequestDetails request, Throwable failure) {
    if (failure instanceof ResourceVersionConflictException conflict
        && request.getHeader(Constants.HEADER_IF_MATCH) != null) {
      return new PreconditionFailedException(conflict.getMessage(), conflict.getOperationOutcome());
    }
    return null;
  }

  @Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
  void answering(RequestDetails request, ResponseDetails response, HttpServletResponse servletResponse) {
    IBaseResource answer = response.getResponseResource();
    if (response.getResponseCode() == 201 && !servletResponse.containsHeader(Constants.HEADER_LOCATION)
        && answer != null && answer.getIdElement().hasIdPart()) {
      servletResponse.setHeader(Constants.HEADER_LOCATION,
          answer.getIdElement().withServerBase(request.getFhirServerBase(), answer.fhirType()).getValue());
    }
    if (answer instanceof Bundle page && page.getType() == Bundle.BundleType.SEARCHSET && page.getEntry().stream()
        .filter(entry -> entry.getSearch().getMode() == Bundle.SearchEntryMode.INCLUDE).count() >= maxIncludesPerPage) {
      OperationOutcome cut = new OperationOutcome();
      cut.addIssue().setSeverity(OperationOutcome.IssueSeverity.WARNING).setCode(OperationOutcome.IssueType.TOOCOSTLY)
          .setDiagnostics("This page carries the most included resources a page may (" + maxIncludesPerPage
              + "); more may exist: ask for smaller pages (_count) or search the included type directly");
      page.addEntry().setResource(cut).getSearch().setMode(Bundle.SearchEntryMode.OUTCOME);
    }
  }
}
