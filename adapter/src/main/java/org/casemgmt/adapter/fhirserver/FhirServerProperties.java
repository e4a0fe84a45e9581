package org.casemgmt.adapter.fhirserver;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the FHIR endpoint behaves.
 *
 * @param resourceTypes the resource types served (empty: every R4 type); the CapabilityStatement lists exactly these
 * @param defaultPageSize search results per page when the client does not ask ({@code _count})
 * @param maxPageSize the largest page a client may ask for
 * @param maxIncludesPerPage the most {@code _include}d and {@code _revinclude}d resources one page carries; a page cut
 *     there says so in an OperationOutcome
 * @param massIngestion HAPI's mass-ingestion mode for one-off bulk loads: it skips checks on updates, among them
 *     changes to tags and security labels, so it stays off for a service whose updates carry consent labels
 * @param searchParameters per resource type, the standard search parameters indexed ("*" for all of the type); empty
 *     means HAPI's defaults, all of them (see {@code config/search-parameters.yml})
 * @param defaultSearchParameters for served types {@code searchParameters} does not list: these of their standard
 *     parameters, with those that place them in the Patient compartment
 */
@ConfigurationProperties("adapter.fhir")
public record FhirServerProperties(
    List<String> resourceTypes,
    @DefaultValue("20") int defaultPageSize,
    @DefaultValue("1000") int maxPageSize,
    @DefaultValue("1000") int maxIncludesPerPage,
    @DefaultValue("false") boolean massIngestion,
    Map<String, List<String>> searchParameters,
    List<String> defaultSearchParameters) {

  public FhirServerProperties {
    resourceTypes = resourceTypes == null ? List.of() : resourceTypes;
    searchParameters = searchParameters == null ? Map.of() : searchParameters;
    defaultSearchParameters = defaultSearchParameters == null ? List.of() : defaultSearchParameters;
  }
}
