package org.casemgmt.adapter.eligibility.determination;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceOrListParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.casemgmt.adapter.conformance.ProfileEnforcement;
import org.casemgmt.adapter.eligibility.Determination;
import org.casemgmt.adapter.eligibility.program.ProgramDefinition;
import org.casemgmt.adapter.identity.ClientRecordChanges;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Provenance;
import org.springframework.stereotype.Component;

/**
 * Records determinations on the client record in one FHIR transaction: each client's impairment evidence and
 * determination, each a conditional update on its identifier (a new version of the same resource whenever the
 * determination changed, earlier ones kept in its history), and one Provenance per client naming the evidence. A
 * determination whose substance (see {@link DeterminationSubstance}) equals the stored one writes nothing: automatic
 * re-evaluation runs on every piece of new evidence, and a version per event would bury the changes that matter in
 * the history. Runs in the caller's transaction; the stored determinations are read with one search for all clients.
 */
@Component
class DeterminationRecorder {
  private final IFhirSystemDao<Bundle, ?> systemDao;
  private final DaoRegistry daos;
  private final Clock clock;

  DeterminationRecorder(IFhirSystemDao<Bundle, ?> systemDao, DaoRegistry daos, Clock clock) {
    this.systemDao = systemDao;
    this.daos = daos;
    this.clock = clock;
  }

  /**
   * One client's determination, as the engine made it.
   *
   * @param client the Patient reference ("Patient/12")
   * @param birthDate the client's, when known: the start of lifetime lookback windows
   */
  record Judged(String client, Determination determination, LocalDate birthDate) {
  }

  /** Records each client's determination under the program; returns what became of each, in their order. */
  List<RecordedDetermination> record(ProgramDefinition program, List<Judged> judged) {
    Date now = Date.from(clock.instant());
    SystemRequestDetails request = new SystemRequestDetails();
    Map<String, Observation> stored = stored(program, judged, request);
    Map<String, Provenance> provenances = latestProvenances(stored.values(), request);
    ClientRecordChanges changes = new ClientRecordChanges();
    // Per client, the transaction entry of its new determination, or null when the stored one stands.
    List<Integer> entries = new ArrayList<>();
    for (Judged one : judged) {
      Observation before = stored.get(one.client());
      if (before != null && unchanged(before, provenances.get(before.getIdElement().getIdPart()), program, one,
          now)) {
        entries.add(null);
        continue;
      }
      List<String> written = new ArrayList<>(ImpairmentEvidence.of(one.determination(), one.client(),
          one.birthDate(), now).stream().map(changes::upsert).toList());
      entries.add(changes.transaction().getEntry().size());
      written.add(changes.upsert(DeterminationObservation.of(program, one.determination(), one.client(), now,
          List.copyOf(written))));
      changes.provenance(DeterminationProvenance.of(program, one.determination(), now),
          written.toArray(String[]::new));
    }
    List<Bundle.BundleEntryComponent> responses = List.of();
    if (!changes.isEmpty()) {
      // Built to the guide's profiles in every shape, as DeterminationResourcesTest proves; not validated again.
      request.getUserData().put(ProfileEnforcement.BUILT_TO_PROFILE, Boolean.TRUE);
      responses = ((Bundle) systemDao.transactionNested(request, changes.transaction())).getEntry();
    }
    List<RecordedDetermination> recorded = new ArrayList<>();
    for (int i = 0; i < judged.size(); i++) {
      Judged one = judged.get(i);
      Integer entry = entries.get(i);
      IdType determination = entry == null ? stored.get(one.client()).getIdElement()
          : new IdType(responses.get(entry).getResponse().getLocation());
      recorded.add(new RecordedDetermination(one.client(), determination, entry != null,
          one.determination().outcome().code()));
    }
    return recorded;
  }

  /** The clients' stored determinations for the program, by client reference. */
  private Map<String, Observation> stored(ProgramDefinition program, List<Judged> judged,
      SystemRequestDetails request) {
    TokenOrListParam identifiers = new TokenOrListParam();
    judged.forEach(one -> {
      Identifier identifier = DeterminationObservation.identifier(program.id(), one.client());
      identifiers.add(identifier.getSystem(), identifier.getValue());
    });
    Map<String, Observation> byClient = new HashMap<>();
    daos.getResourceDao(Observation.class)
        .searchForResources(SearchParameterMap.newSynchronous().add(Observation.SP_IDENTIFIER, identifiers), request)
        .forEach(found -> {
          Observation determination = (Observation) found;
          byClient.put(determination.getSubject().getReferenceElement().toUnqualifiedVersionless().getValue(),
              determination);
        });
    return byClient;
  }

  private static boolean unchanged(Observation stored, Provenance provenance, ProgramDefinition program,
      Judged judged, Date now) {
    DeterminationSubstance fresh = DeterminationSubstance.of(
        DeterminationObservation.of(program, judged.determination(), judged.client(), now, List.of()),
        DeterminationProvenance.of(program, judged.determination(), now));
    return fresh.equals(DeterminationSubstance.of(stored, provenance));
  }

  /** The Provenance of each stored version, by determination id: the latest recorded for it. */
  private Map<String, Provenance> latestProvenances(Collection<Observation> stored, SystemRequestDetails request) {
    if (stored.isEmpty()) {
      return Map.of();
    }
    ReferenceOrListParam targets = new ReferenceOrListParam();
    stored.forEach(determination -> targets.addOr(
        new ReferenceParam("Observation/" + determination.getIdElement().getIdPart())));
    Map<String, Provenance> latest = new HashMap<>();
    daos.getResourceDao(Provenance.class)
        .searchForResources(SearchParameterMap.newSynchronous().add(Provenance.SP_TARGET, targets), request)
        .forEach(found -> {
          Provenance provenance = (Provenance) found;
          provenance.getTarget().forEach(target -> latest.merge(target.getReferenceElement().getIdPart(), provenance,
              (one, other) -> one.getRecorded().after(other.getRecorded()) ? one : other));
        });
    return latest;
  }
}
