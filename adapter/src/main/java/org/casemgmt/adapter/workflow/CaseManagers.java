package org.casemgmt.adapter.workflow;

import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CarePlan.CarePlanStatus;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CareTeam.CareTeamParticipantComponent;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.stereotype.Component;

/**
 * Who a client's case manager is, and whether one may be assigned yet: the seed's order is that the client approves
 * the ISP first, so an assignment (a case-management#case-manager participant of a CareTeam, or
 * EpisodeOfCare.careManager) needs an ISP whose approval is recorded and which is not revoked or entered in error.
 */
@Component
public class CaseManagers {
  private static final Set<CarePlanStatus> WITHDRAWN = Set.of(CarePlanStatus.REVOKED, CarePlanStatus.ENTEREDINERROR);

  private final WorkflowStore store;
  private final Clock clock;

  CaseManagers(WorkflowStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** A breach when the client ("Patient/12") has approved no ISP yet. */
  public Optional<Breach> assignable(String client, String expression, String assigned) {
    boolean approved = store.search(CarePlan.class, SearchParameterMap.newSynchronous()
            .add(CarePlan.SP_SUBJECT, new ReferenceParam(client))
            .add(CarePlan.SP_CATEGORY, new TokenParam(WorkflowCodes.CASE_MANAGEMENT, "isp"))).stream()
        .anyMatch(plan -> !WITHDRAWN.contains(plan.getStatus()) && plan.hasExtension(WorkflowCodes.ISP_APPROVAL));
    if (approved) {
      return Optional.empty();
    }
    return Optional.of(WorkflowRule.CASE_MANAGER_ASSIGNMENT_REQUIRES_APPROVED_ISP.breach(expression,
        "a case manager (" + assigned + ") is assigned only after the client approves the ISP; " + client
            + " has no ISP with the client's approval recorded (isp-approval)"));
  }

  /** The client's case manager now: the current case-manager participant of an active case-management team. */
  public Optional<Reference> current(String client) {
    return store.search(CareTeam.class, SearchParameterMap.newSynchronous()
            .add(CareTeam.SP_SUBJECT, new ReferenceParam(client))
            .add(CareTeam.SP_STATUS, new TokenParam("active"))).stream()
        .flatMap(team -> current(team).stream())
        .map(Reference::copy)
        .findFirst();
  }

  /** The team's case managers whose participation has not ended, as references ("PractitionerRole/3"). */
  public List<Reference> current(CareTeam team) {
    LocalDate today = LocalDate.now(clock.withZone(ZoneId.systemDefault()));
    return team.getParticipant().stream()
        .filter(CaseManagers::isCaseManager)
        .filter(participant -> !participant.getPeriod().hasEnd()
            || !LocalDate.parse(participant.getPeriod().getEndElement().getValueAsString().substring(0, 10))
                .isBefore(today))
        .map(CareTeamParticipantComponent::getMember)
        .filter(Reference::hasReference)
        .toList();
  }

  private static boolean isCaseManager(CareTeamParticipantComponent participant) {
    return participant.getRole().stream().anyMatch(role ->
        WorkflowCodes.has(role, WorkflowCodes.CASE_MANAGEMENT, WorkflowCodes.CASE_MANAGER));
  }
}
