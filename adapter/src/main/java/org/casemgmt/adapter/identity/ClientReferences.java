package org.casemgmt.adapter.identity;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.RuntimeSearchParam;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.RestSearchParameterTypeEnum;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry.SearchParamLookupContextEnum;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

/**
 * What a merge moves: every stored resource in a client's compartment (stays, diagnoses, plans, referrals, coverage,
 * assessments: whatever any feed or the API wrote), re-pointed at the surviving client. Found through the FHIR
 * compartment definition rather than a list of types, so a resource type added later moves too.
 */
@Component
public class ClientReferences {
  /**
   * Never moved: Provenance and AuditEvent record what happened to the old client, and a Patient's links are the
   * merge's own business.
   */
  private static final Set<String> HISTORY = Set.of("Provenance", "AuditEvent", "Patient");

  private final DaoRegistry daoRegistry;
  private final FhirContext fhirContext;
  private final ISearchParamRegistry searchParamRegistry;

  public ClientReferences(DaoRegistry daoRegistry, FhirContext fhirContext, ISearchParamRegistry searchParamRegistry) {
    this.daoRegistry = daoRegistry;
    this.fhirContext = fhirContext;
    this.searchParamRegistry = searchParamRegistry;
  }

  /** Copies of the resources that refer to one client, referring to the other instead; the caller writes them. */
  public List<Resource> movedTo(String from, String to) {
    Map<String, Resource> moved = new LinkedHashMap<>();
    for (String type : daoRegistry.getRegisteredDaoTypes()) {
      if (HISTORY.contains(type)) {
        continue;
      }
      IFhirResourceDao<?> dao = daoRegistry.getResourceDao(type);
      for (RuntimeSearchParam param : fhirContext.getResourceDefinition(type).getSearchParams()) {
        // The compartment definition comes with FHIR; the search parameter policy decides which ones are indexed.
        Set<String> compartments = param.getProvidesMembershipInCompartments();
        if (param.getParamType() != RestSearchParameterTypeEnum.REFERENCE || compartments == null
            || !compartments.contains("Patient")
            || !searchParamRegistry.hasActiveSearchParam(type, param.getName(), SearchParamLookupContextEnum.SEARCH)) {
          continue;
        }
        SearchParameterMap referring =
            SearchParameterMap.newSynchronous().add(param.getName(), new ReferenceParam(from));
        for (IBaseResource found : dao.searchForResources(referring, new SystemRequestDetails())) {
          moved.computeIfAbsent(found.getIdElement().toUnqualifiedVersionless().getValue(),
              key -> repointed((Resource) found, from, to));
        }
      }
    }
    return List.copyOf(moved.values());
  }

  private Resource repointed(Resource found, String from, String to) {
    Resource copy = found.copy();
    fhirContext.newTerser().getAllPopulatedChildElementsOfType(copy, Reference.class).stream()
        .filter(reference -> from.equals(reference.getReferenceElement().toUnqualifiedVersionless().getValue()))
        .forEach(reference -> reference.setReference(to));
    return copy;
  }
}
