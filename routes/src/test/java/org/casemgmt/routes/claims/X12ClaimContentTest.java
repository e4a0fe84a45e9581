package org.casemgmt.routes.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casemgmt.routes.claims.X12Fixtures.*;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a claim read from an 837 says: the facts the evidence rules for psychiatric stays and crises read. */
class X12ClaimContentTest {
  @TempDir
  Path folder;

  private Claim only(List<String> segments) throws Exception {
    List<ParsedClaim> items = parse(folder, text(segments));
    assertThat(items).hasSize(1);
    assertThat(items.get(0).rejection()).isNull();
    return items.get(0).claim();
  }

  @Test
  void aPsychiatricInpatientStayCarriesTypeOfBillRevenueCodeDrgAndDiagnoses() throws Exception {
    Claim claim = only(institutionalFile(concat(member(2, "MCD000111"), psychiatricStay("PSY-1001"))));

    assertThat(claim.claimId()).isEqualTo("PSY-1001");
    assertThat(claim.type()).isEqualTo(ClaimType.INSTITUTIONAL);
    assertThat(claim.typeOfBill()).isEqualTo("0111");
    assertThat(claim.frequencyCode()).isEqualTo("1");
    assertThat(claim.isReplacement() || claim.isVoid()).isFalse();
    assertThat(claim.originalClaimId()).as("REF*F8 of the other payer's loop is not this claim's").isNull();
    assertThat(claim.placeOfService()).isNull();
    assertThat(claim.drg()).isEqualTo("885");
    assertThat(claim.from()).isEqualTo(LocalDate.of(2024, 3, 2));
    assertThat(claim.through()).isEqualTo(LocalDate.of(2024, 3, 10));
    assertThat(claim.admissionDate()).isEqualTo(LocalDate.of(2024, 3, 2));
    assertThat(claim.admissionTime()).isEqualTo(LocalTime.of(21, 14));
    assertThat(claim.dischargeTime()).isEqualTo(LocalTime.of(11, 30));
    assertThat(claim.dischargeDate()).as("a discharge hour makes the last statement day the discharge day")
        .isEqualTo(LocalDate.of(2024, 3, 10));
    assertThat(claim.admissionType()).isEqualTo("1");
    assertThat(claim.admissionSource()).isEqualTo("1");
    assertThat(claim.dischargeStatus()).isEqualTo("01");
    assertThat(claim.billingNpi()).isEqualTo("1234567893");
    assertThat(claim.renderingNpi()).as("the attending provider").isEqualTo("1245319599");
    assertThat(claim.status()).isEqualTo(ClaimStatus.UNKNOWN);
    assertThat(claim.diagnoses()).containsExactly(
        new Diagnosis(1, "F20.9", Diagnosis.CodeSystem.ICD_10_CM, Diagnosis.Role.PRINCIPAL, "Y"),
        new Diagnosis(1, "R45.851", Diagnosis.CodeSystem.ICD_10_CM, Diagnosis.Role.ADMITTING, null),
        new Diagnosis(2, "Z59.0", Diagnosis.CodeSystem.ICD_10_CM, Diagnosis.Role.OTHER, null),
        new Diagnosis(3, "F12.10", Diagnosis.CodeSystem.ICD_10_CM, Diagnosis.Role.OTHER, null));
    assertThat(claim.principalDiagnosis()).map(Diagnosis::code).contains("F20.9");
    assertThat(claim.lines()).containsExactly(
        new ClaimLine(1, "0124", null, List.of(), null, LocalDate.of(2024, 3, 2), LocalDate.of(2024, 3, 9),
            new BigDecimal("8"), new BigDecimal("11200.00")),
        new ClaimLine(2, "0900", "90837", List.of(), null, LocalDate.of(2024, 3, 5), LocalDate.of(2024, 3, 5),
            new BigDecimal("1"), new BigDecimal("1300.00")));
  }

  @Test
  void theMemberComesFromTheSubscriberLoopNotFromAnotherPayersSubscriber() throws Exception {
    Member member = only(institutionalFile(concat(member(2, "MCD000111"), psychiatricStay("PSY-1001")))).member();

    assertThat(member).isEqualTo(new Member("MCD000111", "RIVERA", "DANA", "M", LocalDate.of(1986, 4, 12), "F",
        new Address("12 ELM ST", "APT 4", "SPRINGFIELD", "IL", "627040000"), false));
  }

  @Test
  void aDependentPatientKeepsTheSubscribersIdAndHisOwnDemographics() throws Exception {
    List<String> family = List.of(
        "HL*2*1*22*1",                                        // subscriber with a patient level below
        "SBR*P********MC",
        "NM1*IL*1*RIVERA*DANA****MI*MCD000111",
        "NM1*PR*2*STATE MEDICAID*****PI*MCD01",
        "HL*3*2*23*0",                                        // 2000C patient
        "PAT*19",
        "NM1*QC*1*RIVERA*TEO",
        "N3*12 ELM ST",
        "N4*SPRINGFIELD*IL*62704",
        "DMG*D8*20100101*M");
    Member member = only(institutionalFile(concat(family, psychiatricStay("PSY-1002")))).member();

    assertThat(member).isEqualTo(new Member("MCD000111", "RIVERA", "TEO", null, LocalDate.of(2010, 1, 1), "M",
        new Address("12 ELM ST", null, "SPRINGFIELD", "IL", "62704"), true));
  }

  @Test
  void aProfessionalClaimAtPlaceOfService21WithBipolarDisorder() throws Exception {
    Claim claim = only(interchange("000000201", group("7", PROFESSIONAL,
        transaction("0001", PROFESSIONAL, concat(clinic(), member(2, "MCD000222"), inpatientVisit("PRO-2001"))))));

    assertThat(claim.type()).isEqualTo(ClaimType.PROFESSIONAL);
    assertThat(claim.placeOfService()).isEqualTo("21");
    assertThat(claim.typeOfBill()).isNull();
    assertThat(claim.principalDiagnosis()).map(Diagnosis::code).contains("F31.2");
    assertThat(claim.diagnoses()).extracting(Diagnosis::sequence, Diagnosis::code)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "F31.2"), org.assertj.core.groups.Tuple.tuple(2,
            "Z59.0"));
    assertThat(claim.billingNpi()).isEqualTo("1588667638");
    assertThat(claim.renderingNpi()).isEqualTo("1972500007");
    assertThat(claim.from()).as("a professional claim's period is that of its lines").isEqualTo("2024-03-05");
    assertThat(claim.through()).isEqualTo("2024-03-05");
    assertThat(claim.lines()).singleElement().satisfies(line -> {
      assertThat(line.procedureCode()).isEqualTo("99223");
      assertThat(line.placeOfService()).as("inherited from CLM05-1").isEqualTo("21");
      assertThat(line.revenueCode()).isNull();
    });
  }

  @Test
  void aCrisisClaimKeepsModifiersAndTheLinesOwnPlaceOfService() throws Exception {
    Claim claim = only(interchange("000000201", group("7", PROFESSIONAL,
        transaction("0001", PROFESSIONAL, concat(clinic(), member(2, "MCD000222"), crisis("CRI-3001"))))));

    assertThat(claim.placeOfService()).isEqualTo("15");
    assertThat(claim.lines()).extracting(ClaimLine::procedureCode, ClaimLine::modifiers, ClaimLine::placeOfService,
            ClaimLine::serviceFrom, ClaimLine::units)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("H2011", List.of("HK", "U1"), "12", LocalDate.of(2024, 3, 20),
                new BigDecimal("4")),
            org.assertj.core.groups.Tuple.tuple("H2011", List.of(), "15", LocalDate.of(2024, 3, 21),
                new BigDecimal("4")));
    assertThat(claim.from()).isEqualTo("2024-03-20");
    assertThat(claim.through()).isEqualTo("2024-03-21");
  }

  @Test
  void replacementAndVoidNameTheClaimTheyApplyTo() throws Exception {
    List<ParsedClaim> items = parse(folder, text(institutionalFile(concat(member(2, "MCD000111"),
        adjustment("PSY-1001-R", "7", "ICN-0001"), adjustment("PSY-1001-V", "8", "ICN-0002")))));

    assertThat(items).extracting(ParsedClaim::claim).allSatisfy(c -> assertThat(c).isNotNull());
    Claim replacement = items.get(0).claim();
    Claim cancellation = items.get(1).claim();
    assertThat(replacement.isReplacement()).isTrue();
    assertThat(replacement.isVoid()).isFalse();
    assertThat(replacement.originalClaimId()).isEqualTo("ICN-0001");
    assertThat(replacement.typeOfBill()).isEqualTo("0117");
    assertThat(replacement.admissionDate()).isEqualTo("2024-03-02");
    assertThat(replacement.admissionTime()).isNull();
    assertThat(replacement.dischargeDate()).as("no discharge hour, no discharge date").isNull();
    assertThat(cancellation.isVoid()).isTrue();
    assertThat(cancellation.originalClaimId()).isEqualTo("ICN-0002");
    assertThat(cancellation.typeOfBill()).isEqualTo("0118");
    assertThat(cancellation.member().id()).as("two claims of one subscriber").isEqualTo("MCD000111");
  }
}
