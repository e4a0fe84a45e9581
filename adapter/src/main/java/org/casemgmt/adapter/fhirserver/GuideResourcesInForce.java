package org.casemgmt.adapter.fhirserver;

import ca.uhn.fhir.IHapiBootOrder;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.casemgmt.profiles.ImplementationGuide;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.SearchParameter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Publishes the implementation guide on the API at start-up: its profiles, extensions, value sets, code systems,
 * questionnaires and ImplementationGuide resource are stored under their ids in the package ({@code
 * Questionnaire/phq-9}), so clients read and search them and HAPI's terminology operations know them. A resource is
 * written only when the package's differs from the stored one, all in one transaction, so an unchanged guide costs
 * one search per resource type and a changed one gives new versions of what changed. (The guide's SearchParameters
 * are stored by {@link SearchParametersInForce}, which also reindexes.)
 */
@Component
class GuideResourcesInForce {
  private static final Logger log = LoggerFactory.getLogger(GuideResourcesInForce.class);

  private final ImplementationGuide guide;
  private final DaoRegistry daoRegistry;
  private final IFhirSystemDao<Bundle, ?> systemDao;

  GuideResourcesInForce(ImplementationGuide guide, DaoRegistry daoRegistry, IFhirSystemDao<Bundle, ?> systemDao) {
    this.guide = guide;
    this.daoRegistry = daoRegistry;
    this.systemDao = systemDao;
  }

  @EventListener(ContextRefreshedEvent.class)
  @Order(IHapiBootOrder.ADD_JOB_DEFINITIONS + 2)
  void apply() {
    publish();
  }

  /** Writes what differs from the package and answers how many resources were written. */
  int publish() {
    long started = System.nanoTime();
    Map<String, List<Resource>> published = guide.publishedResources().stream()
        .filter(resource -> !(resource instanceof SearchParameter))
        .collect(Collectors.groupingBy(Resource::fhirType, TreeMap::new, Collectors.toList()));
    Bundle changes = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    published.forEach((type, resources) -> {
      Map<String, IBaseResource> stored = stored(type, resources);
      resources.stream().filter(resource -> !sameContent(stored.get(resource.getIdPart()), resource))
          .forEach(resource -> changes.addEntry().setResource(resource).getRequest()
              .setMethod(Bundle.HTTPVerb.PUT).setUrl(type + "/" + resource.getIdPart()));
    });
    if (!changes.getEntry().isEmpty()) {
      systemDao.transaction(new SystemRequestDetails(), changes);
    }
    long total = published.values().stream().mapToLong(List::size).sum();
    log.info("Implementation guide on the API: {} resources ({}), {} written, in {} ms", total,
        published.entrySet().stream().map(e -> e.getValue().size() + " " + e.getKey())
            .collect(Collectors.joining(", ")),
        changes.getEntry().size(), (System.nanoTime() - started) / 1_000_000);
    return changes.getEntry().size();
  }

  private Map<String, IBaseResource> stored(String type, List<Resource> resources) {
    TokenOrListParam ids = new TokenOrListParam();
    resources.forEach(resource -> ids.add(resource.getIdPart()));
    IFhirResourceDao<?> dao = daoRegistry.getResourceDao(type);
    List<? extends IBaseResource> found = dao.searchForResources(
        new SearchParameterMap().setLoadSynchronous(true).add("_id", ids), new SystemRequestDetails());
    return found.stream().collect(Collectors.toMap(resource -> resource.getIdElement().getIdPart(), resource -> (IBaseResource) resource));
  }

  /** The same but for what the server keeps itself: version, last update time, source. */
  private static boolean sameContent(IBaseResource stored, Resource published) {
    return stored != null && comparable((Resource) stored).equalsDeep(comparable(published));
  }

  private static Resource comparable(Resource resource) {
    Resource copy = resource.copy();
    copy.setIdElement(null);
    copy.setMeta(new Meta().setProfile(resource.getMeta().getProfile()));
    return copy;
  }
}
