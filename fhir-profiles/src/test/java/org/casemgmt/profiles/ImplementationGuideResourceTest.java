package org.casemgmt.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

/** The guide's ImplementationGuide resource lists exactly what the package holds, examples included. */
class ImplementationGuideResourceTest {
  private static final Path PACKAGE = Path.of("src/main/fhir/package");
  private final FhirContext fhirContext = FhirContext.forR4Cached();

  @Test
  void itListsEveryResourceAndExampleOfThePackage() throws IOException {
    ImplementationGuide guide = new ImplementationGuide(fhirContext);
    org.hl7.fhir.r4.model.ImplementationGuide ig = guide.publishedResources().stream()
        .filter(org.hl7.fhir.r4.model.ImplementationGuide.class::isInstance)
        .map(org.hl7.fhir.r4.model.ImplementationGuide.class::cast).findFirst().orElseThrow();

    List<String> listed = ig.getDefinition().getResource().stream()
        .map(resource -> resource.getReference().getReference()).sorted().toList();
    List<String> inPackage;
    try (Stream<Path> files = Stream.concat(Files.list(PACKAGE), Files.list(PACKAGE.resolve("example")))) {
      inPackage = files.filter(file -> file.getFileName().toString().matches("[A-Z].*\\.json"))
          .map(this::read).filter(resource -> !(resource instanceof org.hl7.fhir.r4.model.ImplementationGuide))
          .map(resource -> resource.fhirType() + "/" + resource.getIdPart()).sorted().toList();
    }
    assertThat(listed).isEqualTo(inPackage);
    assertThat(guide.implementationGuideUrl()).isEqualTo(ImplementationGuide.CANONICAL
        + "/ImplementationGuide/casemgmt.fhir.ig");
    assertThat(guide.errors(ig)).isEmpty();
  }

  /** The guide says what its servers support: every profile under its type, every search parameter it defines. */
  @Test
  void itsServerCapabilityStatementNamesEveryProfileAndSearchParameter() {
    ImplementationGuide guide = new ImplementationGuide(fhirContext);
    org.hl7.fhir.r4.model.CapabilityStatement statement = guide.publishedResources().stream()
        .filter(org.hl7.fhir.r4.model.CapabilityStatement.class::isInstance)
        .map(org.hl7.fhir.r4.model.CapabilityStatement.class::cast).findFirst().orElseThrow();

    assertThat(statement.getUrl()).isEqualTo(guide.serverCapabilitiesUrl());
    assertThat(guide.errors(statement)).isEmpty();
    assertThat(statement.getImplementationGuide()).extracting(url -> url.getValue())
        .containsExactly(guide.implementationGuideUrl());
    var resources = statement.getRestFirstRep().getResource();
    guide.profilesByType().forEach((type, profiles) -> assertThat(resources).as(type)
        .anySatisfy(resource -> {
          assertThat(resource.getType()).isEqualTo(type);
          assertThat(resource.getSupportedProfile()).extracting(url -> url.getValue())
              .containsExactlyInAnyOrderElementsOf(profiles);
        }));
    assertThat(resources.stream().flatMap(resource -> resource.getSearchParam().stream())
        .map(parameter -> parameter.getDefinition()).toList())
        .containsExactlyInAnyOrderElementsOf(guide.searchParameters().stream().map(p -> p.getUrl()).toList());
  }

  private Resource read(Path file) {
    try {
      return (Resource) fhirContext.newJsonParser().parseResource(Files.readString(file));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
