package org.casemgmt.adapter.security;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.RuntimeSearchParam;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.param.HasParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.IdType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Narrows a search to the records of a Group's members in SQL: {@code Patient?_has:Group:member:_id=<group>} and
 * {@code Condition?patient:Patient._has:Group:member:_id=<group>}, a join on the Group rather than a list of patient
 * ids, which grows with the group and meets PostgreSQL's bind-parameter limit. A type is narrowed by its patient
 * parameter ({@code patient}, else {@code subject}): a record with no client there (an Observation about a Group)
 * is not among a group's records. Caseload searches, Group exports and measures use it.
 */
@Component
public class GroupMembers {
  private static final String HAS_MEMBER = "_has:Group:member:_id";
  private static final List<String> PATIENT_PARAMETERS = List.of("patient", "subject");

  private final FhirContext context;
  private final ISearchParamRegistry searchParameters;
  private final DaoRegistry daos;
  private final ObjectProvider<ReleaseControl> release;

  GroupMembers(FhirContext context, ISearchParamRegistry searchParameters, DaoRegistry daos,
      ObjectProvider<ReleaseControl> release) {
    this.context = context;
    this.searchParameters = searchParameters;
    this.daos = daos;
    this.release = release;
  }

  /**
   * The clients ("Patient/12") of a Group the caller may see, as a read would allow it: every member within the
   * caller's reach. A Group that does not exist, or that the caller may not see, is not known (404).
   */
  public Set<String> visibleMembers(String id, Optional<AccessGrant> grant) {
    SystemRequestDetails lookUp = new SystemRequestDetails();
    Group group;
    try {
      group = daos.getResourceDao(Group.class).read(new IdType("Group", id), lookUp);
    } catch (BaseServerResponseException e) {
      group = null;
    }
    if (group == null || grant.isPresent() && !release.getObject().releasableInBulk(grant.get(), group, lookUp)) {
      throw new ResourceNotFoundException("Group/" + id + " is not known");
    }
    return Caseloads.members(group);
  }

  /**
   * Adds the join on the group ("Group/caseload-7") to a search of this type; false, adding nothing, for a type
   * whose records name no client (outside the Patient compartment, or without a patient parameter).
   */
  public boolean narrow(SearchParameterMap search, String type, String group) {
    if ("Patient".equals(type)) {
      search.add("_has", new HasParam("Group", "member", "_id", group));
      return true;
    }
    return patientParameter(type).map(parameter -> {
      ReferenceParam throughGroup = new ReferenceParam();
      throughGroup.setValueAsQueryToken(context, parameter, ":Patient." + HAS_MEMBER, group);
      search.add(parameter, throughGroup);
      return true;
    }).orElse(false);
  }

  /** Whether records of this type can be narrowed to a group's members: they name their client. */
  public boolean covers(String type) {
    return "Patient".equals(type) || patientParameter(type).isPresent();
  }

  /** The parameter naming the client a record of this type is about; none for types outside the Patient compartment. */
  private Optional<String> patientParameter(String type) {
    if (context.getResourceDefinition(type).getSearchParamsForCompartmentName("Patient").isEmpty()) {
      return Optional.empty();
    }
    return PATIENT_PARAMETERS.stream().filter(name -> {
      RuntimeSearchParam parameter = searchParameters.getActiveSearchParam(type, name,
          ISearchParamRegistry.SearchParamLookupContextEnum.SEARCH);
      return parameter != null && (parameter.getTargets().isEmpty() || parameter.getTargets().contains("Patient"));
    }).findFirst();
  }
}
