package org.casemgmt.adapter.workflow.assessment;

import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import java.time.Clock;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.casemgmt.adapter.eligibility.current.EligibilityRequests;
import org.casemgmt.adapter.identity.ClientRecordChanges;
import org.casemgmt.adapter.workflow.WorkflowCodes;
import org.casemgmt.adapter.workflow.WorkflowCodes.TaskKind;
import org.casemgmt.adapter.workflow.WorkflowProperties;
import org.casemgmt.adapter.workflow.WorkflowStore;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A completed eligibility screening: it is the work the client's open screening Tasks asked for, so they are closed
 * with it as their output, and the client is evaluated under the programs the referrals name (or the configured
 * default programs) once the screening commits. The determination appears on the client's record as any
 * determination does.
 */
@Component
class Screenings {
  private static final Logger log = LoggerFactory.getLogger(Screenings.class);
  private static final List<String> OPEN = List.of("requested", "in-progress", "on-hold");

  private final WorkflowStore store;
  private final WorkflowProperties.Screening policy;
  private final EligibilityRequests eligibility;
  private final Clock clock;

  Screenings(WorkflowStore store, WorkflowProperties properties, ObjectProvider<EligibilityRequests> eligibility,
      Clock clock) {
    this.store = store;
    this.policy = properties.screening();
    this.eligibility = eligibility.getIfAvailable();
    this.clock = clock;
    if (this.eligibility == null) {
      log.warn("Eligibility re-evaluation is off: a completed screening asks for no determination");
    }
  }

  void completed(String formUrl, QuestionnaireResponse response, String reference) {
    if (!formUrl.equals(policy.questionnaire())) {
      return;
    }
    String client = WorkflowCodes.patient(response.getSubject()).orElse(null);
    if (client == null) {
      return;
    }
    Set<String> programs = new LinkedHashSet<>();
    ClientRecordChanges changes = new ClientRecordChanges();
    for (Task task : openScreenings(client)) {
      store.read(ServiceRequest.class, task.getFocus()).ifPresent(referral -> referral.getOrderDetail().stream()
          .flatMap(detail -> WorkflowCodes.code(detail, WorkflowCodes.PROGRAM).stream()).forEach(programs::add));
      Task done = task.copy();
      done.setStatus(Task.TaskStatus.COMPLETED).setLastModified(Date.from(clock.instant()));
      done.addOutput().setType(new CodeableConcept(new Coding(WorkflowCodes.CASE_MANAGEMENT,
          TaskKind.SCREENING.code(), "Screen referred client")).setText("Screening response"))
          .setValue(new Reference(reference));
      changes.update(done);
    }
    store.write(changes);
    if (programs.isEmpty()) {
      programs.addAll(policy.defaultPrograms());
    }
    if (eligibility != null && !programs.isEmpty()) {
      eligibility.ask(client.substring("Patient/".length()), programs);
    }
    log.info("Screening {} of {} closed {} screening Task(s); eligibility asked for under {}", reference, client,
        changes.transaction().getEntry().size(), programs);
  }

  private List<Task> openScreenings(String client) {
    TokenOrListParam open = new TokenOrListParam();
    OPEN.forEach(status -> open.addOr(new TokenParam(status)));
    return store.search(Task.class, SearchParameterMap.newSynchronous()
        .add(Task.SP_PATIENT, new ReferenceParam(client))
        .add(Task.SP_CODE, new TokenParam(WorkflowCodes.CASE_MANAGEMENT, TaskKind.SCREENING.code()))
        .add(Task.SP_STATUS, open));
  }
}
