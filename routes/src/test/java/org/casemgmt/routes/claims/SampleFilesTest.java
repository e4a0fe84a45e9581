package org.casemgmt.routes.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The public 837 samples (LinuxForHealth/x12, Apache-2.0; see claims/samples/README.md) fare as
 * claims/sample-outcomes.csv says. They use ICD-9 qualifiers (BK/BF), patient loops, other-payer loops, an empty
 * CLM05-2, and two of them composites with a separator their ISA does not declare.
 */
class SampleFilesTest {
  private static final Path SAMPLES = Path.of("src/test/resources/claims/samples");

  record Outcome(String file, String claimId, String outcome, String member, String kind, String principal,
                 String lines) {
    @Override
    public String toString() {
      return file + " " + claimId + " " + outcome;
    }
  }

  static List<Outcome> outcomes() throws IOException {
    try (Stream<String> lines = Files.lines(SAMPLES.resolveSibling("sample-outcomes.csv"), StandardCharsets.UTF_8)) {
      return lines.filter(line -> !line.startsWith("#") && !line.startsWith("file,") && !line.isBlank())
          .map(line -> line.split(",", -1))
          .map(f -> new Outcome(f[0], f[1], f[2], f[3], f[4], f[5], f[6]))
          .toList();
    }
  }

  @Test
  void everySampleHasItsOutcomes() throws IOException {
    try (Stream<Path> files = Files.list(SAMPLES)) {
      assertThat(outcomes().stream().map(Outcome::file).distinct())
          .containsExactlyInAnyOrderElementsOf(files.map(p -> p.getFileName().toString())
              .filter(name -> !name.endsWith(".md")).toList());
    }
  }

  @ParameterizedTest
  @MethodSource("outcomes")
  void sampleFaresAsExpected(Outcome expected) throws Exception {
    List<ParsedClaim> items = X12Fixtures.readAll(new X12ClaimParser().open(SAMPLES.resolve(expected.file())));
    List<Outcome> ofFile = outcomes().stream().filter(o -> o.file().equals(expected.file())).toList();
    assertThat(items).hasSameSizeAs(ofFile);
    ParsedClaim item = items.get(ofFile.indexOf(expected));

    assertThat(item.origin().fileName()).isEqualTo(expected.file());
    if (!expected.outcome().equals("claim")) {
      assertThat(item.rejection().claimId()).isEqualTo(expected.claimId());
      assertThat(item.rejection().element()).isEqualTo(expected.outcome());
      return;
    }
    Claim claim = item.claim();
    assertThat(claim.claimId()).isEqualTo(expected.claimId());
    assertThat(claim.member().id()).isEqualTo(expected.member());
    assertThat(claim.type() == ClaimType.INSTITUTIONAL ? claim.typeOfBill() : claim.placeOfService())
        .isEqualTo(expected.kind());
    assertThat(claim.principalDiagnosis()).hasValueSatisfying(dx -> {
      assertThat(dx.code()).isEqualTo(expected.principal());
      assertThat(dx.system()).isEqualTo(Diagnosis.CodeSystem.ICD_9_CM);
    });
    assertThat(claim.lines()).hasSize(Integer.parseInt(expected.lines()));
    assertThat(claim.from()).isNotNull();
  }

  @Test
  void anOtherPayersSubscriberIsNotTheMember() throws Exception {
    Claim claim = X12Fixtures.readAll(new X12ClaimParser().open(SAMPLES.resolve("demo.cob.example3.A.837")))
        .get(0).claim();

    assertThat(claim.member().id()).as("2010BA, not the 2330A T55TY666").isEqualTo("111223333");
    assertThat(claim.member().givenName()).as("the patient of 2010CA").isEqualTo("TED");
    assertThat(claim.member().dependent()).isTrue();
    assertThat(claim.renderingNpi()).isEqualTo("1999996666");
  }
}
