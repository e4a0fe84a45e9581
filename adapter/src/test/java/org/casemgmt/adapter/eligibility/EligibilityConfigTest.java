package org.casemgmt.adapter.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.casemgmt.adapter.eligibility.program.ProgramDefinitionException;
import org.casemgmt.adapter.eligibility.program.ProgramDefinitions;
import org.casemgmt.profiles.ImplementationGuide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;

/** Where the service finds its program definitions, and that a bad one stops it from starting. */
class EligibilityConfigTest {
  private static final ImplementationGuide GUIDE = new ImplementationGuide(FhirContext.forR4Cached());
  private final EligibilityConfig config = new EligibilityConfig();

  @Test
  void theDefaultIsTheCopyOfConfigProgramsOnTheClasspath() {
    ProgramDefinitions programs = config.programDefinitions(new EligibilityProperties("classpath:programs"),
        new DefaultResourceLoader(), GUIDE);

    assertThat(programs.ids())
        .containsExactlyInAnyOrder("claims-driven-tailored", "smi-functional-impairment", "smi-target-population");
  }

  @Test
  void aFileSystemDirectoryTakesTheirPlace(@TempDir Path directory) throws IOException {
    Files.writeString(directory.resolve("local.yaml"), """
        id: local
        title: Local program
        version: "1"
        valid-for: P30D
        criteria:
          - age: {minimum: 21}
        """);

    ProgramDefinitions programs = config.programDefinitions(new EligibilityProperties(directory + "/"),
        new DefaultResourceLoader(), GUIDE);

    assertThat(programs.ids()).containsExactly("local");
  }

  @Test
  void aMissingDirectoryStopsStartUpNamingTheProperty(@TempDir Path directory) {
    EligibilityProperties properties = new EligibilityProperties(directory.resolve("nowhere").toString());

    assertThatThrownBy(() -> config.programDefinitions(properties, new DefaultResourceLoader(), GUIDE))
        .hasMessageStartingWith("adapter.eligibility.programs: no directory of program definitions at ");
  }

  @Test
  void anInvalidDefinitionStopsStartUp(@TempDir Path directory) throws IOException {
    Files.writeString(directory.resolve("broken.yaml"), "id: broken\n");

    assertThatThrownBy(() -> config.programDefinitions(new EligibilityProperties("file:" + directory),
        new DefaultResourceLoader(), GUIDE))
        .isInstanceOf(ProgramDefinitionException.class)
        .hasMessage("broken.yaml: title (line 1): required key is missing");
  }
}
