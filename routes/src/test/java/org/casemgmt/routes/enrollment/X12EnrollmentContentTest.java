package org.casemgmt.routes.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.casemgmt.routes.enrollment.MemberMaintenance.CoverageChange;
import org.casemgmt.routes.enrollment.MemberMaintenance.Residence;
import org.casemgmt.routes.enrollment.generator.Enrollment834;
import org.casemgmt.routes.enrollment.generator.Member834;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an 834 member loop gives: the member, the residence with its county, the coverage and what is asked. */
class X12EnrollmentContentTest {
  @TempDir
  Path folder;

  @Test
  void anAdditionGivesTheMemberTheirResidenceAndTheirCoverage() throws Exception {
    ParsedMember item = Enrollment834Files.parse(folder, Enrollment834.file(Member834.added("MCD100000001")
        .secondLine("APT 4"))).get(0);

    MemberMaintenance member = item.maintenance();
    assertThat(member.memberId()).isEqualTo("MCD100000001");
    assertThat(member.subscriber()).isTrue();
    assertThat(member.relationship()).isEqualTo("18");
    assertThat(member.maintenance()).isEqualTo(MaintenanceType.ADDITION);
    assertThat(member.reason()).isEqualTo("28");
    assertThat(member.effective()).isEqualTo(LocalDate.of(2025, 1, 2)); // no DTP*303: the file's date, BGN03
    assertThat(member.name()).isEqualTo(new MemberMaintenance.PersonName("RIVERA", "DANA", "M"));
    assertThat(member.birthDate()).isEqualTo(LocalDate.of(1986, 4, 12));
    assertThat(member.gender()).isEqualTo("F");
    assertThat(member.address()).isEqualTo(new Residence("12 ELM ST", "APT 4", "SPRINGFIELD", "IL", "62704",
        "SANGAMON", null));
    assertThat(member.payer()).isEqualTo(new MemberMaintenance.Payer("PRAIRIE MEDICAID HEALTH PLAN", "FI",
        Enrollment834.PAYER_ID));
    assertThat(member.coverages()).containsExactly(new CoverageChange(MaintenanceType.ADDITION, "HLT",
        "MEDICAID MANAGED CARE", "IND", LocalDate.of(2025, 1, 1), null));
    assertThat(item.origin().envelope().toString()).isEqualTo("ISA 000000901 GS 1 ST 0001");
    assertThat(item.origin().firstLine()).isEqualTo(7); // ISA, GS, ST, BGN, N1, N1, then INS
  }

  @Test
  void aMaintenanceEffectiveDateSaysFromWhenTheRecordHolds() throws Exception {
    MemberMaintenance member = Enrollment834Files.parse(folder, Enrollment834.file(
        Member834.maintained("MCD100000002", "001").effective("20250315"))).get(0).maintenance();
    assertThat(member.maintenance()).isEqualTo(MaintenanceType.CHANGE);
    assertThat(member.effective()).isEqualTo(LocalDate.of(2025, 3, 15));
    assertThat(member.coverages()).isEmpty();
  }

  @Test
  void aTerminationWithoutABenefitEndEndsOnTheMembersEligibilityEnd() throws Exception {
    MemberMaintenance member = Enrollment834Files.parse(folder, Enrollment834.file(
        Member834.maintained("MCD100000003", "024").eligibilityEnd("20250630")
            .coverage("024", "HLT", "20250101", null))).get(0).maintenance();
    assertThat(member.coverages()).extracting(CoverageChange::end).containsExactly(LocalDate.of(2025, 6, 30));
  }

  @Test
  void aTerminationEndingBeforeItsBeginIsTakenAsACancellation() throws Exception {
    MemberMaintenance member = Enrollment834Files.parse(folder, Enrollment834.file(
        Member834.maintained("MCD100000004", "024").coverage("024", "HLT", "20250201", "20250131")))
        .get(0).maintenance();
    CoverageChange coverage = member.coverages().get(0);
    assertThat(coverage.end()).isBefore(coverage.start());
  }

  @Test
  void datesAndAddressesOfOtherLoopsAreNotTheMembers() throws Exception {
    List<String> segments = new ArrayList<>(Member834.added("MCD100000005").segments());
    // 2100C mailing address after the residence, then a primary care provider (2310) with its own dates
    int dmg = segments.indexOf(segments.stream().filter(s -> s.startsWith("DMG")).findFirst().orElseThrow());
    segments.addAll(dmg + 1, List.of("NM1*31*1", "N3*PO BOX 77", "N4*CHICAGO*IL*60601"));
    segments.addAll(List.of("LX*1", "NM1*P3*1*CHEN*LI****XX*1245319599", "DTP*348*D8*20240101"));
    MemberMaintenance member = Enrollment834Files.parse(folder, Enrollment834.text(Enrollment834.interchange(
        "000000001", List.of(segments)))).get(0).maintenance();
    assertThat(member.address().city()).isEqualTo("SPRINGFIELD");
    assertThat(member.name().family()).isEqualTo("RIVERA");
    assertThat(member.coverages()).extracting(CoverageChange::start).containsExactly(LocalDate.of(2025, 1, 1));
  }

  @Test
  void aCorrectedNameIsTheMembersName() throws Exception {
    List<String> segments = new ArrayList<>(Member834.maintained("MCD100000006", "001").segments());
    segments.replaceAll(s -> s.startsWith("NM1*IL") ? "NM1*74*1*RIVERA-LOPEZ*DANA" : s);
    MemberMaintenance member = Enrollment834Files.parse(folder, Enrollment834.text(Enrollment834.interchange(
        "000000001", List.of(segments)))).get(0).maintenance();
    assertThat(member.name().family()).isEqualTo("RIVERA-LOPEZ");
  }

  @Test
  void aStateThatSendsTheMedicaidIdAsClientNumberHasItsDependentsRead() throws Exception {
    List<String> segments = new ArrayList<>(Member834.added("CASE0001").dependent("19").segments());
    segments.add(2, "REF*23*MCD100000007"); // the child's own Medicaid id as client number
    Path file = Enrollment834Files.write(folder, "dependents.834", Enrollment834.text(Enrollment834.interchange(
        "000000001", List.of(segments))));
    try (EnrollmentReader reader = new X12EnrollmentParser("23").open(file)) {
      MemberMaintenance member = reader.next().maintenance();
      assertThat(member.memberId()).isEqualTo("MCD100000007");
      assertThat(member.subscriber()).isFalse();
      assertThat(member.relationship()).isEqualTo("19");
    }
  }

  @Test
  void anyDeclaredSeparatorsAreRead() throws Exception {
    String text = Enrollment834.file(Member834.added("MCD100000008"))
        .replace("~\n", "\u0000").replace('*', '|').replace("\u0000", "'\r\n");
    assertThat(Enrollment834Files.parse(folder, text).get(0).maintenance().memberId()).isEqualTo("MCD100000008");
  }
}
