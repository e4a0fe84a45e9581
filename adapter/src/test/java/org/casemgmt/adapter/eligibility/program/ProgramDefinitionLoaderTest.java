package org.casemgmt.adapter.eligibility.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.casemgmt.adapter.eligibility.ShippedPrograms;
import org.casemgmt.adapter.eligibility.evidence.PayerKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** Program files are checked on loading, and every problem names the file, the key and the line. */
class ProgramDefinitionLoaderTest {
  private static final Path INVALID = Path.of("src/test/resources/eligibility/invalid");
  private static final String VALID = """
      id: %s
      title: A program
      version: "2026.1"
      valid-for: P90D
      criteria:
        - age: {minimum: 18}
      """;

  private final ProgramDefinitionLoader loader = ShippedPrograms.loader();

  @ParameterizedTest(name = "{0}")
  @CsvFileSource(resources = "/eligibility/invalid/expected-problems.csv", delimiter = '|', numLinesToSkip = 1)
  void aBrokenDefinitionIsRefusedWithTheFileKeyAndLine(String file, String problem) throws IOException {
    ProgramSource source = new ProgramSource(file, Files.readString(INVALID.resolve(file)));

    ProgramDefinitionException refused = catchThrowableOfType(() -> loader.load(List.of(source)),
        ProgramDefinitionException.class);

    assertThat(refused).as("refused").isNotNull();
    assertThat(refused.problems()).containsExactly(problem);
  }

  @Test
  void textThatIsNotYamlIsRefusedWithTheLine() throws IOException {
    ProgramSource source = new ProgramSource("not-yaml.yaml", Files.readString(INVALID.resolve("not-yaml.yaml")));

    assertThatThrownBy(() -> loader.load(List.of(source)))
        .isInstanceOf(ProgramDefinitionException.class)
        .hasMessageStartingWith("not-yaml.yaml: not valid YAML: ")
        .hasMessageContaining("line 3");
  }

  @Test
  void aProgramIdDefinedTwiceIsRefusedNamingBothFiles() {
    List<ProgramSource> sources = List.of(new ProgramSource("a.yaml", VALID.formatted("smi")),
        new ProgramSource("b.yaml", VALID.formatted("smi")));

    assertThatThrownBy(() -> loader.load(sources))
        .isInstanceOf(ProgramDefinitionException.class)
        .hasMessage("b.yaml: id: program id 'smi' is already defined in a.yaml");
  }

  @Test
  void everyBrokenFileIsReportedAtOnce() {
    List<ProgramSource> sources = List.of(
        new ProgramSource("a.yaml", VALID.formatted("a").replace("P90D", "90 days")),
        new ProgramSource("b.yaml", VALID.formatted("b")),
        new ProgramSource("c.yaml", VALID.formatted("c").replace("minimum", "minimun")));

    ProgramDefinitionException refused = catchThrowableOfType(() -> loader.load(sources),
        ProgramDefinitionException.class);

    assertThat(refused.problems()).hasSize(2);
    assertThat(refused.problems().get(0)).startsWith("a.yaml: valid-for (line 4): ");
    assertThat(refused.problems().get(1)).startsWith("c.yaml: criteria[0].age.minimun (line 6): ");
    assertThat(refused).hasMessageStartingWith("2 problems in the program definitions:");
  }

  @Test
  void aValueSetIsExpandedByTheShellIntoPrefixes() {
    String yaml = """
        id: with-value-set
        title: A program
        version: "1"
        valid-for: P90D
        criteria:
          - diagnosis:
              value-set: https://fhir.casemgmt-adapter.org/ValueSet/smi-diagnosis
              codes: [F60.3]
              confirmed-by: {clinician-condition: true}
        """;
    DiagnosisValueSets valueSets = url -> Optional.ofNullable(
        Map.of("https://fhir.casemgmt-adapter.org/ValueSet/smi-diagnosis", Set.of("F20", "F32.2")).get(url));

    ProgramDefinition program = new ProgramDefinitionLoader(valueSets)
        .load(List.of(new ProgramSource("with-value-set.yaml", yaml))).get("with-value-set");

    Criterion.Diagnosis diagnosis = (Criterion.Diagnosis) program.criteria().get(0);
    assertThat(diagnosis.codes()).containsExactlyInAnyOrder("F20", "F322", "F603");
    assertThat(diagnosis.valueSet()).isEqualTo("https://fhir.casemgmt-adapter.org/ValueSet/smi-diagnosis");
    assertThat(diagnosis.qualifies("F32.2")).isTrue();
    assertThat(diagnosis.qualifies("F32.1")).isFalse();
  }

  @Test
  void aDirectoryIsReadFileByFileIgnoringOtherFiles(@TempDir Path directory) throws IOException {
    Files.writeString(directory.resolve("one.yaml"), VALID.formatted("one"));
    Files.writeString(directory.resolve("two.yml"), VALID.formatted("two"));
    Files.writeString(directory.resolve("README.md"), "not a program");

    ProgramDefinitions programs = loader.loadDirectory(directory);

    assertThat(programs.ids()).containsExactlyInAnyOrder("one", "two");
    assertThat(programs.get("two").source()).isEqualTo("two.yml");
  }

  @Test
  void aMissingDirectoryIsRefused(@TempDir Path directory) {
    assertThatThrownBy(() -> loader.loadDirectory(directory.resolve("programs")))
        .isInstanceOf(ProgramDefinitionException.class)
        .hasMessageEndingWith("programs: no such directory of program definitions");
  }

  @Test
  void anUnknownProgramIdNamesTheProgramsThereAre() {
    ProgramDefinitions programs = loader.load(List.of(new ProgramSource("a.yaml", VALID.formatted("a"))));

    assertThat(programs.find("b")).isEmpty();
    assertThatThrownBy(() -> programs.get("b")).hasMessage("no program 'b'; the programs are a");
  }

  @Test
  void theShippedProgramsLoadAsWritten() {
    ProgramDefinitions programs = loader.loadDirectory(Path.of("../config/programs"));

    assertThat(programs.ids())
        .containsExactlyInAnyOrder("claims-driven-tailored", "smi-functional-impairment", "smi-target-population");
    ProgramDefinition claimsDriven = programs.get("claims-driven-tailored");
    assertThat(claimsDriven.version()).isEqualTo("2026.1");
    assertThat(claimsDriven.validFor()).isEqualTo(Period.ofDays(90));
    assertThat(claimsDriven.countDeniedClaims()).isFalse();
    assertThat(claimsDriven.criteria()).extracting(Criterion::id)
        .containsExactly("diagnosis", "functional-impairment", "residency", "payer", "age");
    Criterion.Group impairment = (Criterion.Group) claimsDriven.criteria().get(1);
    assertThat(((Criterion.AnyOf) impairment.rule()).parts()).extracting(Criterion::id).containsExactly(
        "psych-inpatient-episodes", "psych-ed-visits", "crisis-episodes", "state-hospital-admission");
    assertThat(((Criterion.EpisodeCount) ((Criterion.AnyOf) impairment.rule()).parts().get(0)).within())
        .isEqualTo(Period.ofMonths(24));
    assertThat(((Criterion.Payer) programs.get("smi-target-population").criteria().get(3)).accepts())
        .containsExactlyInAnyOrder(PayerKind.MEDICAID, PayerKind.STATE_FUNDED);
    assertThat(((Criterion.Residency) programs.get("smi-target-population").criteria().get(2)).counties())
        .containsExactlyInAnyOrder("sangamon", "menard", "logan");
  }
}
