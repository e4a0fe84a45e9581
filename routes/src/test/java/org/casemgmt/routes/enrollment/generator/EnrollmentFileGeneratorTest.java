package org.casemgmt.routes.enrollment.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.casemgmt.routes.enrollment.EnrollmentReader;
import org.casemgmt.routes.enrollment.ParsedMember;
import org.casemgmt.routes.enrollment.X12EnrollmentParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A generated 834 reads back as what the generator says it wrote, and the same request gives the same bytes. */
class EnrollmentFileGeneratorTest {
  @TempDir
  Path folder;

  @Test
  void theParserReadsEveryMemberAndRefusesExactlyTheMalformedOnes() throws Exception {
    EnrollmentFileGenerator.Manifest manifest = new EnrollmentFileGenerator(2_500, 7, 0.02, 1_000)
        .write(folder.resolve("members.834"));
    List<ParsedMember> items = new ArrayList<>();
    try (EnrollmentReader reader = new X12EnrollmentParser("0F").open(folder.resolve("members.834"))) {
      for (ParsedMember item = reader.next(); item != null; item = reader.next()) {
        items.add(item);
      }
    }
    assertThat(items).hasSize(manifest.members());
    assertThat(manifest.malformed()).isPositive();
    assertThat(items.stream().filter(item -> !item.isAccepted())).hasSize(manifest.malformed())
        .allSatisfy(item -> assertThat(item.rejection().fault().element()).isEqualTo("DMG02"));
    assertThat(items.stream().filter(ParsedMember::isAccepted).map(item -> item.maintenance().memberId()).distinct())
        .hasSize(manifest.accepted());
    // three transaction sets of at most 1,000 members
    assertThat(items.stream().map(item -> item.origin().envelope().transactionSetControlNumber()).distinct())
        .hasSize(3);
    assertThat(items.get(0).maintenance() == null ? items.get(1).maintenance().address().county()
        : items.get(0).maintenance().address().county()).isNotBlank();
  }

  @Test
  void theSameRequestGivesTheSameBytes() throws Exception {
    new EnrollmentFileGenerator(200, 3, 0.1, 50).write(folder.resolve("a.834"));
    new EnrollmentFileGenerator(200, 3, 0.1, 50).write(folder.resolve("b.834"));
    assertThat(Files.mismatch(folder.resolve("a.834"), folder.resolve("b.834"))).isEqualTo(-1);
  }
}
