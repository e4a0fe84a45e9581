package org.casemgmt.routes.claims.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file far larger than any fixture, written and read through. The generator holds one member's claims at a time by
 * design (plan a member, write it, forget it); this checks that such a file comes out whole and consistent. No
 * timing is asserted: the machine may be busy.
 */
class ClaimFileGeneratorStreamingTest {
  @TempDir
  Path folder;

  @Test
  void aCsvOf200000LinesIsWrittenWithTheManifestsCounts() throws Exception {
    ClaimFileManifest manifest = new ClaimFileGenerator(ClaimFileRequest.of(ClaimFileFormat.CSV, 10_000, 200_000, 1)
        .withMalformedShare(0.001).withAdjustmentShare(0.02).withDeniedShare(0.05))
        .write(folder.resolve("large.csv"));
    ParsedFiles parsed = ParsedFiles.of(manifest);

    assertThat(manifest.lines()).isEqualTo(200_000);
    assertThat(Files.lines(manifest.files().get(0)).count()).as("header and one row a line").isEqualTo(200_001);
    assertThat(parsed.claims()).hasSize((int) manifest.acceptedClaims());
    assertThat(parsed.lines()).isEqualTo(manifest.acceptedLines());
    assertThat(parsed.rejections()).hasSize((int) manifest.malformedClaims());
  }
}
