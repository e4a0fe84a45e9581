package org.casemgmt.routes.claims.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.casemgmt.routes.claims.ClaimRejection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The generator's promise, checked with the parsers the pipeline uses: the files hold exactly the claims, lines and
 * rejections the manifest announces, a seed always gives the same bytes, and the share of psychiatric members is
 * the one asked for.
 */
class ClaimFileGeneratorTest {
  @TempDir
  Path folder;

  /** 150 members, 3,000 lines: 20 a member, as in the 1,000,000-line benchmark file, small enough for seconds. */
  private static ClaimFileRequest small(ClaimFileFormat format) {
    return ClaimFileRequest.of(format, 150, 3_000, 7).withPsychiatricShare(0.3).withClaimsPerTransaction(60);
  }

  private ClaimFileManifest write(ClaimFileRequest request, String name) throws Exception {
    return new ClaimFileGenerator(request).write(folder.resolve(name));
  }

  @ParameterizedTest
  @EnumSource(ClaimFileFormat.class)
  void theParserReadsTheManifestsClaimsLinesAndOneRejectionPerMalformedClaim(ClaimFileFormat format)
      throws Exception {
    ClaimFileRequest request = small(format).withMalformedShare(0.05).withAdjustmentShare(0.1)
        .withDeniedShare(format == ClaimFileFormat.CSV ? 0.1 : 0);

    ClaimFileManifest manifest = write(request, "claims");
    ParsedFiles parsed = ParsedFiles.of(manifest);

    assertThat(manifest.lines()).as("the requested lines, exactly").isEqualTo(3_000);
    assertThat(manifest.malformedClaims()).isPositive();
    assertThat(parsed.claims()).hasSize((int) manifest.acceptedClaims());
    assertThat(parsed.lines()).isEqualTo(manifest.acceptedLines());
    assertThat(parsed.rejections()).hasSize((int) manifest.malformedClaims());
    assertThat(parsed.rejections()).as("each refuses one claim, named, and no envelope")
        .allSatisfy(r -> assertThat(r.scope()).isEqualTo(ClaimRejection.Scope.CLAIM))
        .extracting(ClaimRejection::claimId).doesNotContainNull().doesNotHaveDuplicates();
    assertThat(manifest.institutionalClaims() + manifest.professionalClaims()).isEqualTo(manifest.claims());
    assertThat(manifest.replacedClaims()).isPositive();
    assertThat(manifest.voidedClaims()).isPositive();
    assertThat(manifest.deniedClaims() > 0).isEqualTo(format == ClaimFileFormat.CSV);
  }

  @ParameterizedTest
  @EnumSource(ClaimFileFormat.class)
  void withoutAMalformedShareEveryClaimIsRead(ClaimFileFormat format) throws Exception {
    ClaimFileManifest manifest = write(small(format).withAdjustmentShare(0.2), "claims");
    ParsedFiles parsed = ParsedFiles.of(manifest);

    assertThat(parsed.rejections()).isEmpty();
    assertThat(manifest.malformedClaims()).isZero();
    assertThat(parsed.claims()).hasSize((int) manifest.claims());
    assertThat(parsed.lines()).isEqualTo(3_000);
  }

  @ParameterizedTest
  @EnumSource(value = ClaimFileFormat.class, names = {"CSV", "X12_PAIR"})
  void theSameSeedGivesTheSameBytesAndAnotherSeedOtherOnes(ClaimFileFormat format) throws Exception {
    ClaimFileRequest request = small(format).withMalformedShare(0.02).withAdjustmentShare(0.1);
    ClaimFileManifest first = write(request, "first");
    ClaimFileManifest again = write(request, "again");
    ClaimFileManifest other = write(request.withSeed(8), "other");

    for (int i = 0; i < first.files().size(); i++) {
      assertThat(Files.mismatch(first.files().get(i), again.files().get(i))).isEqualTo(-1L);
      assertThat(Files.mismatch(first.files().get(i), other.files().get(i))).isNotEqualTo(-1L);
    }
    assertThat(again.toProperties()).isEqualTo(first.toProperties().replace("first", "again"));
    assertThat(other.lines()).isEqualTo(first.lines());
  }

  @Test
  void theShareOfPsychiatricMembersIsTheRequestedOneAndOnlyTheyHavePsychiatricDiagnoses() throws Exception {
    ClaimFileManifest manifest = write(ClaimFileRequest.of(ClaimFileFormat.CSV, 2_000, 16_000, 11)
        .withPsychiatricShare(0.25), "claims.csv");
    ParsedFiles parsed = ParsedFiles.of(manifest);

    // binomial(2000, 0.25): standard deviation 19 members; three of them either side
    assertThat(manifest.psychiatricMembers()).isBetween(500 - 58, 500 + 58);
    Set<String> withPsychiatricDiagnoses = parsed.claims().stream()
        .filter(c -> c.diagnoses().stream().anyMatch(d -> d.code().startsWith("F")))
        .map(c -> c.member().id()).collect(Collectors.toSet());
    assertThat(withPsychiatricDiagnoses).hasSize(manifest.psychiatricMembers());
  }

  @Test
  void noPsychiatricShareMeansNoPsychiatricDiagnosisAndNoEpisode() throws Exception {
    ClaimFileManifest manifest = write(small(ClaimFileFormat.CSV).withPsychiatricShare(0), "claims.csv");

    assertThat(ParsedFiles.of(manifest).claims()).flatExtracting(c -> c.diagnoses())
        .noneMatch(d -> d.code().startsWith("F"));
    assertThat(manifest.psychiatricMembers()).isZero();
    assertThat(manifest.inpatientEpisodes() + manifest.emergencyVisitDays() + manifest.crisisServiceDays()).isZero();
  }

  @ParameterizedTest
  @EnumSource(ClaimFileFormat.class)
  void withOneLineAMemberEveryPsychiatricMemberStillHasAnEpisode(ClaimFileFormat format) throws Exception {
    ClaimFileManifest manifest = write(ClaimFileRequest.of(format, 200, 200, 5).withPsychiatricShare(0.5),
        "claims");
    ParsedFiles parsed = ParsedFiles.of(manifest);

    assertThat(parsed.lines()).isEqualTo(200);
    assertThat(parsed.claims()).hasSize(200);
    assertThat(manifest.inpatientEpisodes() + manifest.emergencyVisitDays() + manifest.crisisServiceDays())
        .isEqualTo(manifest.psychiatricMembers());
    assertThat(parsed.claims().stream().filter(EpisodeDerivation::psychiatric).count())
        .isEqualTo(manifest.psychiatricMembers());
  }

  @Test
  void aRequestTheFormatCannotCarryIsRefused() {
    assertThatThrownBy(() -> ClaimFileRequest.of(ClaimFileFormat.X12_837I, 10, 100, 1).withDeniedShare(0.1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no payment status");
    assertThatThrownBy(() -> ClaimFileRequest.of(ClaimFileFormat.CSV, 10, 9, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("every member has a claim");
    assertThatThrownBy(() -> ClaimFileRequest.of(ClaimFileFormat.CSV, 10, 100, 1).withMalformedShare(1.5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("malformedShare");
  }

  @Test
  void theCommandLineWritesTheFilesAndTheManifestBesideThemAndPrintsIt() throws Exception {
    Path target = folder.resolve("bench");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int status = GeneratorCommandLine.run(new String[] {"--format", "x12-pair", "--members", "30", "--lines", "600",
        "--seed", "3", "--malformed-share", "0.1", "--out", target.toString()},
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
    ClaimFileManifest expected = new ClaimFileGenerator(ClaimFileRequest.of(ClaimFileFormat.X12_PAIR, 30, 600, 3)
        .withMalformedShare(0.1)).write(folder.resolve("bench"));
    assertThat(Files.readString(folder.resolve("bench.manifest.properties"))).isEqualTo(expected.toProperties());
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith(expected.toProperties())
        .contains("files=bench.837i,bench.837p");
    assertThat(GeneratorCommandLine.run(new String[] {"--format", "pdf", "--out", "x"}, System.out,
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))).isEqualTo(2);
  }
}
