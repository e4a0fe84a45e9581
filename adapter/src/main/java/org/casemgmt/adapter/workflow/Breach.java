package org.casemgmt.adapter.workflow;

import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.List;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * One way a write breaks a workflow rule: the rule, where (a FHIRPath expression on the written resource) and why.
 *
 * @param reason in words a case manager can act on; it names items and codes but never quotes answers
 */
public record Breach(WorkflowRule rule, String expression, String reason) {

  /** The refusal of a write that breaks rules: 422 with one OperationOutcome issue per breach. */
  static UnprocessableEntityException refusal(List<Breach> breaches) {
    OperationOutcome outcome = new OperationOutcome();
    for (Breach breach : breaches) {
      outcome.addIssue()
          .setSeverity(IssueSeverity.ERROR)
          .setCode(IssueType.BUSINESSRULE)
          .setDetails(new CodeableConcept(new Coding(WorkflowRule.SYSTEM, breach.rule().id(), null))
              .setText(breach.reason()))
          .setDiagnostics(breach.rule().id() + ": " + breach.reason())
          .addExpression(breach.expression());
    }
    String message = breaches.stream().map(breach -> breach.rule().id() + ": " + breach.reason())
        .collect(Collectors.joining("; "));
    return new UnprocessableEntityException(message, outcome);
  }
}
