package org.casemgmt.adapter.eligibility.current;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
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
 * Re-evaluates one client, today, under every program they already have a determination for. Only those: a
 * determination is made when a case manager or a population run asks for one (a referral, a screening, the state's
 * list), and evidence arriving for the thousands of members a claims file names must not make determinations nobody
 * asked for; but once one exists, the case manager and the state rely on it being current. Programs asked for by name
 * (a completed screening) are evaluated as well, which makes the client's first determination under them. A
 * merged-away client is evaluated as the client that replaced them.
 */
class ClientReevaluation implements BiConsumer<String, Set<String>> {
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

  @Override
  public void accept(String patientId, Set<String> asked) {
    Optional<String> survivor = survivor(patientId);
    if (survivor.isEmpty()) {
      return;
    }
    LocalDate today = LocalDate.now(clock.withZone(ZoneId.systemDefault()));
    Set<ProgramDefinition> evaluated = programsDetermined(survivor.get());
    for (String id : asked) {
      programs.find(id).ifPresentOrElse(evaluated::add,
          () -> log.warn("Patient/{}: no program '{}' to evaluate under", survivor.get(), id));
    }
    for (ProgramDefinition program : evaluated) {
      try {
        evaluations.evaluate(survivor.get(), program, today);
      } catch (RuntimeException e) {
        // Ids and the class only: a message may quote the record. The other programs still get their turn.
        log.warn("Re-evaluation of Patient/{} under {} failed: {}", survivor.get(), program.id(),
            e.getClass().getName());
      }
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

  private Set<ProgramDefinition> programsDetermined(String patientId) {
    SearchParameterMap determinations = SearchParameterMap.newSynchronous()
        .add(Observation.SP_SUBJECT, new ReferenceParam("Patient/" + patientId))
        .add(Observation.SP_CODE, new TokenParam(DETERMINATION_CODE, "eligibility-determination"));
    Set<ProgramDefinition> determined = new LinkedHashSet<>();
    daos.getResourceDao(Observation.class).search(determinations, new SystemRequestDetails()).getAllResources()
        .forEach(found -> programs.find(((Observation) found).getMethod().getCodingFirstRep().getCode())
            .ifPresent(determined::add));
    return determined;
  }
}
