package org.casemgmt.adapter.eligibility.current;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceOrListParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.casemgmt.adapter.eligibility.determination.EligibilityEvaluations;
import org.casemgmt.adapter.eligibility.program.ProgramDefinition;
import org.casemgmt.adapter.eligibility.program.ProgramDefinitions;
import org.casemgmt.adapter.eligibility.record.ClientRecordReader;
import org.casemgmt.profiles.ImplementationGuide;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-evaluates clients, today, each under every program they already have a determination for. Only those: a
 * determination is made when a case manager or a population run asks for one (a referral, a screening, the state's
 * list), and evidence arriving for the thousands of members a claims file names must not make determinations nobody
 * asked for; but once one exists, the case manager and the state rely on it being current. Programs asked for by name
 * (a completed screening) are evaluated as well, which makes the client's first determination under them. A
 * merged-away client is evaluated as the client that replaced them. The clients' determinations are looked up in one
 * search, and each program's clients are evaluated together (records read in bulk, determinations written in one
 * transaction); when that fails, one by one, so one client's failure costs only their determination.
 */
class ClientReevaluation implements Consumer<Map<String, Set<String>>> {
  private static final Logger log = LoggerFactory.getLogger(ClientReevaluation.class);
  private static final String DETERMINATION_CODE = ImplementationGuide.CANONICAL + "/CodeSystem/case-management";

  private final ClientRecordReader record;
  private final DaoRegistry daos;
  private final ProgramDefinitions programs;
  private final EligibilityEvaluations evaluations;
  private final Clock clock;

  ClientReevaluation(ClientRecordReader record, DaoRegistry daos, ProgramDefinitions programs,
      EligibilityEvaluations evaluations, Clock clock) {
    this.record = record;
    this.daos = daos;
    this.programs = programs;
    this.evaluations = evaluations;
    this.clock = clock;
  }

  /** Re-evaluates the clients (Patient ids), each also under the programs asked for them. */
  @Override
  public void accept(Map<String, Set<String>> asked) {
    Map<String, Set<String>> askedOfSurvivors = new LinkedHashMap<>();
    asked.forEach((patientId, askedPrograms) -> survivor(patientId).ifPresent(survivor ->
        askedOfSurvivors.computeIfAbsent(survivor, id -> new LinkedHashSet<>()).addAll(askedPrograms)));
    if (askedOfSurvivors.isEmpty()) {
      return;
    }
    Map<ProgramDefinition, Set<String>> clientsByProgram = programsDetermined(askedOfSurvivors.keySet());
    askedOfSurvivors.forEach((client, askedPrograms) -> askedPrograms.forEach(id -> programs.find(id).ifPresentOrElse(
        program -> clientsByProgram.computeIfAbsent(program, p -> new LinkedHashSet<>()).add(client),
        () -> log.warn("Patient/{}: no program '{}' to evaluate under", client, id))));
    LocalDate today = LocalDate.now(clock.withZone(ZoneId.systemDefault()));
    clientsByProgram.forEach((program, clients) -> {
      try {
        evaluations.evaluateAll(List.copyOf(clients), program, today);
      } catch (RuntimeException together) {
        clients.forEach(client -> evaluateAlone(client, program, today));
      }
    });
  }

  private void evaluateAlone(String client, ProgramDefinition program, LocalDate today) {
    try {
      evaluations.evaluate(client, program, today);
    } catch (RuntimeException e) {
      // Ids and the class only: a message may quote the record. The other programs still get their turn.
      log.warn("Re-evaluation of Patient/{} under {} failed: {}", client, program.id(), e.getClass().getName());
    }
  }

  /** The client's current id (the survivor of any merge); empty for a deleted or unknown one. */
  private Optional<String> survivor(String patientId) {
    try {
      Patient client = record.client(patientId);
      return Optional.of(client.getIdElement().getIdPart());
    } catch (ResourceNotFoundException | ResourceGoneException e) {
      return Optional.empty();
    }
  }

  /** The programs each client has a determination for, as the clients of each program (one search). */
  private Map<ProgramDefinition, Set<String>> programsDetermined(Set<String> patientIds) {
    ReferenceOrListParam subjects = new ReferenceOrListParam();
    patientIds.forEach(id -> subjects.addOr(new ReferenceParam("Patient/" + id)));
    SearchParameterMap determinations = SearchParameterMap.newSynchronous()
        .add(Observation.SP_SUBJECT, subjects)
        .add(Observation.SP_CODE, new TokenParam(DETERMINATION_CODE, "eligibility-determination"));
    Map<ProgramDefinition, Set<String>> clientsByProgram = new LinkedHashMap<>();
    daos.getResourceDao(Observation.class).search(determinations, new SystemRequestDetails()).getAllResources()
        .stream().map(Observation.class::cast)
        .forEach(found -> programs.find(found.getMethod().getCodingFirstRep().getCode()).ifPresent(program ->
            clientsByProgram.computeIfAbsent(program, p -> new LinkedHashSet<>())
                .add(found.getSubject().getReferenceElement().getIdPart())));
    return clientsByProgram;
  }
}
