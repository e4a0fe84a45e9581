package org.casemgmt.adapter.reporting.mhcld;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import ca.uhn.fhir.rest.param.ReferenceOrListParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.casemgmt.adapter.eligibility.record.ClientRecordReader;
import org.casemgmt.adapter.eligibility.record.EncounterEpisodes;
import org.casemgmt.adapter.eligibility.record.FhirDates;
import org.casemgmt.adapter.reporting.StoredResources;
import org.casemgmt.adapter.security.AccessGrant;
import org.casemgmt.adapter.security.ReleaseControl;
import org.casemgmt.adapter.workflow.WorkflowCodes;
import org.casemgmt.profiles.ImplementationGuide;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Reads the clients MH-CLD reports and what it says of them: the clients enrolled in a program at some time in the
 * period and served in it (a visit, stay, contact or assessment of the period), a chunk of clients at a time with
 * one search per kind of record. Only what the recipient may see is used: a Part 2 record without the client's
 * consent to the recipient adds nothing, and is counted for the report.
 */
@Component
class MhcldReader {
  static final String INTAKE = ImplementationGuide.CANONICAL + "/Questionnaire/biopsychosocial-intake";
  private static final int CHUNK = 200;
  private static final Set<EpisodeOfCare.EpisodeOfCareStatus> NOT_ENROLLED = EnumSet.of(
      EpisodeOfCare.EpisodeOfCareStatus.ENTEREDINERROR, EpisodeOfCare.EpisodeOfCareStatus.CANCELLED,
      EpisodeOfCare.EpisodeOfCareStatus.PLANNED, EpisodeOfCare.EpisodeOfCareStatus.WAITLIST);

  private final ClientRecordReader records;
  private final StoredResources stored;
  private final DaoRegistry daos;
  private final ObjectProvider<ReleaseControl> release;

  MhcldReader(ClientRecordReader records, StoredResources stored, DaoRegistry daos,
      ObjectProvider<ReleaseControl> release) {
    this.records = records;
    this.stored = stored;
    this.daos = daos;
    this.release = release;
  }

  /**
   * What the files say of one enrolled client.
   *
   * @param client "Patient/12"
   * @param served whether the client was served in the period (only those are reported)
   * @param facts the BCI record's facts
   * @param discharges the SHR records' facts
   */
  record Client(String client, boolean served, Map<String, List<String>> facts,
      List<Map<String, List<String>>> discharges) {}

  /** The clients ("12") with an enrollment that took place at some time in the period, however many. */
  Set<String> enrolled(ReportingPeriod period) {
    SearchParameterMap query = new SearchParameterMap()
        .add(EpisodeOfCare.SP_DATE, new DateParam(ParamPrefixEnum.GREATERTHAN_OR_EQUALS, period.start().toString()))
        .add(EpisodeOfCare.SP_DATE, new DateParam(ParamPrefixEnum.LESSTHAN_OR_EQUALS, period.end().toString()));
    Set<String> clients = new LinkedHashSet<>();
    stored.forEachBatch("EpisodeOfCare", query, new SystemRequestDetails(), () -> 500, batch -> batch.stream()
        .map(EpisodeOfCare.class::cast).filter(enrollment -> !NOT_ENROLLED.contains(enrollment.getStatus()))
        .forEach(enrollment -> WorkflowCodes.patient(enrollment.getPatient())
            .ifPresent(client -> clients.add(client.substring(client.indexOf('/') + 1)))));
    return clients;
  }

  /** Hands each client's facts to {@code use}; {@code grant} is the recipient's (null: everything is used). */
  void read(List<String> clients, ReportingPeriod period, AccessGrant grant, LocalDate today,
      SubmissionReport report, Consumer<Client> use) {
    SystemRequestDetails request = new SystemRequestDetails();
    for (int first = 0; first < clients.size(); first += CHUNK) {
      List<Patient> patients = records.survivingClients(clients.subList(first, Math.min(clients.size(),
          first + CHUNK)));
      if (patients.isEmpty()) {
        continue;
      }
      ReferenceOrListParam subjects = new ReferenceOrListParam();
      patients.forEach(patient -> subjects.addOr(new ReferenceParam(WorkflowCodes.reference(patient))));
      Released released = new Released(grant, request, report);
      Map<String, List<Condition>> conditions = released.bySubject(Condition.class,
          SearchParameterMap.newSynchronous().add(Condition.SP_SUBJECT, subjects), Condition::getSubject);
      Map<String, List<QuestionnaireResponse>> responses = released.bySubject(QuestionnaireResponse.class,
          SearchParameterMap.newSynchronous().add(QuestionnaireResponse.SP_SUBJECT, subjects),
          QuestionnaireResponse::getSubject);
      Map<String, List<Observation>> determinations = released.bySubject(Observation.class,
          SearchParameterMap.newSynchronous().add(Observation.SP_SUBJECT, subjects).add(Observation.SP_CODE,
              new TokenParam(WorkflowCodes.CASE_MANAGEMENT, "eligibility-determination")), Observation::getSubject);
      List<ClientRecordReader.ServiceUse> uses = records.serviceUse(patients);
      for (int i = 0; i < patients.size(); i++) {
        String client = WorkflowCodes.reference(patients.get(i));
        List<Encounter> encounters = uses.get(i).encounters().stream().filter(released::releasable).toList();
        Set<String> seen = new java.util.HashSet<>(encounters.stream().map(WorkflowCodes::reference).toList());
        var episodes = uses.get(i).evidence().episodes().stream().filter(e -> seen.contains(e.reference())).toList();
        List<QuestionnaireResponse> theirResponses = responses.getOrDefault(client, List.of());
        boolean served = encounters.stream().anyMatch(e -> EncounterEpisodes.happened(e) && inPeriod(
            FhirDates.day(e.getPeriod().getStartElement()), period))
            || theirResponses.stream().anyMatch(r -> inPeriod(FhirDates.day(r.getAuthoredElement()), period));
        QuestionnaireResponse intake = latest(theirResponses.stream()
            .filter(r -> r.getQuestionnaire() != null && r.getQuestionnaire().startsWith(INTAKE)).toList(),
            r -> FhirDates.day(r.getAuthoredElement()), period);
        Observation determination = latest(determinations.getOrDefault(client, List.of()),
            o -> o.hasEffectivePeriod() ? FhirDates.day(o.getEffectivePeriod().getStartElement()) : null, period);
        use.accept(new Client(client, served, ClientFacts.of(patients.get(i), period,
            conditions.getOrDefault(client, List.of()), intake, determination, episodes),
            StateHospitalReadmissions.of(episodes, period, today)));
      }
    }
  }

  private static boolean inPeriod(LocalDate day, ReportingPeriod period) {
    return day != null && period.contains(day);
  }

  /** The last of the records dated by the period's end. */
  private static <T> T latest(List<T> found, Function<T, LocalDate> day, ReportingPeriod period) {
    return found.stream().filter(r -> day.apply(r) != null && !day.apply(r).isAfter(period.end()))
        .max(Comparator.comparing(day)).orElse(null);
  }

  /** What of a chunk's records the recipient may see; what it may not is counted for the report. */
  private final class Released {
    private final AccessGrant grant;
    private final SystemRequestDetails request;
    private final SubmissionReport report;

    Released(AccessGrant grant, SystemRequestDetails request, SubmissionReport report) {
      this.grant = grant;
      this.request = request;
      this.report = report;
    }

    boolean releasable(IBaseResource resource) {
      if (grant == null || release.getIfAvailable() == null
          || release.getObject().releasableInBulk(grant, resource, request)) {
        return true;
      }
      report.withheld(resource.fhirType(), 1);
      return false;
    }

    <T extends IBaseResource> Map<String, List<T>> bySubject(Class<T> type, SearchParameterMap query,
        Function<T, Reference> subject) {
      Map<String, List<T>> found = new HashMap<>();
      for (IBaseResource resource : daos.getResourceDao(type).searchForResources(query, request)) {
        T typed = type.cast(resource);
        if (releasable(typed)) {
          WorkflowCodes.patient(subject.apply(typed))
              .ifPresent(client -> found.computeIfAbsent(client, key -> new ArrayList<>()).add(typed));
        }
      }
      return found;
    }
  }
}
