package org.casemgmt.adapter.security;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;

/**
 * Narrows a case manager's searches in SQL to their caseload, by a join on the caseload Group ({@link Caseloads},
 * {@link GroupMembers}). Pages are then full and cut only where {@link ReleaseControl} withholds for other reasons
 * (scopes, Part 2). A record with no client in its type's patient parameter (an Observation about a Group) is not in
 * a caseload search, though ReleaseControl alone would let it out.
 */
@Interceptor
class CaseloadSearches {
  private final GroupMembers groupMembers;

  CaseloadSearches(GroupMembers groupMembers) {
    this.groupMembers = groupMembers;
  }

  @Hook(Pointcut.STORAGE_PRESEARCH_REGISTERED)
  void narrow(RequestDetails request, SearchParameterMap search) {
    if (request == null || request.getRestOperationType() != RestOperationTypeEnum.SEARCH_TYPE) {
      return;
    }
    FhirAccessControl.grant(request).ifPresent(grant -> {
      String type = request.getResourceName();
      String practitioner = grant.caller().fhirUser();
      if (grant.whose(type, Interaction.SEARCH) == AccessGrant.Whose.CASELOAD && practitioner != null
          && practitioner.startsWith("Practitioner/")) {
        groupMembers.narrow(search, type, "Group/" + Caseloads.groupId(practitioner));
      }
    });
  }
}
