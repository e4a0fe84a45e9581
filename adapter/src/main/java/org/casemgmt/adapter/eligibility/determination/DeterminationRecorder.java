package org.casemgmt.adapter.eligibility.determination;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.casemgmt.adapter.conformance.ProfileEnforcement;
import org.casemgmt.adapter.eligibility.Determination;
import org.casemgmt.adapter.eligibility.program.ProgramDefinition;
import org.casemgmt.adapter.identity.ClientRecordChanges;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.springframework.stereotype.Component;

/**
 * Records a determination on the client record in one FHIR transaction: the impairment evidence and the determination,
 * each a conditional update on its identifier (a new version of the same resource at every evaluation, earlier ones
 * kept in its history), and one Provenance naming the evidence. Runs in the caller's transaction.
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
   * @return the determination as stored, with its id and version
   */
  Observation record(String client, ProgramDefinition program, Determination determination, LocalDate birthDate) {
    Date now = Date.from(clock.instant());
    ClientRecordChanges changes = new ClientRecordChanges();
    List<String> evidence = ImpairmentEvidence.of(determination, client, birthDate, now).stream()
        .map(changes::upsert).toList();
    int entry = changes.transaction().getEntry().size();
    changes.upsert(DeterminationObservation.of(program, determination, client, now, evidence));
    Bundle transaction = changes.withProvenance(DeterminationProvenance.of(program, determination, now));

    SystemRequestDetails request = new SystemRequestDetails();
    // Built to the guide's profiles in every shape, as DeterminationResourcesTest proves; not validated again.
    request.getUserData().put(ProfileEnforcement.BUILT_TO_PROFILE, Boolean.TRUE);
    Bundle response = (Bundle) systemDao.transactionNested(request, transaction);
    IdType written = new IdType(response.getEntry().get(entry).getResponse().getLocation());
    return (Observation) daos.getResourceDao(Observation.class).read(written, request);
  }
}
