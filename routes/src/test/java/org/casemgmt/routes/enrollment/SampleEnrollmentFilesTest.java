package org.casemgmt.routes.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.casemgmt.routes.enrollment.MemberMaintenance.Residence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The public 834 samples (LinuxForHealth/x12, Apache-2.0; see enrollment/samples/README.md) fare as
 * enrollment/sample-outcomes.csv says: employer-group examples read as Medicaid enrollment, the dependents refused.
 */
class SampleEnrollmentFilesTest {
  private static final Path SAMPLES = Path.of("src/test/resources/enrollment/samples");

  record Outcome(String file, String outcome, String member, String maintenance, String effective, String name,
                 String born, String address, String coverages) {
    @Override
    public String toString() {
      return file + " " + outcome;
    }
  }

  static List<Outcome> outcomes() throws IOException {
    try (Stream<String> lines = Files.lines(SAMPLES.resolveSibling("sample-outcomes.csv"), StandardCharsets.UTF_8)) {
      return lines.filter(line -> !line.startsWith("#") && !line.startsWith("file,") && !line.isBlank())
          .map(line -> line.split(",", -1))
          .map(f -> new Outcome(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8]))
          .toList();
    }
  }

  @Test
  void everySampleHasItsOutcome() throws IOException {
    try (Stream<Path> files = Files.list(SAMPLES)) {
      assertThat(outcomes().stream().map(Outcome::file))
          .containsExactlyInAnyOrderElementsOf(files.map(p -> p.getFileName().toString())
              .filter(name -> !name.endsWith(".md")).toList());
    }
  }

  @ParameterizedTest
  @MethodSource("outcomes")
  void sampleFaresAsExpected(Outcome expected) throws Exception {
    List<ParsedMember> items = Enrollment834Files.readAll(SAMPLES.resolve(expected.file()));
    assertThat(items).hasSize(1);
    ParsedMember item = items.get(0);
    assertThat(item.origin().envelope().fileName()).isEqualTo(expected.file());
    if (!expected.outcome().equals("member")) {
      assertThat(item.rejection().memberId()).isEqualTo(expected.member());
      assertThat(item.rejection().fault().element()).isEqualTo(expected.outcome());
      return;
    }
    MemberMaintenance member = item.maintenance();
    assertThat(member.memberId()).isEqualTo(expected.member());
    assertThat(member.maintenance().name()).isEqualTo(expected.maintenance());
    assertThat(member.effective()).hasToString(expected.effective());
    assertThat(Stream.of(member.name().family(), member.name().given(), member.name().middle())
        .filter(part -> part != null).collect(Collectors.joining(" "))).isEqualTo(expected.name());
    assertThat(member.birthDate() == null ? "" : member.birthDate() + " " + member.gender())
        .isEqualTo(expected.born());
    Residence address = member.address();
    assertThat(address == null ? "" : String.join("|", (address.line1() + (address.line2() == null ? ""
        : " " + address.line2())), address.city(), address.state(), address.postalCode(),
        address.county() == null ? "" : address.county())).isEqualTo(expected.address());
    assertThat(member.coverages().stream().map(coverage -> coverage.maintenance() + " " + coverage.insuranceLine()
        + " " + coverage.start() + ".." + (coverage.end() == null ? "" : coverage.end()))
        .collect(Collectors.joining(";"))).isEqualTo(expected.coverages());
    assertThat(member.payer().id()).isEqualTo("654456654");
  }

  @Test
  void aMemberTerminationWithoutCoverageLoopsEndsOnTheEligibilityEndDate() throws Exception {
    MemberMaintenance member = Enrollment834Files.readAll(SAMPLES.resolve("terminate-subscriber-eligibility.834"))
        .get(0).maintenance();
    assertThat(member.eligibilityEnd()).isEqualTo(LocalDate.of(1996, 8, 1));
  }

  @Test
  void aProvidersNameAndTheMembersIncorrectNameAreNotTheMember() throws Exception {
    // change-subscriber-information.834 sends the incorrect name (NM1*70) with another birth date after the right one
    assertThat(Enrollment834Files.readAll(SAMPLES.resolve("change-subscriber-information.834")).get(0)
        .maintenance().birthDate()).isEqualTo(LocalDate.of(1950, 4, 15));
    // enroll-employee-managed-care.834 names a primary care provider (LX, NM1*P3) after the coverage
    assertThat(Enrollment834Files.readAll(SAMPLES.resolve("enroll-employee-managed-care.834")).get(0)
        .maintenance().name().family()).isEqualTo("SMITH");
  }
}
