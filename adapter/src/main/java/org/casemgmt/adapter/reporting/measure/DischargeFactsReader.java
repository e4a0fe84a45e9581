package org.casemgmt.adapter.reporting.measure;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import ca.uhn.fhir.rest.param.ReferenceOrListParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.casemgmt.adapter.eligibility.evidence.ClientEvidence;
import org.casemgmt.adapter.eligibility.evidence.EpisodeKind;
import org.casemgmt.adapter.eligibility.evidence.PsychiatricEpisode;
import org.casemgmt.adapter.eligibility.record.ClientRecordReader;
import org.casemgmt.adapter.eligibility.record.EncounterEpisodes;
import org.casemgmt.adapter.eligibility.record.FhirDates;
import org.casemgmt.adapter.reporting.StoredResources;
import org.casemgmt.adapter.security.AccessGrant;
import org.casemgmt.adapter.security.ReleaseControl;
import org.casemgmt.adapter.workflow.WorkflowCodes;
import org.casemgmt.adapter.workflow.monitoring.Reassessments;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Patient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Reads what the discharge measures need, for the clients with a stay of an index kind in the period: their service
 * use as eligibility reads it (episodes, coverage, birth date), their follow-up visits (from the same Encounters) and
 * their enrollments, a chunk of clients at a time with one search per kind of record. Records the caller may not see
 * (a Part 2 stay without the client's consent to this caller) are left out, so that counts and lists tell nothing
 * they withhold.
 */
@Component
class DischargeFactsReader {
  static final String ACT_CLASS = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
  private static final int CHUNK = 200;
  private static final int PAGE = 500;
  /** Enrollments that never were or are not yet: they put a client in no program. */
  private static final Set<EpisodeOfCare.EpisodeOfCareStatus> NOT_ENROLLED = EnumSet.of(
      EpisodeOfCare.EpisodeOfCareStatus.ENTEREDINERROR, EpisodeOfCare.EpisodeOfCareStatus.CANCELLED,
      EpisodeOfCare.EpisodeOfCareStatus.PLANNED, EpisodeOfCare.EpisodeOfCareStatus.WAITLIST);

  private final ClientRecordReader records;
  private final StoredResources stored;
  private final DaoRegistry daos;
  private final ObjectProvider<ReleaseControl> release;

  DischargeFactsReader(ClientRecordReader records, StoredResources stored, DaoRegistry daos,
      ObjectProvider<ReleaseControl> release) {
    this.records = records;
    this.stored = stored;
    this.daos = daos;
    this.release = release;
  }

  /** The clients ("Patient/12") with a stay of one of these kinds overlapping the days, however many. */
  Set<String> clientsWithStays(Set<EpisodeKind> kinds, LocalDate from, LocalDate to) {
    TokenOrListParam types = new TokenOrListParam();
    kinds.forEach(kind -> types.add(EpisodeKind.SYSTEM, kind.code()));
    SearchParameterMap query = new SearchParameterMap().add(Encounter.SP_TYPE, types)
        .add(Encounter.SP_DATE, new DateParam(ParamPrefixEnum.GREATERTHAN_OR_EQUALS, from.toString()))
        .add(Encounter.SP_DATE, new DateParam(ParamPrefixEnum.LESSTHAN_OR_EQUALS, to.toString()));
    Set<String> clients = new LinkedHashSet<>();
    stored.forEachBatch("Encounter", query, new SystemRequestDetails(), () -> PAGE, stays ->
        stays.forEach(stay -> WorkflowCodes.patient(((Encounter) stay).getSubject()).ifPresent(clients::add)));
    return clients;
  }

  /**
   * The facts of these clients, chunk by chunk; {@code grant} is the caller's (null for the service's own work).
   * Follow-up visits are those of the definition's classes from {@code from} up to {@code until}.
   */
  List<DischargeFacts> read(List<String> clients, MeasureDefinition definition, LocalDate from, LocalDate until,
      AccessGrant grant) {
    List<DischargeFacts> facts = new ArrayList<>();
    SystemRequestDetails details = new SystemRequestDetails();
    for (int first = 0; first < clients.size(); first += CHUNK) {
      List<Patient> patients = records.survivingClients(clients.subList(first, Math.min(clients.size(),
          first + CHUNK)).stream().map(client -> client.substring(client.indexOf('/') + 1)).toList());
      if (patients.isEmpty()) {
        continue;
      }
      ReferenceOrListParam subjects = new ReferenceOrListParam();
      patients.forEach(patient -> subjects.addOr(new ReferenceParam(WorkflowCodes.reference(patient))));
      Set<String> withheld = withheld(subjects, grant, details);
      Map<String, List<DischargeFacts.Enrollment>> enrollments = enrollments(subjects);
      List<ClientRecordReader.ServiceUse> uses = records.serviceUse(patients);
      for (int i = 0; i < patients.size(); i++) {
        Patient patient = patients.get(i);
        String client = WorkflowCodes.reference(patient);
        ClientEvidence evidence = uses.get(i).evidence();
        facts.add(new DischargeFacts(client, evidence.birthDate(), died(patient),
            evidence.episodes().stream().filter(e -> !withheld.contains(e.reference())).toList(),
            evidence.coverage(), followUps(uses.get(i), definition, from, until, withheld),
            enrollments.getOrDefault(client, List.of())));
      }
    }
    return facts;
  }

  /** The clients' Part 2 Encounters this caller may not see ("Encounter/5"). */
  private Set<String> withheld(ReferenceOrListParam subjects, AccessGrant grant, SystemRequestDetails details) {
    if (grant == null || release.getIfAvailable() == null) {
      return Set.of();
    }
    SearchParameterMap labelled = SearchParameterMap.newSynchronous().add(Encounter.SP_SUBJECT, subjects)
        .add("_security", new TokenParam(ACT_CLASS, "42CFRPart2"));
    Set<String> withheld = new java.util.HashSet<>();
    daos.getResourceDao(Encounter.class).searchForResources(labelled, details).stream()
        .filter(encounter -> !release.getObject().releasableInBulk(grant, encounter, details))
        .forEach(encounter -> withheld.add(encounter.getIdElement().toUnqualifiedVersionless().getValue()));
    return withheld;
  }

  /**
   * The client's visits of the definition's classes from {@code from} up to {@code until}, in days. The client's
   * psychiatric episodes are service use, not follow-up: a crisis service is of class AMB too.
   */
  private static List<DischargeFacts.Visit> followUps(ClientRecordReader.ServiceUse use, MeasureDefinition definition,
      LocalDate from, LocalDate until, Set<String> withheld) {
    if (definition.event() != MeasureDefinition.Event.FOLLOW_UP) {
      return List.of();
    }
    Set<String> episodes = use.evidence().episodes().stream().map(PsychiatricEpisode::reference)
        .collect(Collectors.toSet());
    List<DischargeFacts.Visit> visits = new ArrayList<>();
    for (Encounter encounter : use.encounters()) {
      LocalDate day = FhirDates.day(encounter.getPeriod().getStartElement());
      String reference = WorkflowCodes.reference(encounter);
      if (day != null && !day.isBefore(from) && !day.isAfter(until) && EncounterEpisodes.happened(encounter)
          && ACT_CLASS.equals(encounter.getClass_().getSystem())
          && definition.followUpClasses().contains(encounter.getClass_().getCode())
          && !episodes.contains(reference) && !withheld.contains(reference)) {
        visits.add(new DischargeFacts.Visit(day, reference));
      }
    }
    return visits;
  }

  /** The clients' enrollments that took place (or are taking place), by client. */
  private Map<String, List<DischargeFacts.Enrollment>> enrollments(ReferenceOrListParam subjects) {
    Map<String, List<DischargeFacts.Enrollment>> found = new HashMap<>();
    SearchParameterMap query = SearchParameterMap.newSynchronous().add(EpisodeOfCare.SP_PATIENT, subjects);
    for (IBaseResource resource : daos.getResourceDao(EpisodeOfCare.class).searchForResources(query,
        new SystemRequestDetails())) {
      EpisodeOfCare episode = (EpisodeOfCare) resource;
      LocalDate start = FhirDates.day(episode.getPeriod().getStartElement());
      String program = Reassessments.program(episode).orElse(null);
      Optional<String> client = WorkflowCodes.patient(episode.getPatient());
      if (start != null && program != null && client.isPresent() && !NOT_ENROLLED.contains(episode.getStatus())) {
        found.computeIfAbsent(client.get(), key -> new ArrayList<>()).add(new DischargeFacts.Enrollment(program,
            start, FhirDates.day(episode.getPeriod().getEndElement()),
            episode.getCareManager().hasReference() ? episode.getCareManager().getReference() : null));
      }
    }
    return found;
  }

  /** The day of death: the recorded date, or the earliest day possible when only "deceased" is known. */
  private static LocalDate died(Patient patient) {
    if (patient.hasDeceasedDateTimeType()) {
      return FhirDates.day(patient.getDeceasedDateTimeType());
    }
    return patient.hasDeceasedBooleanType() && patient.getDeceasedBooleanType().booleanValue() ? LocalDate.MIN : null;
  }

}
