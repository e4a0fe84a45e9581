package org.casemgmt.adapter.workflow.discharge;

import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.Date;
import java.util.List;
import org.casemgmt.adapter.eligibility.program.ProgramDefinition;
import org.casemgmt.adapter.eligibility.program.ProgramDefinitions;
import org.casemgmt.adapter.eligibility.record.ClientRecordReader;
import org.casemgmt.adapter.identity.ClientRecordChanges;
import org.casemgmt.adapter.workflow.Breach;
import org.casemgmt.adapter.workflow.WorkflowCodes;
import org.casemgmt.adapter.workflow.WorkflowProperties;
import org.casemgmt.adapter.workflow.WorkflowRule;
import org.casemgmt.adapter.workflow.WorkflowStage;
import org.casemgmt.adapter.workflow.WorkflowStore;
import org.casemgmt.adapter.workflow.Written;
import org.casemgmt.adapter.workflow.monitoring.Reassessments;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CarePlan.CarePlanStatus;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.EpisodeOfCare.EpisodeOfCareStatus;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Discharge: an enrollment finishes with an end date and a reason; in the same transaction its open reassessments are
 * cancelled, its case-management teams become inactive, the client's ISP is completed (unless another enrollment
 * is still active), and the outcome summary compares psychiatric service use before and during the enrollment,
 * with a Provenance naming the Encounters it counted.
 */
@Component
class Discharges implements WorkflowStage<EpisodeOfCare> {
  private static final Logger log = LoggerFactory.getLogger(Discharges.class);
  private final WorkflowStore store;
  private final Reassessments reassessments;
  private final ClientRecordReader record;
  private final ProgramDefinitions programs;
  private final Period windowBefore;
  private final Clock clock;

  Discharges(WorkflowStore store, Reassessments reassessments, ClientRecordReader record,
      ProgramDefinitions programs, WorkflowProperties properties, Clock clock) {
    this.store = store;
    this.reassessments = reassessments;
    this.record = record;
    this.programs = programs;
    this.windowBefore = properties.discharge().windowBeforeEnrollment();
    this.clock = clock;
  }

  @Override
  public Class<EpisodeOfCare> type() {
    return EpisodeOfCare.class;
  }

  @Override
  public List<Breach> checkWrite(Written<EpisodeOfCare> write) {
    EpisodeOfCare episode = write.current();
    if (episode.getStatus() != EpisodeOfCareStatus.FINISHED || !(write.changed(EpisodeOfCare::getStatus)
        || write.changed(Discharges::reason) || write.changed(EpisodeOfCare::getPeriod))) {
      return List.of();
    }
    Extension reason = reason(episode);
    if (reason == null || !(reason.getValue() instanceof CodeableConcept concept) || !concept.hasCoding()) {
      return List.of(WorkflowRule.DISCHARGE_REQUIRES_REASON.breach(
          "EpisodeOfCare.extension('" + WorkflowCodes.DISCHARGE_REASON + "')",
          "a finished enrollment records why it ended (discharge-reason: goals-met, transferred, moved-out-of-area,"
              + " declined, withdrew, lost-to-contact, incarcerated, deceased, no-longer-eligible)"));
    }
    if (!episode.getPeriod().hasEnd()) {
      return List.of(WorkflowRule.DISCHARGE_REQUIRES_REASON.breach("EpisodeOfCare.period.end",
          "a finished enrollment records the day it ended (period.end)"));
    }
    return List.of();
  }

  @Override
  public void followUp(Written<EpisodeOfCare> write) {
    EpisodeOfCare episode = write.current();
    String client = WorkflowCodes.patient(episode.getPatient()).orElse(null);
    if (!write.entered(EpisodeOfCare::getStatus, EpisodeOfCareStatus.FINISHED) || client == null
        || !episode.getPeriod().hasStart()) {
      return;
    }
    LocalDate start = day(episode.getPeriod().getStartElement());
    LocalDate end = day(episode.getPeriod().getEndElement());
    Coding reason = ((CodeableConcept) reason(episode).getValue()).getCodingFirstRep();
    reassessments.cancelOpen(episode, "Client discharged (" + reason.getCode() + ")");

    ClientRecordChanges changes = new ClientRecordChanges();
    episode.getTeam().forEach(team -> store.read(CareTeam.class, team)
        .filter(found -> found.getStatus() == CareTeam.CareTeamStatus.ACTIVE)
        .ifPresent(found -> {
          found.setStatus(CareTeam.CareTeamStatus.INACTIVE).getPeriod().setEndElement(new DateTimeType(end.toString()));
          changes.update(found);
        }));
    if (!otherActiveEnrollment(client, episode)) {
      plansInForce(client).forEach(plan -> {
        plan.setStatus(CarePlanStatus.COMPLETED).getPeriod().setEndElement(new DateTimeType(end.toString()));
        changes.update(plan);
      });
    }
    Patient patient = record.client(client.substring("Patient/".length()));
    boolean countDenied = Reassessments.program(episode).flatMap(programs::find)
        .map(ProgramDefinition::countDeniedClaims).orElse(false);
    OutcomeSummary.Summary summary = OutcomeSummary.of(record.evidence(patient).episodes(), client,
        WorkflowCodes.reference(episode), start, end, windowBefore, countDenied, Date.from(clock.instant()));
    String written = changes.upsert(summary.observation());
    changes.provenance(provenance(summary), written);
    store.write(changes);
    log.info("Discharge of {} ({}): outcome summary written over {} episodes", WorkflowCodes.reference(episode),
        reason.getCode(), summary.counted().size());
  }

  private Provenance provenance(OutcomeSummary.Summary summary) {
    Provenance provenance = new Provenance();
    provenance.setRecorded(Date.from(clock.instant()));
    provenance.setActivity(new CodeableConcept().setText("enrollment outcome summarised at discharge"));
    provenance.addAgent().setType(new CodeableConcept(new Coding(
            "http://terminology.hl7.org/CodeSystem/provenance-participant-type", "assembler", null)))
        .setWho(new Reference().setDisplay("Care-coordination workflow of the case-management adapter"));
    summary.counted().forEach(counted -> provenance.addEntity().setRole(Provenance.ProvenanceEntityRole.SOURCE)
        .setWhat(new Reference(counted)));
    return provenance;
  }

  private boolean otherActiveEnrollment(String client, EpisodeOfCare episode) {
    return store.search(EpisodeOfCare.class, SearchParameterMap.newSynchronous()
            .add(EpisodeOfCare.SP_PATIENT, new ReferenceParam(client))
            .add(EpisodeOfCare.SP_STATUS, new TokenParam("active"))).stream()
        .anyMatch(other -> !other.getIdElement().getIdPart().equals(episode.getIdElement().getIdPart()));
  }

  private List<CarePlan> plansInForce(String client) {
    TokenOrListParam inForce = new TokenOrListParam();
    inForce.addOr(new TokenParam("active")).addOr(new TokenParam("on-hold"));
    return store.search(CarePlan.class, SearchParameterMap.newSynchronous()
        .add(CarePlan.SP_SUBJECT, new ReferenceParam(client))
        .add(CarePlan.SP_CATEGORY, new TokenParam(WorkflowCodes.CASE_MANAGEMENT, "isp"))
        .add(CarePlan.SP_STATUS, inForce));
  }

  private static Extension reason(EpisodeOfCare episode) {
    return episode.getExtensionByUrl(WorkflowCodes.DISCHARGE_REASON);
  }

  private static LocalDate day(DateTimeType value) {
    return LocalDate.parse(value.getValueAsString().substring(0, 10));
  }
}
