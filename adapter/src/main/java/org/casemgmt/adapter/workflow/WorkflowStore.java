package org.casemgmt.adapter.workflow;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.casemgmt.adapter.conformance.ProfileEnforcement;
import org.casemgmt.adapter.identity.ClientRecordChanges;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

/**
 * The workflow's view of the store: reads and searches, and its own writes, all in the caller's transaction (the
 * write that set the step off), so that a step either commits with that write or not at all. HAPI holds a
 * transaction's writes in the persistence context until commit, and its searches and reference checks are SQL, so
 * the context is flushed first: otherwise the write that set the step off would not be found.
 */
@Component
public class WorkflowStore {
  private final DaoRegistry daos;
  private final IFhirSystemDao<Bundle, ?> systemDao;
  @PersistenceContext
  private EntityManager entityManager;

  WorkflowStore(DaoRegistry daos, IFhirSystemDao<Bundle, ?> systemDao) {
    this.daos = daos;
    this.systemDao = systemDao;
  }

  public <T extends Resource> List<T> search(Class<T> type, SearchParameterMap query) {
    entityManager.flush();
    return daos.getResourceDao(type).searchForResources(query, new SystemRequestDetails()).stream()
        .map(type::cast).toList();
  }

  /** The resource a reference points at; empty when it is not of that type, unknown or deleted. */
  public <T extends Resource> Optional<T> read(Class<T> type, Reference reference) {
    if (reference == null || !reference.hasReference()) {
      return Optional.empty();
    }
    IdType id = new IdType(reference.getReference()).toUnqualifiedVersionless();
    if (!type.getSimpleName().equals(id.getResourceType())) {
      return Optional.empty();
    }
    entityManager.flush();
    try {
      return Optional.of(type.cast(daos.getResourceDao(type).read(id, new SystemRequestDetails())));
    } catch (ResourceNotFoundException | ResourceGoneException e) {
      return Optional.empty();
    }
  }

  /** Writes the changes as one nested FHIR transaction inside the caller's. */
  public void write(ClientRecordChanges changes) {
    write(changes, new SystemRequestDetails());
  }

  /**
   * Writes resources the workflow builds to a profile they claim, whose every shape its tests validate: they are
   * not validated again on each write (see {@link ProfileEnforcement#BUILT_TO_PROFILE}).
   */
  public void writeBuiltToProfile(ClientRecordChanges changes) {
    SystemRequestDetails request = new SystemRequestDetails();
    request.getUserData().put(ProfileEnforcement.BUILT_TO_PROFILE, Boolean.TRUE);
    write(changes, request);
  }

  private void write(ClientRecordChanges changes, SystemRequestDetails request) {
    if (!changes.isEmpty()) {
      entityManager.flush();
      systemDao.transactionNested(request, changes.transaction());
    }
  }
}
