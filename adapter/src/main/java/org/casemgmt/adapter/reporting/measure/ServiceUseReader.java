package org.casemgmt.adapter.reporting.measure;

import org.casemgmt.adapter.reporting.Enrollment;
import org.casemgmt.adapter.reporting.PopulationRecords;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.casemgmt.adapter.eligibility.evidence.ClientEvidence;
import org.casemgmt.adapter.eligibility.evidence.EpisodeKind;
import org.casemgmt.adapter.eligibility.evidence.PsychiatricEpisode;
import org.casemgmt.adapter.eligibility.record.ClientRecordReader;
import org.casemgmt.adapter.eligibility.record.EncounterEpisodes;
import org.casemgmt.adapter.eligibility.record.FhirDates;
import org.casemgmt.adapter.security.AccessGrant;
import org.casemgmt.adapter.workflow.WorkflowCodes;
import org.casemgmt.routes.clientrecord.EncounterKind;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Patient;
import org.springframework.stereotype.Component;

/**
 * Reads what the measures of hospital and crisis use need: the clients' service use as eligibility reads it
 * (episodes, coverage, birth date), their follow-up visits (from the same Encounters) and their enrollments, a chunk
 * of clients at a time with one search per kind of record. Encounters the caller may not see are left out.
 */
@Component
class ServiceUseReader {
  static final String ACT_CLASS = "http://terminology.hl7.org/CodeSystem/v3-ActCode";

  private final ClientRecordReader records;
  private final PopulationRecords population;

  ServiceUseReader(ClientRecordReader records, PopulationRecords population) {
    this.records = records;
    this.population = population;
  }

  /** The clients ("Patient/12") with a stay of one of these kinds overlapping the days, however many. */
  Set<String> clientsWithStays(Set<EpisodeKind> kinds, LocalDate from, LocalDate to) {
    TokenOrListParam types = new TokenOrListParam();
    kinds.forEach(kind -> types.add(EncounterKind.SYSTEM, kind.code()));
    return population.clientsOf(Encounter.class, new SearchParameterMap().add(Encounter.SP_TYPE, types)
        .add(Encounter.SP_DATE, new DateParam(ParamPrefixEnum.GREATERTHAN_OR_EQUALS, from.toString()))
        .add(Encounter.SP_DATE, new DateParam(ParamPrefixEnum.LESSTHAN_OR_EQUALS, to.toString())),
        Encounter::getSubject);
  }

  /**
   * The facts of these clients, chunk by chunk, to {@code each} one client at a time (kept no longer than it keeps
   * them: a population's facts would fill the heap); {@code grant} is the caller's (null for the service's own work).
   * Follow-up visits are those of the classes given from {@code from} up to {@code until} (none without classes).
   */
  void read(List<String> clients, Set<String> followUpClasses, LocalDate from, LocalDate until, AccessGrant grant,
      Consumer<ServiceUseFacts> each) {
    population.forEachChunk(clients, patients -> {
      Predicate<IBaseResource> visible = population.visibleTo(grant);
      Map<String, List<Enrollment>> enrollments = population.enrollments(PopulationRecords.references(patients),
          visible);
      List<ClientRecordReader.ServiceUse> uses = records.serviceUse(patients);
      List<ServiceUseFacts> chunk = new ArrayList<>();
      for (int i = 0; i < patients.size(); i++) {
        Patient patient = patients.get(i);
        String client = WorkflowCodes.reference(patient);
        ClientRecordReader.ServiceUse use = uses.get(i);
        Set<String> withheld = use.encounters().stream().filter(visible.negate()).map(WorkflowCodes::reference)
            .collect(Collectors.toSet());
        ClientEvidence evidence = use.evidence();
        chunk.add(new ServiceUseFacts(client, evidence.birthDate(), died(patient),
            evidence.episodes().stream().filter(e -> !withheld.contains(e.reference())).toList(),
            evidence.coverage(), followUps(use, followUpClasses, from, until, withheld),
            enrollments.getOrDefault(client, List.of())));
      }
      return chunk;
    }, each);
  }

  /**
   * The client's visits of the classes given from {@code from} up to {@code until}, in days. The client's
   * psychiatric episodes are service use, not follow-up: a crisis service is of class AMB too.
   */
  private static List<ServiceUseFacts.Visit> followUps(ClientRecordReader.ServiceUse use, Set<String> classes,
      LocalDate from, LocalDate until, Set<String> withheld) {
    if (classes.isEmpty()) {
      return List.of();
    }
    Set<String> episodes = use.evidence().episodes().stream().map(PsychiatricEpisode::reference)
        .collect(Collectors.toSet());
    List<ServiceUseFacts.Visit> visits = new ArrayList<>();
    for (Encounter encounter : use.encounters()) {
      LocalDate day = FhirDates.day(encounter.getPeriod().getStartElement());
      String reference = WorkflowCodes.reference(encounter);
      if (day != null && !day.isBefore(from) && !day.isAfter(until) && EncounterEpisodes.happened(encounter)
          && ACT_CLASS.equals(encounter.getClass_().getSystem()) && classes.contains(encounter.getClass_().getCode())
          && !episodes.contains(reference) && !withheld.contains(reference)) {
        visits.add(new ServiceUseFacts.Visit(day, reference));
      }
    }
    return visits;
  }

  /** The day of death: the recorded date, or the earliest day possible when only "deceased" is known. */
  private static LocalDate died(Patient patient) {
    if (patient.hasDeceasedDateTimeType()) {
      return FhirDates.day(patient.getDeceasedDateTimeType());
    }
    return patient.hasDeceasedBooleanType() && patient.getDeceasedBooleanType().booleanValue() ? LocalDate.MIN : null;
  }
}
