package org.casemgmt.adapter.workflow.monitoring;

import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.casemgmt.adapter.identity.ClientRecordChanges;
import org.casemgmt.adapter.workflow.CaseManagers;
import org.casemgmt.adapter.workflow.WorkflowCodes;
import org.casemgmt.adapter.workflow.WorkflowCodes.TaskKind;
import org.casemgmt.adapter.workflow.WorkflowProperties;
import org.casemgmt.adapter.workflow.WorkflowStore;
import org.casemgmt.adapter.workflow.monitoring.ReassessmentSchedule.Due;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.EpisodeOfCare.EpisodeOfCareStatus;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Component;

/**
 * Reassessment Tasks, on the cadence the program sets: the first when an enrollment becomes active (due one interval
 * after its start), each next one when the previous is completed (due one interval after that day), so one is open
 * per active enrollment. Each is held by the client's case manager (Task.owner), due on restriction.period.end, so a
 * caseload's overdue work is {@code Task?owner=<case manager>&status=requested,in-progress&due=lt<today>}.
 */
@Component
public class Reassessments {
  private static final List<String> OPEN = List.of("requested", "in-progress", "on-hold");

  private final WorkflowStore store;
  private final CaseManagers caseManagers;
  private final ReassessmentSchedule schedule;
  private final Clock clock;

  Reassessments(WorkflowStore store, CaseManagers caseManagers, WorkflowProperties properties, Clock clock) {
    this.store = store;
    this.caseManagers = caseManagers;
    this.schedule = new ReassessmentSchedule(properties.reassessment());
    this.clock = clock;
  }

  /** The program code of an enrollment (EpisodeOfCare.type in the program code system). */
  public static Optional<String> program(EpisodeOfCare episode) {
    return episode.getType().stream().map(type -> WorkflowCodes.code(type, WorkflowCodes.PROGRAM))
        .flatMap(Optional::stream).findFirst();
  }

  /** Opens the enrollment's first reassessment, unless one is open (an enrollment back from on-hold keeps its own). */
  public void scheduleFirst(EpisodeOfCare episode) {
    LocalDate start = start(episode);
    if (start != null && openFor(Task.SP_FOCUS, WorkflowCodes.reference(episode)).isEmpty()) {
      open(episode, schedule.next(program(episode).orElse(ReassessmentSchedule.DEFAULT), start, start));
    }
  }

  /** Opens the next reassessment after one was completed today, while the enrollment is active. */
  void scheduleNext(Task completed) {
    store.read(EpisodeOfCare.class, completed.getFocus())
        .filter(episode -> episode.getStatus() == EpisodeOfCareStatus.ACTIVE && start(episode) != null)
        .ifPresent(episode -> open(episode, schedule.next(program(episode).orElse(ReassessmentSchedule.DEFAULT),
            start(episode), today())));
  }

  /** Gives the client's open reassessments to their (new) case manager. */
  public void handTo(String client, Reference caseManager) {
    ClientRecordChanges changes = new ClientRecordChanges();
    openFor(Task.SP_PATIENT, client).stream()
        .filter(task -> !caseManager.getReference().equals(task.getOwner().getReference()))
        .forEach(task -> changes.update(task.setOwner(caseManager.copy())
            .setLastModified(Date.from(clock.instant()))));
    store.write(changes);
  }

  /** Cancels the enrollment's open reassessments, saying why (a discharge). */
  public void cancelOpen(EpisodeOfCare episode, String reason) {
    ClientRecordChanges changes = new ClientRecordChanges();
    openFor(Task.SP_FOCUS, WorkflowCodes.reference(episode)).forEach(task -> changes.update(task
        .setStatus(Task.TaskStatus.CANCELLED).setStatusReason(new CodeableConcept().setText(reason))
        .setLastModified(Date.from(clock.instant()))));
    store.write(changes);
  }

  private void open(EpisodeOfCare episode, Due due) {
    String reference = WorkflowCodes.reference(episode);
    Task task = new Task();
    task.addIdentifier().setSystem(WorkflowCodes.WORKFLOW_TASK)
        .setValue(reference + "/reassessment/" + due.date());
    task.setStatus(Task.TaskStatus.REQUESTED);
    task.setIntent(Task.TaskIntent.ORDER);
    task.setCode(new CodeableConcept(TaskKind.REASSESSMENT.coding()));
    task.setDescription("Reassess the client and review the ISP (" + due.phase().phase() + " phase: every "
        + due.phase().every() + ")");
    task.setFocus(new Reference(reference));
    task.setFor(episode.getPatient().copy());
    Date now = Date.from(clock.instant());
    task.setAuthoredOn(now).setLastModified(now);
    if (episode.hasManagingOrganization()) {
      task.setRequester(episode.getManagingOrganization().copy());
    }
    WorkflowCodes.patient(episode.getPatient()).flatMap(caseManagers::current)
        .or(() -> Optional.ofNullable(episode.hasCareManager() ? episode.getCareManager().copy() : null))
        .ifPresent(task::setOwner);
    task.getRestriction().getPeriod().setEndElement(new DateTimeType(due.date().toString()));
    ClientRecordChanges changes = new ClientRecordChanges();
    changes.create(task);
    store.write(changes);
  }

  private List<Task> openFor(String parameter, String reference) {
    TokenOrListParam open = new TokenOrListParam();
    OPEN.forEach(status -> open.addOr(new TokenParam(status)));
    return store.search(Task.class, SearchParameterMap.newSynchronous()
        .add(parameter, new ReferenceParam(reference))
        .add(Task.SP_CODE, new TokenParam(WorkflowCodes.CASE_MANAGEMENT, TaskKind.REASSESSMENT.code()))
        .add(Task.SP_STATUS, open));
  }

  private static LocalDate start(EpisodeOfCare episode) {
    return episode.getPeriod().hasStart()
        ? LocalDate.parse(episode.getPeriod().getStartElement().getValueAsString().substring(0, 10)) : null;
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(ZoneId.systemDefault()));
  }
}
