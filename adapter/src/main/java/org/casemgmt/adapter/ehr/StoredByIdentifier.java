package org.casemgmt.adapter.ehr;

import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Resource;

/**
 * The stored resources of one type holding any of a page's identifiers, found with a few searches rather than one per
 * resource: {@code identifier=a,b,c...}.
 */
final class StoredByIdentifier {
  private static final int TOKENS_PER_SEARCH = 100;

  private final Map<String, Resource> byIdentifier = new HashMap<>();

  StoredByIdentifier(IFhirResourceDao<? extends IBaseResource> dao, Collection<Identifier> identifiers) {
    List<Identifier> usable = identifiers.stream().filter(id -> id.hasSystem() && id.hasValue()).toList();
    for (int from = 0; from < usable.size(); from += TOKENS_PER_SEARCH) {
      TokenOrListParam any = new TokenOrListParam();
      usable.subList(from, Math.min(usable.size(), from + TOKENS_PER_SEARCH))
          .forEach(id -> any.add(id.getSystem(), id.getValue()));
      SearchParameterMap search = SearchParameterMap.newSynchronous().add("identifier", any);
      for (IBaseResource found : dao.searchForResources(search, new SystemRequestDetails())) {
        Resource resource = (Resource) found;
        identifiersOf(resource).forEach(id -> byIdentifier.putIfAbsent(key(id), resource));
      }
    }
  }

  /** The stored resource holding the first of these identifiers that any holds. */
  Optional<Resource> find(List<Identifier> identifiers) {
    return identifiers.stream().map(id -> byIdentifier.get(key(id))).filter(found -> found != null).findFirst();
  }

  static String key(Identifier identifier) {
    return identifier.getSystem() + "|" + identifier.getValue();
  }

  @SuppressWarnings("unchecked")
  static List<Identifier> identifiersOf(Resource resource) {
    return resource.getNamedProperty("identifier") == null ? List.of()
        : new ArrayList<>((List<Identifier>) (List<?>) resource.getNamedProperty("identifier").getValues());
  }
}
