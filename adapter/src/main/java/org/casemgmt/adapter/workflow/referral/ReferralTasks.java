package org.casemgmt.adapter.workflow.referral;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Date;
import org.casemgmt.adapter.identity.ClientRecordChanges;
import org.casemgmt.adapter.workflow.WorkflowCodes;
import org.casemgmt.adapter.workflow.WorkflowCodes.TaskKind;
import org.casemgmt.adapter.workflow.WorkflowProperties;
import org.casemgmt.adapter.workflow.WorkflowStage;
import org.casemgmt.adapter.workflow.WorkflowStore;
import org.casemgmt.adapter.workflow.Written;
import org.casemgmt.profiles.ImplementationGuide;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestStatus;
import org.hl7.fhir.r4.model.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Referral and intake: a referral that becomes active opens its Task in the same transaction. A referral to case
 * management (referral-type#case-management, from a PCP, a therapist, a CMHC, a hospital's discharge planners, the VA
 * or the client) opens a Task to screen the client, held by the program the referral is to (performer); a referral
 * out to a community resource opens the Task that tracks its fulfilment (closed loop), held by that resource. One
 * Task per referral, kept under an identifier naming the referral, so a referral activated twice opens one.
 */
@Component
class ReferralTasks implements WorkflowStage<ServiceRequest> {
  private static final String REFERRAL_TASK = ImplementationGuide.CANONICAL + "/StructureDefinition/referral-task";
  private static final Logger log = LoggerFactory.getLogger(ReferralTasks.class);
  private final WorkflowStore store;
  private final WorkflowProperties.Referrals policy;
  private final Clock clock;

  ReferralTasks(WorkflowStore store, WorkflowProperties properties, Clock clock) {
    this.store = store;
    this.policy = properties.referrals();
    this.clock = clock;
  }

  @Override
  public Class<ServiceRequest> type() {
    return ServiceRequest.class;
  }

  @Override
  public void followUp(Written<ServiceRequest> write) {
    ServiceRequest referral = write.current();
    if (!write.entered(ServiceRequest::getStatus, ServiceRequestStatus.ACTIVE)) {
      return;
    }
    WorkflowCodes.referralType(referral).ifPresent(type -> {
      boolean toCaseManagement = WorkflowCodes.CASE_MANAGEMENT_REFERRAL.equals(type);
      ClientRecordChanges changes = new ClientRecordChanges();
      changes.create(task(referral, type, toCaseManagement ? TaskKind.SCREENING : TaskKind.FULFILL,
          toCaseManagement ? policy.screeningDueWithin() : policy.fulfilmentDueWithin()));
      store.write(changes);
      log.info("Referral {} ({}) opened its {} Task", WorkflowCodes.reference(referral), type,
          toCaseManagement ? TaskKind.SCREENING.code() : TaskKind.FULFILL.code());
    });
  }

  private Task task(ServiceRequest referral, String type, TaskKind kind, Period dueWithin) {
    String reference = WorkflowCodes.reference(referral);
    Task task = new Task();
    task.addIdentifier().setSystem(WorkflowCodes.WORKFLOW_TASK).setValue(reference);
    task.setStatus(Task.TaskStatus.REQUESTED);
    task.setIntent(Task.TaskIntent.ORDER);
    task.setCode(new CodeableConcept(kind.coding()));
    task.setDescription(kind == TaskKind.SCREENING ? "Screen the client referred to case management"
        : "Fulfil the " + type + " referral");
    task.setFocus(new Reference(reference));
    task.setFor(referral.getSubject().copy());
    Date now = Date.from(clock.instant());
    task.setAuthoredOn(now).setLastModified(now);
    if (referral.hasRequester()) {
      task.setRequester(referral.getRequester().copy());
      if (kind == TaskKind.FULFILL) {
        // With a requester the Task has all the referral-task profile asks for; it says so, and is held to it.
        task.getMeta().addProfile(REFERRAL_TASK);
      }
    }
    if (referral.hasPerformer()) {
      task.setOwner(referral.getPerformerFirstRep().copy());
    }
    LocalDate from = referral.hasAuthoredOn()
        ? LocalDate.parse(referral.getAuthoredOnElement().getValueAsString().substring(0, 10))
        : LocalDate.now(clock.withZone(ZoneId.systemDefault()));
    task.getRestriction().getPeriod().setEndElement(new DateTimeType(from.plus(dueWithin).toString()));
    return task;
  }
}
