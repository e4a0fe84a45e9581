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
import java.util.Objects;
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
 * determination, each kept under its identifier (a new version of the same resource whenever the determination
 * changed, earlier ones kept in its history), and one Provenance per client naming the evidence. A
 * determination whose substance (see {@link DeterminationSubstance}) equals the stored one writes nothing: automatic
 * re-evaluation runs on every piece of new evidence, and a version per event would bury the changes that matter in
 * the history. Runs in the caller's transaction; the stored determinations are read with one search for all clients.
 */
@Component
class DeterminationRecorder {
  private final IFhirSystemDao<Bundle, ?> systemDao;
  private final DaoRegistry daos;
  private final DeterminationKeys keys;
  private final Clock clock;

  DeterminationRecorder(IFhirSystemDao<Bundle, ?> systemDao, DaoRegistry daos, DeterminationKeys keys,
      Clock clock) {
    this.systemDao = systemDao;
    this.daos = daos;
    this.keys = keys;
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
    Map<String, Observation> stored = byIdentifier(judged.stream()
        .map(one -> DeterminationObservation.identifier(program.id(), one.client())).toList(), request);
    Map<String, Provenance> provenances = latestProvenances(stored.values(), request);
    // Per client, the impairment evidence to write, or null when the stored determination stands.
    List<List<Observation>> evidence = new ArrayList<>();
    for (Judged one : judged) {
      Observation before = stored.get(identifierValue(program, one));
      boolean current = before != null
          && unchanged(before, provenances.get(before.getIdElement().getIdPart()), program, one, now);
      evidence.add(current ? null : ImpairmentEvidence.of(one.determination(), one.client(), one.birthDate(), now));
    }
    Map<String, Observation> storedEvidence = byIdentifier(evidence.stream().filter(Objects::nonNull)
        .flatMap(List::stream).map(Observation::getIdentifierFirstRep).toList(), request);

    ClientRecordChanges changes = new ClientRecordChanges();
    List<String> newKeys = new ArrayList<>();
    // Per client, the transaction entry of its new determination, or null when the stored one stands.
    List<Integer> entries = new ArrayList<>();
    for (int i = 0; i < judged.size(); i++) {
      Judged one = judged.get(i);
      if (evidence.get(i) == null) {
        entries.add(null);
        continue;
      }
      List<String> written = new ArrayList<>(evidence.get(i).stream()
          .map(measure -> write(changes, measure, storedEvidence)).toList());
      entries.add(changes.transaction().getEntry().size());
      Observation determination = DeterminationObservation.of(program, one.determination(), one.client(), now,
          List.copyOf(written));
      if (!stored.containsKey(identifierValue(program, one))) {
        newKeys.add(identifierValue(program, one));
      }
      written.add(write(changes, determination, stored));
      changes.provenance(DeterminationProvenance.of(program, one.determination(), now),
          written.toArray(String[]::new));
    }
    List<Bundle.BundleEntryComponent> responses = List.of();
    if (!changes.isEmpty()) {
      keys.claim(newKeys);
      // Built to the guide's profiles in every shape, as DeterminationResourcesTest proves; not validated again.
      request.getUserData().put(ProfileEnforcement.BUILT_TO_PROFILE, Boolean.TRUE);
      responses = ((Bundle) systemDao.transactionNested(request, changes.transaction())).getEntry();
    }
    List<RecordedDetermination> recorded = new ArrayList<>();
    for (int i = 0; i < judged.size(); i++) {
      Judged one = judged.get(i);
      Integer entry = entries.get(i);
      IdType determination = entry == null ? stored.get(identifierValue(program, one)).getIdElement()
          : new IdType(responses.get(entry).getResponse().getLocation());
      recorded.add(new RecordedDetermination(one.client(), determination, entry != null,
          one.determination().outcome().code()));
    }
    return recorded;
  }

  /**
   * A new version of the resource stored under its identifier (refused if someone changed it since it was read), or
   * the first: written by id or as new, never through a conditional URL (see eligibility/schema.sql for why).
   */
  private static String write(ClientRecordChanges changes, Observation resource, Map<String, Observation> stored) {
    Observation before = stored.get(resource.getIdentifierFirstRep().getValue());
    if (before == null) {
      return changes.createKnownNew(resource);
    }
    resource.setId(before.getIdElement());
    return changes.update(resource);
  }

  private static String identifierValue(ProgramDefinition program, Judged one) {
    return DeterminationObservation.identifier(program.id(), one.client()).getValue();
  }

  /** The stored Observations with these identifiers, by identifier value, read with one search. */
  private Map<String, Observation> byIdentifier(List<Identifier> identifiers, SystemRequestDetails request) {
    if (identifiers.isEmpty()) {
      return Map.of();
    }
    TokenOrListParam any = new TokenOrListParam();
    identifiers.forEach(identifier -> any.add(identifier.getSystem(), identifier.getValue()));
    Map<String, Observation> found = new HashMap<>();
    daos.getResourceDao(Observation.class)
        .searchForResources(SearchParameterMap.newSynchronous().add(Observation.SP_IDENTIFIER, any), request)
        .forEach(resource -> {
          Observation observation = (Observation) resource;
          found.put(observation.getIdentifierFirstRep().getValue(), observation);
        });
    return found;
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
