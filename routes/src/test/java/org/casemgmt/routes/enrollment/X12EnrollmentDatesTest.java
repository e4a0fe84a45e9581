package org.casemgmt.routes.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import org.casemgmt.routes.enrollment.MemberMaintenance.CoverageChange;
import org.casemgmt.routes.enrollment.generator.Enrollment834;
import org.casemgmt.routes.enrollment.generator.Member834;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every date qualifier 005010X220A1 gives the member loop (2000) and the coverage loop (2300), and what each does to
 * the member read: the maintenance effective date, the eligibility begin and end, the benefit begin and end, or
 * nothing (employment, COBRA, Medicare dates, which describe no Medicaid coverage and never refuse a member).
 */
class X12EnrollmentDatesTest {
  @TempDir
  Path folder;

  @ParameterizedTest(name = "member DTP*{0}: {1}")
  @CsvSource(delimiter = '|', textBlock = """
      # DTP01 | what it sets
      050     | nothing
      286     | nothing
      296     | nothing
      297     | nothing
      300     | nothing
      301     | nothing
      303     | effective
      336     | nothing
      337     | nothing
      338     | nothing
      339     | nothing
      340     | nothing
      341     | nothing
      350     | nothing
      351     | nothing
      356     | eligibility begin
      357     | eligibility end
      383     | nothing
      385     | nothing
      386     | nothing
      393     | nothing
      394     | nothing
      473     | nothing
      474     | nothing
      999     | nothing
      """)
  void eachMemberDateDoesWhatTheGuideSays(String qualifier, String sets) throws Exception {
    // The coverage gives no begin, so an eligibility begin shows as its begin; the member is changed (001).
    MemberMaintenance member = only(Member834.maintained("MCD200000001", "001").memberDate(qualifier, "20250301")
        .coverage("001", "HLT", null, null));

    assertThat(member.effective()).isEqualTo(sets.equals("effective") ? LocalDate.of(2025, 3, 1)
        : LocalDate.of(2025, 1, 2)); // else the file's date, BGN03
    assertThat(member.eligibilityEnd()).isEqualTo(sets.equals("eligibility end") ? LocalDate.of(2025, 3, 1) : null);
    assertThat(member.coverages()).extracting(CoverageChange::start).containsExactly(
        sets.equals("eligibility begin") ? LocalDate.of(2025, 3, 1) : null);
  }

  @ParameterizedTest(name = "coverage DTP*{0}: {1}")
  @CsvSource(delimiter = '|', textBlock = """
      300 | nothing
      303 | nothing
      343 | nothing
      348 | benefit begin
      349 | benefit end
      543 | nothing
      695 | nothing
      """)
  void eachCoverageDateDoesWhatTheGuideSays(String qualifier, String sets) throws Exception {
    MemberMaintenance member = only(Member834.maintained("MCD200000002", "001")
        .coverage("001", "HLT", null, null).coverageDate(qualifier, "20250401"));

    CoverageChange coverage = member.coverages().get(0);
    assertThat(coverage.start()).isEqualTo(sets.equals("benefit begin") ? LocalDate.of(2025, 4, 1) : null);
    assertThat(coverage.end()).isEqualTo(sets.equals("benefit end") ? LocalDate.of(2025, 4, 1) : null);
  }

  @Test
  void everyQualifierOfTheGuideIsInTheTable() {
    assertThat(Arrays.stream(EnrollmentDate.values()).filter(date -> date.level() == EnrollmentDate.Level.MEMBER)
        .map(EnrollmentDate::qualifier)).containsExactlyInAnyOrder("050", "286", "296", "297", "300", "301", "303",
            "336", "337", "338", "339", "340", "341", "350", "351", "356", "357", "383", "385", "386", "393", "394",
            "473", "474");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      # case                                         | INS03 | HD01 | 348      | 349      | refused because
      termination by its benefit end alone            | 024   | 024  |          | 20250630 |
      termination with neither end                    | 024   | 024  |          |          | HD01 '024' ends the coverage loop (2300) of HD03 'HLT' without an end date
      reinstatement without dates                     | 025   | 025  |          |          |
      audit without dates                             | 030   | 030  |          |          |
      change of the end alone                         | 001   | 001  |          | 20251231 |
      addition without a begin                        | 021   | 021  |          |          | DTP*348 (benefit begin) is missing in the coverage loop (2300) of HD03 'HLT', which adds (HD01 021) a coverage
      addition with its dates                         | 021   | 021  | 20250101 | 20251231 |
      correction of the begin                         | 001   | 026  | 20250201 |          |
      cancellation ending before its begin            | 024   | 024  | 20260101 | 20251231 |
      """)
  void onlyAnAdditionNeedsABeginAndATerminationAnEnd(String name, String ins03, String hd01, String begin,
      String end, String refusal) throws Exception {
    ParsedMember item = Enrollment834Files.parse(folder, Enrollment834.file(Member834.maintained("MCD200000003",
        ins03).coverage(hd01, "HLT", begin, end))).get(0);

    if (refusal != null) {
      assertThat(item.rejection()).as("refused").isNotNull();
      assertThat(item.rejection().reason()).startsWith(refusal);
      return;
    }
    assertThat(item.rejection()).as("refused").isNull();
    CoverageChange coverage = item.maintenance().coverages().get(0);
    assertThat(coverage.maintenance().code()).isEqualTo(hd01);
    assertThat(coverage.start()).isEqualTo(begin == null ? null : LocalDate.parse(begin, java.time.format
        .DateTimeFormatter.BASIC_ISO_DATE));
    assertThat(coverage.end()).isEqualTo(end == null ? null : LocalDate.parse(end, java.time.format
        .DateTimeFormatter.BASIC_ISO_DATE));
  }

  private MemberMaintenance only(Member834 member) throws Exception {
    ParsedMember item = Enrollment834Files.parse(folder, Enrollment834.file(member)).get(0);
    assertThat(item.rejection()).as("refused").isNull();
    return item.maintenance();
  }
}
