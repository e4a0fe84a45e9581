package org.casemgmt.adapter.reporting.measure;

import org.casemgmt.adapter.reporting.Enrollment;
import org.casemgmt.adapter.reporting.PopulationRecords;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.casemgmt.adapter.eligibility.DeterminationOutcome;
import org.casemgmt.adapter.eligibility.record.FhirDates;
import org.casemgmt.adapter.security.AccessGrant;
import org.casemgmt.adapter.workflow.WorkflowCodes;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.springframework.stereotype.Component;

/**
 * Reads what the program-flow measures need of a chunk of clients at a time, one search per kind of record: their
 * determinations, enrollments, referrals of the measure's type and ISPs, without the records the caller may not see.
 * A determination is one resource whose versions are the determinations made over time; when its current version was
 * made after the period, its history holds the ones made in it.
 */
@Component
class ProgramFlowReader {
  static final String DETERMINATION = "eligibility-determination";
  /** ISPs in force: approved and activated, not withdrawn. */
  private static final Set<CarePlan.CarePlanStatus> IN_FORCE = Set.of(CarePlan.CarePlanStatus.ACTIVE,
      CarePlan.CarePlanStatus.ONHOLD, CarePlan.CarePlanStatus.COMPLETED);
  /** Referrals never sent. */
  private static final Set<ServiceRequest.ServiceRequestStatus> NOT_SENT = Set.of(
      ServiceRequest.ServiceRequestStatus.DRAFT, ServiceRequest.ServiceRequestStatus.ENTEREDINERROR);

  private final PopulationRecords records;
  private final DaoRegistry daos;

  ProgramFlowReader(PopulationRecords records, DaoRegistry daos) {
    this.records = records;
    this.daos = daos;
  }

  /**
   * The facts of these clients, to {@code use} one client at a time; {@code to} is the period's last day,
   * {@code grant} the caller's (or null).
   */
  void read(List<String> clients, LocalDate to, String referralType, AccessGrant grant,
      Consumer<ProgramFlowFacts> use) {
    records.forEachChunk(clients, patients -> {
      Predicate<IBaseResource> visible = records.visibleTo(grant);
      List<ProgramFlowFacts> chunk = new ArrayList<>();
      ReferenceOrListParam subjects = PopulationRecords.references(patients);
      Map<String, List<Enrollment>> enrollments = records.enrollments(subjects, visible);
      Map<String, List<Observation>> determinations = records.byClient(Observation.class,
          SearchParameterMap.newSynchronous().add(Observation.SP_SUBJECT, subjects)
              .add(Observation.SP_CODE, new TokenParam(WorkflowCodes.CASE_MANAGEMENT, DETERMINATION)),
          Observation::getSubject, visible);
      Map<String, List<ServiceRequest>> referrals = records.byClient(ServiceRequest.class,
          SearchParameterMap.newSynchronous().add(ServiceRequest.SP_SUBJECT, subjects),
          ServiceRequest::getSubject, visible);
      Map<String, List<CarePlan>> plans = records.byClient(CarePlan.class, SearchParameterMap.newSynchronous()
          .add(CarePlan.SP_SUBJECT, subjects).add(CarePlan.SP_CATEGORY, new TokenParam(WorkflowCodes.CASE_MANAGEMENT,
              "isp")), CarePlan::getSubject, visible);
      for (Patient patient : patients) {
        String client = WorkflowCodes.reference(patient);
        chunk.add(new ProgramFlowFacts(client,
            determinations.getOrDefault(client, List.of()).stream()
                .flatMap(current -> madeBy(current, to, visible).stream()).toList(),
            enrollments.getOrDefault(client, List.of()),
            referrals.getOrDefault(client, List.of()).stream()
                .flatMap(referral -> referral(referral, referralType).stream()).toList(),
            plans.getOrDefault(client, List.of()).stream().flatMap(plan -> plan(plan).stream()).toList()));
      }
      return chunk;
    }, use);
  }

  /** The determination's versions that may have been made in a period ending on {@code to}. */
  private List<ProgramFlowFacts.Determination> madeBy(Observation current, LocalDate to,
      Predicate<IBaseResource> visible) {
    Optional<ProgramFlowFacts.Determination> made = determination(current);
    if (made.isEmpty() || !made.get().made().isAfter(to)) {
      return made.stream().toList();
    }
    return daos.getResourceDao(Observation.class).history(current.getIdElement().toUnqualifiedVersionless(), null,
            null, null, new SystemRequestDetails()).getAllResources().stream()
        .filter(visible).map(Observation.class::cast).flatMap(version -> determination(version).stream()).toList();
  }

  private static Optional<ProgramFlowFacts.Determination> determination(Observation version) {
    LocalDate made = FhirDates.day(version.getEffectivePeriod().getStartElement());
    Optional<String> program = WorkflowCodes.code(version.getMethod(), WorkflowCodes.PROGRAM);
    Optional<String> outcome = version.hasValueCodeableConcept()
        ? WorkflowCodes.code(version.getValueCodeableConcept(), DeterminationOutcome.CODE_SYSTEM) : Optional.empty();
    if (made == null || program.isEmpty() || outcome.isEmpty()
        || version.getStatus() == Observation.ObservationStatus.ENTEREDINERROR) {
      return Optional.empty();
    }
    String number = version.getIdElement().hasVersionIdPart() ? version.getIdElement().getVersionIdPart()
        : version.getMeta().getVersionId();
    return Optional.of(new ProgramFlowFacts.Determination(WorkflowCodes.reference(version) + "/_history/" + number,
        program.get(), outcome.get(), made, number == null ? 1 : Integer.parseInt(number)));
  }

  private static Optional<ProgramFlowFacts.Referral> referral(ServiceRequest referral, String type) {
    LocalDate authored = FhirDates.day(referral.getAuthoredOnElement());
    if (authored == null || NOT_SENT.contains(referral.getStatus())
        || !WorkflowCodes.referralType(referral).filter(type::equals).isPresent()) {
      return Optional.empty();
    }
    return Optional.of(new ProgramFlowFacts.Referral(WorkflowCodes.reference(referral), authored,
        referral.getOrderDetail().stream().map(detail -> WorkflowCodes.code(detail, WorkflowCodes.PROGRAM))
            .flatMap(Optional::stream).findFirst().orElse(null)));
  }

  private static Optional<ProgramFlowFacts.Plan> plan(CarePlan plan) {
    Extension approval = plan.getExtensionByUrl(WorkflowCodes.ISP_APPROVAL);
    Extension date = approval == null ? null : approval.getExtensionByUrl("date");
    LocalDate approved = date != null && date.getValue() instanceof BaseDateTimeType day ? FhirDates.day(day) : null;
    if (approved == null || !IN_FORCE.contains(plan.getStatus())) {
      return Optional.empty();
    }
    return Optional.of(new ProgramFlowFacts.Plan(WorkflowCodes.reference(plan), approved));
  }
}
