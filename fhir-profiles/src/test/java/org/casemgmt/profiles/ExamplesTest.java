package org.casemgmt.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
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
    List<String> invalid;
    try (Stream<Path> files = Files.list(INVALID)) {
      invalid = files.filter(p -> p.toString().endsWith(".json")).map(ExamplesTest::read).toList();
    }
    for (String url : guide.profileUrls()) {
      String id = url.substring(url.lastIndexOf('/') + 1);
      assertThat(examples().map(Path::toString)).as("valid example of " + url)
          .anyMatch(name -> name.endsWith("-" + id + "-example.json"));
      assertThat(invalid).as("invalid fixture claiming " + url).anyMatch(json -> json.contains('"' + url + '"'));
    }
  }

  /**
   * Each invalid/expected*.csv (one per area of the guide) lists file|location|message|why: where the error is, what it
   * says, and why the fixture exists.
   */
  static Stream<Arguments> invalidFixtures() throws IOException {
    try (Stream<Path> tables = Files.list(INVALID)) {
      List<Path> csvs = tables.filter(p -> p.getFileName().toString().matches("expected.*\\.csv")).sorted().toList();
      List<Arguments> rows = new ArrayList<>();
      for (Path csv : csvs) {
        Files.readAllLines(csv).stream().skip(1).filter(line -> !line.isBlank())
            .map(line -> line.split("\\|", 4))
            .forEach(cells -> rows.add(Arguments.of((Object[]) cells)));
      }
      return rows.stream();
    }
  }

  @ParameterizedTest(name = "{0}: {3}")
  @MethodSource("invalidFixtures")
  void everyInvalidFixtureFailsForItsReason(String file, String location, String message, String why)
      throws IOException {
    List<SingleValidationMessage> errors = errors(INVALID.resolve(file));
    assertThat(errors).as(why)
        .anySatisfy(error -> {
          assertThat(error.getLocationString()).isEqualTo(location);
          assertThat(error.getMessage()).contains(message);
        });
  }

  private static List<SingleValidationMessage> errors(Path file) {
    return guide.errors(FhirContext.forR4Cached().newJsonParser().parseResource(read(file)));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
