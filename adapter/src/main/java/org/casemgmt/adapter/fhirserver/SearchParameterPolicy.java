package org.casemgmt.adapter.fhirserver;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.RuntimeResourceDefinition;
import ca.uhn.fhir.context.RuntimeSearchParam;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.casemgmt.profiles.ImplementationGuide;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;
import org.hl7.fhir.r4.model.SearchParameter;

/**
 * Indexes only the standard search parameters the adapter's users search by, as listed in
 * {@code config/search-parameters.yml}. Every active search parameter costs extraction work and index rows on each
 * write; with every standard parameter indexed, sustained ingest is 15-20% slower and cold ingest 30% (README).
 * The list is stored as SearchParameter resources with their standard canonical URLs, so the CapabilityStatement
 * shows exactly what can be searched, and removing a name from the list retires its SearchParameter. (HAPI's R4
 * model gives every standard parameter a URL of its own per resource type, e.g. {@code Patient-birthdate}, so one
 * resource has one base.)
 */
class SearchParameterPolicy {
  /** The canonical base of the search parameters defined by FHIR R4 itself. */
  static final String STANDARD_URL_BASE = "http://hl7.org/fhir/SearchParameter/";

  private final FhirContext fhirContext;
  private final Map<String, List<String>> allowed;
  private final Defaults defaults;
  private final List<SearchParameter> defined;

  /**
   * For the served types the list does not name: these of their standard parameters, and those that place them in
   * the Patient compartment.
   */
  record Defaults(Collection<String> servedTypes, List<String> names) {
    static final Defaults NONE = new Defaults(List.of(), List.of());
  }

  /**
   * @param allowed the standard parameters to index, by resource type; empty means all of them
   * @param defaults the parameters of the served types {@code allowed} does not name
   * @param defined the implementation guide's own search parameters, always in force
   */
  SearchParameterPolicy(FhirContext fhirContext, Map<String, List<String>> allowed, Defaults defaults,
      List<SearchParameter> defined) {
    this.fhirContext = fhirContext;
    this.allowed = allowed;
    this.defaults = defaults;
    this.defined = defined;
  }

  boolean restrictsDefaults() {
    return !allowed.isEmpty();
  }

  /**
   * The SearchParameter resources that realise the list (one per resource type and name) and the guide's own, by
   * canonical URL.
   */
  Map<String, SearchParameter> searchParameters() {
    Map<String, SearchParameter> byUrl = new LinkedHashMap<>();
    allowed.forEach((type, codes) -> {
      RuntimeResourceDefinition resource = resourceDefinition(type);
      for (String code : codes) {
        for (RuntimeSearchParam standard : standardParams(resource, code)) {
          byUrl.put(standard.getUri(), toResource(standard).addBase(type));
        }
      }
    });
    if (restrictsDefaults()) {
      defaults.servedTypes().stream().filter(type -> !allowed.containsKey(type)).forEach(type ->
          defaultParams(resourceDefinition(type))
              .forEach(standard -> byUrl.put(standard.getUri(), toResource(standard).addBase(type))));
    }
    defined.forEach(parameter -> byUrl.put(parameter.getUrl(), parameter));
    return byUrl;
  }

  private List<RuntimeSearchParam> defaultParams(RuntimeResourceDefinition resource) {
    return resource.getSearchParams().stream()
        .filter(p -> p.getUri() != null && p.getPath() != null && !p.getPath().isBlank())
        .filter(p -> defaults.names().contains(p.getName()) || p.getProvidesMembershipInCompartments() != null
            && p.getProvidesMembershipInCompartments().contains("Patient"))
        .toList();
  }

  /**
   * What must be written to bring the stored SearchParameters in line with the list: the listed and defined ones that
   * are missing or differ, and the standard or guide-defined ones no longer wanted, retired. Search parameters that
   * users created themselves are left alone. An unchanged list yields an empty transaction.
   */
  Bundle changesAgainst(Collection<SearchParameter> stored) {
    Map<String, SearchParameter> storedByUrl = new LinkedHashMap<>();
    stored.forEach(parameter -> storedByUrl.put(parameter.getUrl(), parameter));
    Map<String, SearchParameter> wanted = searchParameters();

    Bundle changes = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    wanted.forEach((url, parameter) -> {
      if (!sameDefinition(storedByUrl.get(url), parameter)) {
        put(changes, parameter);
      }
    });
    storedByUrl.values().stream()
        .filter(parameter -> managedHere(parameter.getUrl()) && !wanted.containsKey(parameter.getUrl())
            && parameter.getStatus() != PublicationStatus.RETIRED)
        .forEach(parameter -> put(changes, parameter.copy().setStatus(PublicationStatus.RETIRED)));
    return changes;
  }

  /** The resource types whose stored resources must be reindexed after the changes are written. */
  static Set<String> typesToReindex(Bundle changes) {
    Set<String> types = new TreeSet<>();
    changes.getEntry().forEach(entry ->
        ((SearchParameter) entry.getResource()).getBase().forEach(base -> types.add(base.getValue())));
    return types;
  }

  private boolean managedHere(String url) {
    return (restrictsDefaults() && url.startsWith(STANDARD_URL_BASE))
        || url.startsWith(ImplementationGuide.CANONICAL + "/SearchParameter/");
  }

  private static void put(Bundle transaction, SearchParameter parameter) {
    transaction.addEntry().setResource(parameter).getRequest()
        .setMethod(Bundle.HTTPVerb.PUT).setUrl("SearchParameter?url=" + parameter.getUrl());
  }

  /** Ids and meta are the store's (the guide's own carry the package's ids): the definitions are compared. */
  private static boolean sameDefinition(SearchParameter stored, SearchParameter wanted) {
    return stored != null && definition(stored).equalsDeep(definition(wanted));
  }

  private static SearchParameter definition(SearchParameter parameter) {
    SearchParameter definition = parameter.copy();
    definition.setIdElement(null);
    definition.setMeta(null);
    return definition;
  }

  private RuntimeResourceDefinition resourceDefinition(String type) {
    try {
      return fhirContext.getResourceDefinition(type);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("adapter.fhir.search-parameters names an unknown resource type: " + type, e);
    }
  }

  /** "*" stands for every standard parameter of the type (used for the low-volume conformance resources). */
  private static List<RuntimeSearchParam> standardParams(RuntimeResourceDefinition resource, String code) {
    if ("*".equals(code)) {
      return resource.getSearchParams().stream().filter(p -> p.getUri() != null && p.getPath() != null
          && !p.getPath().isBlank() && p.getComponents().isEmpty()).toList();
    }
    RuntimeSearchParam standard = resource.getSearchParam(code);
    if (standard == null || standard.getUri() == null) {
      Set<String> known = new TreeSet<>();
      resource.getSearchParams().forEach(p -> known.add(p.getName()));
      throw new IllegalArgumentException("adapter.fhir.search-parameters: " + resource.getName()
          + " has no standard search parameter '" + code + "'; known: " + known);
    }
    return List.of(standard);
  }

  private static SearchParameter toResource(RuntimeSearchParam standard) {
    SearchParameter parameter = new SearchParameter();
    parameter.setUrl(standard.getUri());
    parameter.setName(standard.getName());
    parameter.setCode(standard.getName());
    parameter.setStatus(PublicationStatus.ACTIVE);
    parameter.setDescription(standard.getDescription());
    parameter.setType(SearchParamType.fromCode(standard.getParamType().getCode()));
    parameter.setExpression(standard.getPath());
    standard.getTargets().forEach(parameter::addTarget);
    return parameter;
  }
}
