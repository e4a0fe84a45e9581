package org.casemgmt.routes.ehr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;

/**
 * A searchset page as read: the matches of the type searched for (each once), the Patients included with them, the
 * next page's link and the matches' {@code meta.lastUpdated}. OperationOutcome entries (warnings) are left out.
 */
record SearchPage(List<Resource> matches, Map<String, Patient> included, String next, List<String> lastUpdated) {

  static SearchPage of(Bundle bundle, String type) {
    Map<String, Resource> matches = new LinkedHashMap<>();
    Map<String, Patient> included = new LinkedHashMap<>();
    List<Resource> withoutId = new ArrayList<>();
    for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
      Resource resource = entry.getResource();
      Bundle.SearchEntryMode mode = entry.getSearch().getMode();
      if (resource == null || mode == Bundle.SearchEntryMode.OUTCOME) {
        continue;
      }
      String id = resource.getIdElement().getIdPart();
      if (type.equals(resource.fhirType()) && mode != Bundle.SearchEntryMode.INCLUDE) {
        if (id == null) {
          withoutId.add(resource);
        } else {
          matches.put(id, resource);
        }
      } else if (resource instanceof Patient patient && id != null) {
        included.put(id, patient);
      }
    }
    List<Resource> all = new ArrayList<>(matches.values());
    all.addAll(withoutId);
    List<String> lastUpdated = all.stream().filter(r -> r.getMeta().hasLastUpdated())
        .map(r -> r.getMeta().getLastUpdatedElement().getValueAsString()).toList();
    Bundle.BundleLinkComponent next = bundle.getLink(Bundle.LINK_NEXT);
    return new SearchPage(all, included, next == null || !next.hasUrl() ? null : next.getUrl(), lastUpdated);
  }
}
