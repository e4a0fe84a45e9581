package org.casemgmt.adapter.workflow.enrollment;

import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.casemgmt.adapter.eligibility.program.ProgramDefinitions;
import org.casemgmt.adapter.workflow.Breach;
import org.casemgmt.adapter.workflow.CaseManagers;
import org.casemgmt.adapter.workflow.WorkflowCodes;
import org.casemgmt.adapter.workflow.WorkflowProperties;
import org.casemgmt.adapter.workflow.WorkflowRule;
import org.casemgmt.adapter.workflow.WorkflowStage;
import org.casemgmt.adapter.workflow.WorkflowStore;
import org.casemgmt.adapter.workflow.Written;
import org.casemgmt.adapter.workflow.monitoring.Reassessments;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.EpisodeOfCare.EpisodeOfCareStatus;
import org.hl7.fhir.r4.model.Observation;
import org.springframework.stereotype.Component;

/**
 * Enrollment: an EpisodeOfCare names the program (one the adapter defines) and the case-management model (brokerage,
 * clinical, strengths, rehabilitation, ICM, ACT); it becomes active only when the client's determination for that
 * program is eligible (unless the policy says otherwise), and a case manager named on it is an assignment like a
 * CareTeam's. Activation schedules the first reassessment.
 */
@Component
class Enrollments implements WorkflowStage<EpisodeOfCare> {
  private final ProgramDefinitions programs;
  private final WorkflowStore store;
  private final CaseManagers caseManagers;
  private final Reassessments reassessments;
  private final boolean requiresEligibility;

  Enrollments(ProgramDefinitions programs, WorkflowStore store, CaseManagers caseManagers,
      Reassessments reassessments, WorkflowProperties properties) {
    this.programs = programs;
    this.store = store;
    this.caseManagers = caseManagers;
    this.reassessments = reassessments;
    this.requiresEligibility = properties.enrollment().requiresEligibility();
  }

  @Override
  public Class<EpisodeOfCare> type() {
    return EpisodeOfCare.class;
  }

  @Override
  public List<Breach> checkWrite(Written<EpisodeOfCare> write) {
    if (!write.changed(EpisodeOfCare::getType)) {
      return List.of();
    }
    List<Breach> breaches = new ArrayList<>();
    Optional<String> program = Reassessments.program(write.current());
    if (program.isEmpty()) {
      breaches.add(WorkflowRule.ENROLLMENT_NAMES_PROGRAM_AND_MODEL.breach("EpisodeOfCare.type",
          "an enrollment names its program in type (a coding of " + WorkflowCodes.PROGRAM + "): one of "
              + programIds()));
    } else if (programs.find(program.get()).isEmpty()) {
      breaches.add(WorkflowRule.ENROLLMENT_NAMES_PROGRAM_AND_MODEL.breach("EpisodeOfCare.type",
          "the program '" + program.get() + "' is not one the adapter defines (" + programIds() + ")"));
    }
    boolean model = write.current().getType().stream()
        .anyMatch(type -> WorkflowCodes.code(type, WorkflowCodes.CM_MODEL).isPresent());
    if (!model) {
      breaches.add(WorkflowRule.ENROLLMENT_NAMES_PROGRAM_AND_MODEL.breach("EpisodeOfCare.type",
          "an enrollment names its case-management model in type (a coding of " + WorkflowCodes.CM_MODEL
              + ": brokerage, clinical, strengths, rehabilitation, icm, act)"));
    }
    return breaches;
  }

  @Override
  public List<Breach> checkRecord(Written<EpisodeOfCare> write) {
    EpisodeOfCare episode = write.current();
    String client = WorkflowCodes.patient(episode.getPatient()).orElse(null);
    if (client == null) {
      return List.of();
    }
    List<Breach> breaches = new ArrayList<>();
    if (requiresEligibility && write.entered(EpisodeOfCare::getStatus, EpisodeOfCareStatus.ACTIVE)) {
      Reassessments.program(episode).flatMap(program -> ineligible(client, program)).ifPresent(breaches::add);
    }
    if (episode.hasCareManager() && write.changed(e -> e.getCareManager().getReference())
        && episode.getStatus() != EpisodeOfCareStatus.FINISHED) {
      caseManagers.assignable(client, "EpisodeOfCare.careManager", episode.getCareManager().getReference())
          .ifPresent(breaches::add);
    }
    return breaches;
  }

  @Override
  public void followUp(Written<EpisodeOfCare> write) {
    if (write.entered(EpisodeOfCare::getStatus, EpisodeOfCareStatus.ACTIVE)) {
      reassessments.scheduleFirst(write.current());
    }
  }

  /** A breach unless the client's determination for the program says eligible. */
  private Optional<Breach> ineligible(String client, String program) {
    Optional<Observation> determination = store.search(Observation.class, SearchParameterMap.newSynchronous()
            .add(Observation.SP_SUBJECT, new ReferenceParam(client))
            .add(Observation.SP_CODE, new TokenParam(WorkflowCodes.CASE_MANAGEMENT, "eligibility-determination")))
        .stream()
        .filter(found -> program.equals(found.getMethod().getCodingFirstRep().getCode()))
        .findFirst();
    String outcome = determination.flatMap(found -> found.getValueCodeableConcept().getCoding().stream()
        .map(coding -> coding.getCode()).findFirst()).orElse(null);
    if ("eligible".equals(outcome)) {
      return Optional.empty();
    }
    String state = determination.map(found -> "is " + outcome + " (Observation/"
            + found.getIdElement().getIdPart() + ")")
        .orElse("has not been made (screen the client, or POST " + client + "/$evaluate-eligibility)");
    return Optional.of(WorkflowRule.ENROLLMENT_REQUIRES_ELIGIBILITY.breach("EpisodeOfCare.status",
        "an enrollment in " + program + " becomes active only when the client is eligible for it; the client's"
            + " determination " + state));
  }

  private String programIds() {
    return String.join(", ", programs.ids().stream().sorted().toList());
  }
}
