package org.casemgmt.adapter.fhirserver;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.model.config.PartitionSettings;
import ca.uhn.fhir.jpa.model.entity.StorageSettings.IndexEnabledEnum;
import java.util.Collection;
import org.casemgmt.profiles.ImplementationGuide;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The storage behaviour of HAPI's JPA server, chosen for a case-management record store. */
@Configuration
class FhirStorageSettingsConfig {

  @Bean
  SearchParameterPolicy searchParameterPolicy(FhirContext fhirContext, FhirServerProperties properties,
      ImplementationGuide guide) {
    Collection<String> served = properties.resourceTypes().isEmpty()
        ? fhirContext.getResourceTypes() : properties.resourceTypes();
    return new SearchParameterPolicy(fhirContext, properties.searchParameters(),
        new SearchParameterPolicy.Defaults(served, properties.defaultSearchParameters()), guide.searchParameters());
  }

  @Bean
  JpaStorageSettings storageSettings(FhirServerProperties properties, SearchParameterPolicy searchParameters) {
    JpaStorageSettings settings = new JpaStorageSettings();
    // Feeds reference resources that exist; a dangling reference is an error to report, not a placeholder to invent.
    settings.setAutoCreatePlaceholderReferenceTargets(false);
    settings.setEnforceReferentialIntegrityOnWrite(true);
    settings.setEnforceReferentialIntegrityOnDelete(true);
    settings.setAllowMultipleDelete(false);
    settings.setExpungeEnabled(false);
    // :missing searches are not used by our clients; indexing them costs a row per unset parameter.
    settings.setIndexMissingFields(IndexEnabledEnum.DISABLED);
    // HAPI's match-URL cache stays off: it is not invalidated when an identifier moves to another resource, which a
    // patient merge (ADT A40) does.
    settings.setMassIngestionMode(properties.massIngestion());
    settings.setAutoSupportDefaultSearchParams(!searchParameters.restrictsDefaults());
    // Read-your-writes: a search right after a write sees it. HAPI would answer a repeated search from its results
    // of up to a minute before (what an EHR's create-then-search finds stale).
    settings.setReuseCachedSearchResultsForMillis(null);
    // name:contains, as the specification defines it for strings (a scan: the client asks for it knowingly).
    settings.setAllowContainsSearches(true);
    settings.setMaximumIncludesToLoadPerPage(properties.maxIncludesPerPage());
    // HAPI pre-expands stored ValueSets in the background with Hibernate Search, which is off here (each attempt
    // would fail with a stack trace); the guide's value sets are expanded in memory by GuideTerminology instead.
    settings.setPreExpandValueSets(false);
    return settings;
  }

  @Bean
  PartitionSettings partitionSettings() {
    return new PartitionSettings();
  }
}
