package org.casemgmt.adapter.workflow.enrollment;

import java.util.List;
import java.util.Set;
import org.casemgmt.adapter.workflow.Breach;
import org.casemgmt.adapter.workflow.CaseManagers;
import org.casemgmt.adapter.workflow.WorkflowCodes;
import org.casemgmt.adapter.workflow.WorkflowStage;
import org.casemgmt.adapter.workflow.Written;
import org.casemgmt.adapter.workflow.monitoring.Reassessments;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CareTeam.CareTeamStatus;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.stereotype.Component;

/**
 * Assignment: a CareTeam naming a case manager the team did not name before is an assignment, refused until the
 * client has approved the ISP; once made, the client's open reassessment Tasks go to the new case manager, so that
 * their caseload (Task?owner=...) shows them.
 */
@Component
class CareTeams implements WorkflowStage<CareTeam> {
  private static final Set<CareTeamStatus> NOT_SERVING = Set.of(CareTeamStatus.INACTIVE,
      CareTeamStatus.ENTEREDINERROR);

  private final CaseManagers caseManagers;
  private final Reassessments reassessments;

  CareTeams(CaseManagers caseManagers, Reassessments reassessments) {
    this.caseManagers = caseManagers;
    this.reassessments = reassessments;
  }

  @Override
  public Class<CareTeam> type() {
    return CareTeam.class;
  }

  @Override
  public List<Breach> checkRecord(Written<CareTeam> write) {
    List<String> assigned = newlyAssigned(write);
    String client = WorkflowCodes.patient(write.current().getSubject()).orElse(null);
    if (assigned.isEmpty() || client == null) {
      return List.of();
    }
    return caseManagers.assignable(client, "CareTeam.participant", String.join(", ", assigned)).stream().toList();
  }

  @Override
  public void followUp(Written<CareTeam> write) {
    List<String> assigned = newlyAssigned(write);
    WorkflowCodes.patient(write.current().getSubject()).ifPresent(client -> assigned.stream().findFirst()
        .ifPresent(caseManager -> reassessments.handTo(client, new Reference(caseManager))));
  }

  /** Case managers the team names now and did not before (all of them for a new team); none for a team not serving. */
  private List<String> newlyAssigned(Written<CareTeam> write) {
    if (NOT_SERVING.contains(write.current().getStatus())) {
      return List.of();
    }
    List<String> before = write.isNew() ? List.of() : references(caseManagers.current(write.previous()));
    return references(caseManagers.current(write.current())).stream()
        .filter(member -> !before.contains(member)).toList();
  }

  private static List<String> references(List<Reference> members) {
    return members.stream().map(Reference::getReference).toList();
  }
}
