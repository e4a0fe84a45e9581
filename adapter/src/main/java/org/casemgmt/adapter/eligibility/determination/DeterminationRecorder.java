package org.casemgmt.adapter.eligibility.determination;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.SortOrderEnum;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Optional;
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
 * Records a determination on the client record in one FHIR transaction: the impairment evidence and the determination,
 * each a conditional update on its identifier (a new version of the same resource whenever the determination changed,
 * earlier ones kept in its history), and one Provenance naming the evidence. A determination whose substance (see
 * {@link DeterminationSubstance}) equals the stored one writes nothing: automatic re-evaluation runs on every piece
 * of new evidence, and a version per event would bury the changes that matter in the history. Runs in the caller's
 * transaction.
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
   * @param client the Patient reference ("Patient/12")
   * @param birthDate the client's, when known: the start of lifetime lookback windows
   * @return the determination as stored, with its id and version: the new version, or the stored one when nothing
   *     changed
   */
  Observation record(String client, ProgramDefinition program, Determination determination, LocalDate birthDate) {
    Date now = Date.from(clock.instant());
    SystemRequestDetails request = new SystemRequestDetails();
    Optional<Observation> stored = stored(DeterminationObservation.identifier(program.id(), client), request);
    if (stored.isPresent() && unchanged(stored.get(), program, determination, client, now, request)) {
      return stored.get();
    }
    ClientRecordChanges changes = new ClientRecordChanges();
    List<String> evidence = ImpairmentEvidence.of(determination, client, birthDate, now).stream()
        .map(changes::upsert).toList();
    int entry = changes.transaction().getEntry().size();
    changes.upsert(DeterminationObservation.of(program, determination, client, now, evidence));
    Bundle transaction = changes.withProvenance(DeterminationProvenance.of(program, determination, now));

    // Built to the guide's profiles in every shape, as DeterminationResourcesTest proves; not validated again.
    request.getUserData().put(ProfileEnforcement.BUILT_TO_PROFILE, Boolean.TRUE);
    Bundle response = (Bundle) systemDao.transactionNested(request, transaction);
    IdType written = new IdType(response.getEntry().get(entry).getResponse().getLocation());
    return (Observation) daos.getResourceDao(Observation.class).read(written, request);
  }

  private Optional<Observation> stored(Identifier identifier, SystemRequestDetails request) {
    SearchParameterMap byIdentifier = SearchParameterMap.newSynchronous()
        .add(Observation.SP_IDENTIFIER, new TokenParam(identifier.getSystem(), identifier.getValue()));
    return daos.getResourceDao(Observation.class).search(byIdentifier, request).getAllResources().stream()
        .map(Observation.class::cast).findFirst();
  }

  private boolean unchanged(Observation stored, ProgramDefinition program, Determination determination,
      String client, Date now, SystemRequestDetails request) {
    DeterminationSubstance fresh = DeterminationSubstance.of(
        DeterminationObservation.of(program, determination, client, now, List.of()),
        DeterminationProvenance.of(program, determination, now));
    return fresh.equals(DeterminationSubstance.of(stored, latestProvenance(stored, request)));
  }

  /** The Provenance of the stored version: the latest recorded for the determination. */
  private Provenance latestProvenance(Observation stored, SystemRequestDetails request) {
    SearchParameterMap byTarget = SearchParameterMap.newSynchronous()
        .add(Provenance.SP_TARGET, new ReferenceParam("Observation/" + stored.getIdElement().getIdPart()))
        .setSort(new SortSpec(Provenance.SP_RECORDED, SortOrderEnum.DESC));
    byTarget.setCount(1);
    return daos.getResourceDao(Provenance.class).search(byTarget, request).getResources(0, 1).stream()
        .map(Provenance.class::cast).findFirst().orElse(null);
  }
}
