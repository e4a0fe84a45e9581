package org.casemgmt.adapter.fhirserver;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.casemgmt.adapter.testing.FhirServerTest;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An EHR's ordinary bundles, written by someone else: Synthea's one-patient transaction Bundles (shared sample data,
 * Apache-2.0, see ../shared/data/SOURCES.md) with MedicationRequests, Procedures, Immunizations, Claims,
 * DiagnosticReports and ImagingStudies. Each is accepted whole; what it wrote is searchable by patient and comes back
 * in the client's $everything.
 */
class ThirdPartyBundlesTest extends FhirServerTest {
  private static final Path SYNTHEA = Path.of("../../shared/data/synthea/fhir-bundles");
  /** The directory: referenced by the record, not part of a client's compartment. */
  private static final Set<String> NOT_THE_CLIENTS = Set.of("Patient", "Organization", "Practitioner");

  static Stream<Path> bundles() throws IOException {
    try (Stream<Path> files = Files.list(SYNTHEA)) {
      return files.filter(file -> file.toString().endsWith(".json")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bundles")
  void anEhrBundleIsStoredWholeAndEveryTypeIsFoundByPatient(Path file) throws IOException {
    IGenericClient fhir = fhir();
    Bundle sent = fhirContext.newJsonParser().parseResource(Bundle.class, Files.readString(file));

    Bundle answer = fhir.transaction().withBundle(sent).execute();

    assertThat(answer.getEntry()).hasSameSizeAs(sent.getEntry());
    String patient = answer.getEntry().stream().map(entry -> entry.getResponse().getLocation())
        .filter(location -> location.startsWith("Patient/")).findFirst().orElseThrow()
        .replaceFirst("/_history/.*", "");
    TreeMap<String, Integer> sentByType = count(sent.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
        .filter(resource -> !NOT_THE_CLIENTS.contains(resource.fhirType())).toList());

    TreeMap<String, Integer> everything = count(everything(fhir, patient));
    sentByType.forEach((type, sentCount) -> assertThat(everything.get(type)).as(type).isEqualTo(sentCount));
    sentByType.forEach((type, sentCount) -> assertThat(fhir.search().byUrl(type + "?patient=" + patient + "&_count=200")
        .returnBundle(Bundle.class).execute().getEntry()).filteredOn(entry -> entry.getResource().fhirType()
        .equals(type)).as(type + "?patient=").hasSize(sentCount));
  }

  private List<Resource> everything(IGenericClient fhir, String patient) {
    List<Resource> resources = new ArrayList<>();
    Bundle page = fhir.operation().onInstance(patient).named("$everything")
        .withParameters(new Parameters().addParameter("_count", new org.hl7.fhir.r4.model.IntegerType(200)))
        .useHttpGet().returnResourceType(Bundle.class).execute();
    while (page != null) {
      page.getEntry().forEach(entry -> resources.add(entry.getResource()));
      page = page.getLink(Bundle.LINK_NEXT) == null ? null : fhir.loadPage().next(page).execute();
    }
    return resources;
  }

  private static TreeMap<String, Integer> count(List<Resource> resources) {
    TreeMap<String, Integer> byType = new TreeMap<>();
    resources.forEach(resource -> byType.merge(resource.fhirType(), 1, Integer::sum));
    return byType;
  }
}
