package org.casemgmt.adapter.operations;

import ca.uhn.fhir.context.FhirContext;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * The OperationOutcome body of an answer given outside the FHIR server (servlet filters, the security chain), so a
 * FHIR client reads every refusal the same way. The reason is text the service wrote, never the request's content.
 */
public final class OutcomeBodies {
  private static final FhirContext R4 = FhirContext.forR4Cached();

  private OutcomeBodies() {}

  public static void write(HttpServletResponse response, int status, OperationOutcome.IssueType code, String reason)
      throws IOException {
    OperationOutcome outcome = new OperationOutcome();
    outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(code).setDiagnostics(reason);
    response.setStatus(status);
    response.setContentType("application/fhir+json");
    response.getWriter().write(R4.newJsonParser().encodeResourceToString(outcome));
  }
}
