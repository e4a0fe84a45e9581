package org.casemgmt.adapter.reporting.mhcld;

import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.casemgmt.adapter.eligibility.evidence.PsychiatricEpisode;
import org.casemgmt.adapter.eligibility.record.ClientRecordReader;
import org.casemgmt.adapter.eligibility.record.EncounterEpisodes;
import org.casemgmt.adapter.eligibility.record.FhirDates;
import org.casemgmt.adapter.reporting.PopulationRecords;
import org.casemgmt.adapter.security.AccessGrant;
import org.casemgmt.adapter.security.Interaction;
import org.casemgmt.adapter.security.ReachableClients;
import org.casemgmt.adapter.workflow.WorkflowCodes;
import org.casemgmt.profiles.ImplementationGuide;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Reads the clients MH-CLD reports and what it says of them: the clients enrolled in a program at some time in the
 * period and served in it (a visit, stay, contact or assessment of the period), a chunk of clients at a time with
 * one search per kind of record. Only what the recipient may see is used: its clients, the types it may export, and
 * no Part 2 record without the client's consent to it (those are counted for the report).
 */
@Component
class MhcldReader {
  static final String INTAKE = ImplementationGuide.CANONICAL + "/Questionnaire/biopsychosocial-intake";

  private final ClientRecordReader records;
  private final PopulationRecords population;
  private final ObjectProvider<ReachableClients> reachable;

  MhcldReader(ClientRecordReader records, PopulationRecords population, ObjectProvider<ReachableClients> reachable) {
    this.records = records;
    this.population = population;
    this.reachable = reachable;
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

  /** The clients ("Patient/12") enrolled at some time in the period whom the recipient may reach. */
  List<String> enrolled(ReportingPeriod period, AccessGrant grant) {
    Set<String> clients = population.clientsEnrolled(period.start(), period.end());
    if (grant != null && reachable.getIfAvailable() != null) {
      Set<String> reach = reachable.getObject().of(grant, grant.whose("Patient", Interaction.SEARCH),
          new SystemRequestDetails());
      if (reach != null) {
        clients.retainAll(reach);
      }
    }
    return List.copyOf(clients);
  }

  /** Hands each client's facts to {@code use}; {@code grant} is the recipient's (null: everything is used). */
  void read(List<String> clients, ReportingPeriod period, AccessGrant grant, LocalDate today,
      SubmissionReport report, Consumer<Client> use) {
    population.forEachChunk(clients, patients -> {
      Predicate<IBaseResource> visible = counted(population.visibleTo(grant), grant, report);
      List<Client> chunk = new ArrayList<>();
      ReferenceOrListParam subjects = PopulationRecords.references(patients);
      Map<String, List<Condition>> conditions = population.byClient(Condition.class,
          SearchParameterMap.newSynchronous().add(Condition.SP_SUBJECT, subjects), Condition::getSubject, visible);
      Map<String, List<QuestionnaireResponse>> responses = population.byClient(QuestionnaireResponse.class,
          SearchParameterMap.newSynchronous().add(QuestionnaireResponse.SP_SUBJECT, subjects),
          QuestionnaireResponse::getSubject, visible);
      Map<String, List<Observation>> determinations = population.byClient(Observation.class,
          SearchParameterMap.newSynchronous().add(Observation.SP_SUBJECT, subjects).add(Observation.SP_CODE,
              new TokenParam(WorkflowCodes.CASE_MANAGEMENT, "eligibility-determination")), Observation::getSubject,
          visible);
      List<ClientRecordReader.ServiceUse> uses = records.serviceUse(patients);
      for (int i = 0; i < patients.size(); i++) {
        String client = WorkflowCodes.reference(patients.get(i));
        List<Encounter> encounters = uses.get(i).encounters().stream().filter(visible).toList();
        List<QuestionnaireResponse> theirResponses = responses.getOrDefault(client, List.of());
        boolean served = encounters.stream().anyMatch(e -> EncounterEpisodes.happened(e)
            && inPeriod(FhirDates.day(e.getPeriod().getStartElement()), period))
            || theirResponses.stream().anyMatch(r -> inPeriod(FhirDates.day(r.getAuthoredElement()), period));
        List<PsychiatricEpisode> episodes = episodes(uses.get(i), encounters);
        chunk.add(new Client(client, served, ClientFacts.of(patients.get(i), period,
            conditions.getOrDefault(client, List.of()), latest(theirResponses.stream()
                .filter(r -> r.getQuestionnaire() != null && r.getQuestionnaire().startsWith(INTAKE)).toList(),
                r -> FhirDates.day(r.getAuthoredElement()), period),
            latest(determinations.getOrDefault(client, List.of()), MhcldReader::evaluated, period), episodes),
            StateHospitalReadmissions.of(episodes, period, today)));
      }
      return chunk;
    }, use);
  }

  /** The client's episodes built from the Encounters the recipient may see. */
  private static List<PsychiatricEpisode> episodes(ClientRecordReader.ServiceUse use, List<Encounter> visible) {
    Set<String> seen = new HashSet<>(visible.stream().map(WorkflowCodes::reference).toList());
    return use.evidence().episodes().stream().filter(episode -> seen.contains(episode.reference())).toList();
  }

  /**
   * What the recipient may see: the types it may export, and Part 2 records only with consent; what is withheld
   * is counted by type for the report.
   */
  private static Predicate<IBaseResource> counted(Predicate<IBaseResource> visible, AccessGrant grant,
      SubmissionReport report) {
    return resource -> {
      if ((grant == null || grant.allowsExport(resource.fhirType())) && visible.test(resource)) {
        return true;
      }
      report.withheld(resource.fhirType());
      return false;
    };
  }

  private static LocalDate evaluated(Observation determination) {
    return determination.hasEffectivePeriod() ? FhirDates.day(determination.getEffectivePeriod().getStartElement())
        : null;
  }

  private static boolean inPeriod(LocalDate day, ReportingPeriod period) {
    return day != null && period.contains(day);
  }

  /** The last of the records dated by the period's end. */
  private static <T> T latest(List<T> found, Function<T, LocalDate> day, ReportingPeriod period) {
    return found.stream().filter(r -> day.apply(r) != null && !day.apply(r).isAfter(period.end()))
        .max(Comparator.comparing(day)).orElse(null);
  }
}
