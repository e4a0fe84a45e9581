package org.casemgmt.adapter.security;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.RuntimeSearchParam;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.HasParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import java.util.List;
import java.util.Optional;

/**
 * Narrows a case manager's searches in SQL to their caseload: {@code Patient?_has:Group:member:_id=<caseload>} and
 * {@code Condition?patient:Patient._has:Group:member:_id=<caseload>}, a join on the caseload Group
 * ({@link Caseloads}) rather than a list of patient ids, which grows with the caseload and meets PostgreSQL's
 * bind-parameter limit. Pages are
 * then full and cut only where {@link ReleaseControl} withholds for other reasons (scopes, Part 2). It narrows by
 * the type's patient parameter ({@code patient}, else {@code subject}): a record with no client there (an
 * Observation about a Group) is not in a caseload search, though ReleaseControl alone would let it out.
 */
@Interceptor
class CaseloadSearches {
  private static final String HAS_CASELOAD = "_has:Group:member:_id";
  private static final List<String> PATIENT_PARAMETERS = List.of("patient", "subject");

  private final FhirContext context;
  private final ISearchParamRegistry searchParameters;

  CaseloadSearches(FhirContext context, ISearchParamRegistry searchParameters) {
    this.context = context;
    this.searchParameters = searchParameters;
  }

  @Hook(Pointcut.STORAGE_PRESEARCH_REGISTERED)
  void narrow(RequestDetails request, SearchParameterMap search) {
    if (request == null || request.getRestOperationType() != RestOperationTypeEnum.SEARCH_TYPE) {
      return;
    }
    FhirAccessControl.grant(request).ifPresent(grant -> {
      String type = request.getResourceName();
      String practitioner = grant.caller().fhirUser();
      if (grant.whose(type, Interaction.SEARCH) != AccessGrant.Whose.CASELOAD || practitioner == null
          || !practitioner.startsWith("Practitioner/")) {
        return;
      }
      String caseload = "Group/" + Caseloads.groupId(practitioner);
      if ("Patient".equals(type)) {
        search.add("_has", new HasParam("Group", "member", "_id", caseload));
      } else {
        patientParameter(type).ifPresent(parameter -> {
          ReferenceParam throughCaseload = new ReferenceParam();
          throughCaseload.setValueAsQueryToken(context, parameter, ":Patient." + HAS_CASELOAD, caseload);
          search.add(parameter, throughCaseload);
        });
      }
    });
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
