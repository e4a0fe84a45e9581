package org.casemgmt.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every example in the package validates cleanly; every invalid fixture fails for the reason it was written for. */
class ExamplesTest {
  private static final Path EXAMPLES = Path.of("src/main/fhir/package/example");
  private static final Path INVALID = Path.of("src/test/resources/invalid");
  private static ImplementationGuide guide;

  @BeforeAll
  static void loadGuide() {
    guide = new ImplementationGuide(FhirContext.forR4Cached());
  }

  @Test
  void theGuideDefinesItsProfiles() {
    assertThat(guide.profileUrls()).contains(
        ImplementationGuide.CANONICAL + "/StructureDefinition/client",
        ImplementationGuide.CANONICAL + "/StructureDefinition/hospitalization",
        ImplementationGuide.CANONICAL + "/StructureDefinition/diagnosis");
  }

  static Stream<Path> examples() throws IOException {
    return Files.list(EXAMPLES).filter(p -> p.toString().endsWith(".json")).sorted();
  }

  @ParameterizedTest(name = "{0} is valid")
  @MethodSource("examples")
  void everyExampleValidatesWithoutErrors(Path example) throws IOException {
    assertThat(errors(example)).isEmpty();
  }

  @Test
  void everyProfileHasAValidExampleAndAnInvalidOne() throws IOException {
    for (String url : guide.profileUrls()) {
      String type = url.substring(url.lastIndexOf('/') + 1);
      assertThat(examples().map(Path::toString)).as("valid example of " + url)
          .anyMatch(name -> name.contains("-" + type + "-example"));
    }
    try (Stream<Path> invalid = Files.list(INVALID)) {
      assertThat(invalid.map(p -> p.getFileName().toString().split("-")[0]).distinct())
          .contains("Patient", "Encounter", "Condition");
    }
  }

  /** invalid/expected.csv: file, where the error is, what it says, and why the fixture exists. */
  @ParameterizedTest(name = "{0}: {3}")
  @CsvFileSource(resources = "/invalid/expected.csv", numLinesToSkip = 1, delimiter = '|')
  void everyInvalidFixtureFailsForItsReason(String file, String location, String message, String why)
      throws IOException {
    List<SingleValidationMessage> errors = errors(INVALID.resolve(file));
    assertThat(errors).as(why)
        .anySatisfy(error -> {
          assertThat(error.getLocationString()).isEqualTo(location);
          assertThat(error.getMessage()).contains(message);
        });
  }

  private static List<SingleValidationMessage> errors(Path file) throws IOException {
    return guide.errors(FhirContext.forR4Cached().newJsonParser().parseResource(Files.readString(file)));
  }
}
