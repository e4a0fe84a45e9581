package org.casemgmt.routes.claims.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.casemgmt.routes.claims.Claim;
import org.casemgmt.routes.claims.ClaimLine;
import org.casemgmt.routes.claims.ClaimType;
import org.casemgmt.routes.x12.generator.X12Envelopes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The scenarios carry the codes they are meant to (each scenario's claims are found by their id prefix, not by
 * those codes), the manifest's episode counts are what the rules of REFERENCE.md derive from the parsed claims, and
 * the X12 envelopes are many and consistent.
 */
class ClaimFileGeneratorScenarioTest {
  private static final Set<String> CRISIS_CODES = Set.of("H2011", "S9484", "S9485", "90839");

  @TempDir
  static Path folder;
  /** Half the members psychiatric, so that every scenario shape occurs; X12 so that CL1 codes are there too. */
  static ParsedFiles pair;
  static ClaimFileManifest pairManifest;

  @BeforeAll
  static void generatePair() throws Exception {
    pairManifest = new ClaimFileGenerator(ClaimFileRequest.of(ClaimFileFormat.X12_PAIR, 400, 8_000, 21)
        .withPsychiatricShare(0.5).withAdjustmentShare(0.1)).write(folder.resolve("pair"));
    pair = ParsedFiles.of(pairManifest);
  }

  @Test
  void everyInpatientBillIsAPsychiatricStay() {
    List<Claim> bills = pair.ofScenario(ClaimIds.INPATIENT);

    assertThat(bills).isNotEmpty().allSatisfy(bill -> {
      assertThat(bill.type()).isEqualTo(ClaimType.INSTITUTIONAL);
      assertThat(bill.typeOfBill()).matches("011[1-478]");
      assertThat(bill.lines()).extracting(ClaimLine::revenueCode).contains("0124");
      assertThat(EpisodeDerivation.psychiatric(bill)).as(bill.claimId()).isTrue();
      assertThat(bill.admissionDate()).isNotNull().isBeforeOrEqualTo(bill.from());
    });
    assertThat(bills).extracting(Claim::typeOfBill).contains("0111", "0112", "0113", "0114", "0117", "0118");
    assertThat(bills).filteredOn(b -> b.drg() != null).isNotEmpty()
        .allSatisfy(b -> assertThat(b.drg()).isEqualTo("885"));
  }

  @Test
  void interimBillsFollowEachOtherAndOnlyTheLastDischarges() {
    Map<String, Claim> byId = pair.claims().stream().collect(Collectors.toMap(Claim::claimId, c -> c));
    List<Claim> firstBills = pair.ofScenario(ClaimIds.INPATIENT).stream()
        .filter(b -> b.typeOfBill().equals("0112")).toList();

    assertThat(firstBills).isNotEmpty().allSatisfy(first -> {
      // the bills of one stay are numbered one after the other by the member's claim counter
      String stem = first.claimId().substring(0, first.claimId().lastIndexOf('-') + 1);
      int n = Integer.parseInt(first.claimId().substring(stem.length()));
      Claim second = byId.get(stem + (n + 1));
      Claim last = byId.get(stem + (n + 2));
      assertThat(second.typeOfBill()).isEqualTo("0113");
      assertThat(last.typeOfBill()).isEqualTo("0114");
      assertThat(second.from()).isEqualTo(first.through().plusDays(1));
      assertThat(last.from()).isEqualTo(second.through().plusDays(1));
      assertThat(List.of(first.dischargeStatus(), second.dischargeStatus())).containsOnly("30");
      assertThat(first.dischargeDate()).isNull();
      assertThat(last.dischargeDate()).isEqualTo(last.through());
      assertThat(second.admissionDate()).isEqualTo(first.admissionDate());
    });
  }

  @Test
  void aTransferIsADischargeToAPsychiatricHospitalAndAnAdmissionThereTheNextDay() {
    List<Claim> bills = pair.ofScenario(ClaimIds.INPATIENT);
    List<Claim> transfers = bills.stream().filter(b -> "65".equals(b.dischargeStatus())).toList();

    assertThat(transfers).isNotEmpty().allSatisfy(out -> assertThat(bills).anySatisfy(in -> {
      assertThat(in.member().id()).isEqualTo(out.member().id());
      assertThat(in.admissionSource()).isEqualTo("4");
      assertThat(in.admissionDate()).isEqualTo(out.dischargeDate().plusDays(1));
      assertThat(in.billingNpi()).isNotEqualTo(out.billingNpi());
    }));
  }

  @Test
  void thePsychiatristsClaimsFallWithinAStay() {
    List<Claim> bills = pair.ofScenario(ClaimIds.INPATIENT);

    assertThat(pair.ofScenario(ClaimIds.ROUNDING)).isNotEmpty().allSatisfy(visits -> {
      assertThat(visits.placeOfService()).isEqualTo("51");
      assertThat(EpisodeDerivation.psychiatric(visits)).isTrue();
      assertThat(bills).anySatisfy(stay -> {
        assertThat(stay.member().id()).isEqualTo(visits.member().id());
        assertThat(visits.from()).isAfterOrEqualTo(stay.admissionDate());
      });
      assertThat(bills).anySatisfy(stay -> {
        assertThat(stay.member().id()).isEqualTo(visits.member().id());
        assertThat(visits.through()).isEqualTo(stay.dischargeDate());
      });
    });
  }

  @Test
  void crisisAndEmergencyClaimsAreOneDayWithThePsychiatricCodes() {
    assertThat(pair.ofScenario(ClaimIds.CRISIS)).isNotEmpty().allSatisfy(crisis -> {
      assertThat(crisis.type()).isEqualTo(ClaimType.PROFESSIONAL);
      assertThat(crisis.lines()).extracting(ClaimLine::procedureCode).allMatch(CRISIS_CODES::contains);
      assertThat(crisis.from()).isEqualTo(crisis.through());
      assertThat(EpisodeDerivation.psychiatric(crisis)).isTrue();
    });
    assertThat(pair.ofScenario(ClaimIds.EMERGENCY)).isNotEmpty().allSatisfy(visit -> {
      assertThat(visit.from()).isEqualTo(visit.through());
      assertThat(EpisodeDerivation.psychiatric(visit)).isTrue();
      if (visit.type() == ClaimType.INSTITUTIONAL) {
        assertThat(visit.typeOfBill()).startsWith("013");
        assertThat(visit.lines()).extracting(ClaimLine::revenueCode).contains("0450");
      } else {
        assertThat(visit.placeOfService()).isEqualTo("23");
      }
    });
  }

  @Test
  void onlyMembersWithEpisodesHavePsychiatricDiagnosesAndSomeAreHomeless() {
    Set<String> withEpisodes = new HashSet<>();
    for (String scenario : List.of(ClaimIds.INPATIENT, ClaimIds.EMERGENCY, ClaimIds.CRISIS)) {
      pair.ofScenario(scenario).forEach(c -> withEpisodes.add(c.member().id()));
    }
    Set<String> withPsychiatricCodes = pair.claims().stream()
        .filter(c -> c.diagnoses().stream().anyMatch(d -> d.code().startsWith("F")))
        .map(c -> c.member().id()).collect(Collectors.toSet());

    assertThat(withPsychiatricCodes).isEqualTo(withEpisodes).hasSize(pairManifest.psychiatricMembers());
    assertThat(pair.claims().stream().filter(c -> c.diagnoses().stream()
        .anyMatch(d -> d.code().equals("Z59.00"))).map(c -> c.member().id()).distinct().count())
        .isEqualTo(pairManifest.housingInstabilityMembers()).isPositive();
  }

  @Test
  void anAdjustmentNamesAnEarlierClaimOfTheSameMember() {
    Map<String, String> memberOfClaim = new HashMap<>();
    for (Claim claim : pair.claims()) {
      if (claim.isReplacement() || claim.isVoid()) {
        assertThat(memberOfClaim.get(claim.originalClaimId())).as(claim.claimId()).isEqualTo(claim.member().id());
        assertThat(claim.claimId()).isEqualTo(claim.originalClaimId() + (claim.isVoid() ? "V" : "R"));
      }
      memberOfClaim.put(claim.claimId(), claim.member().id());
    }
    assertThat(pair.claims().stream().filter(Claim::isReplacement).count())
        .isEqualTo(pairManifest.replacedClaims()).isPositive();
    assertThat(pair.claims().stream().filter(Claim::isVoid).count())
        .isEqualTo(pairManifest.voidedClaims()).isPositive();
  }

  @ParameterizedTest
  @EnumSource(ClaimFileFormat.class)
  void theManifestsEpisodesAreWhatTheRulesDeriveFromTheParsedClaims(ClaimFileFormat format) throws Exception {
    ClaimFileRequest request = ClaimFileRequest.of(format, 300, 6_000, 4).withPsychiatricShare(0.5)
        .withAdjustmentShare(0.15).withMalformedShare(0.03).withDeniedShare(format == ClaimFileFormat.CSV ? 0.15 : 0);
    ClaimFileManifest manifest = new ClaimFileGenerator(request).write(folder.resolve("derived-" + format));

    EpisodeDerivation derived = EpisodeDerivation.of(ParsedFiles.of(manifest).claims());

    assertThat(derived).isEqualTo(new EpisodeDerivation(manifest.inpatientEpisodes(), manifest.emergencyVisitDays(),
        manifest.crisisServiceDays(), manifest.deniedInpatientEpisodes(), manifest.deniedEmergencyVisitDays(),
        manifest.deniedCrisisServiceDays(), manifest.membersWithRepeatedStays()));
    assertThat(manifest.inpatientEpisodes() > 0).isEqualTo(format.institutional());
    assertThat(manifest.crisisServiceDays() > 0).isEqualTo(format.professional());
    assertThat(manifest.emergencyVisitDays()).isPositive();
    assertThat(manifest.membersWithRepeatedStays() > 0).isEqualTo(format.institutional());
    assertThat(manifest.deniedInpatientEpisodes() > 0).isEqualTo(format == ClaimFileFormat.CSV);
  }

  @Test
  void x12FilesHaveSeveralInterchangesGroupsAndTransactionSetsOneSegmentPerLine() throws Exception {
    ClaimFileManifest manifest = new ClaimFileGenerator(ClaimFileRequest.of(ClaimFileFormat.X12_837I, 200, 4_000, 9)
        .withClaimsPerTransaction(25)).write(folder.resolve("envelopes.837i"));
    List<String> segments = Files.readAllLines(manifest.files().get(0));

    assertThat(segments).allMatch(s -> s.endsWith("~") && s.indexOf('~') == s.length() - 1);
    long transactions = segments.stream().filter(s -> s.startsWith("ST*837*")).count();
    assertThat(transactions).isEqualTo((manifest.claims() + 24) / 25);
    assertThat(segments.stream().filter(s -> s.startsWith("GS*")).count())
        .isEqualTo((transactions + X12Envelopes.TRANSACTIONS_PER_GROUP - 1) / X12Envelopes.TRANSACTIONS_PER_GROUP);
    assertThat(segments.stream().filter(s -> s.startsWith("ISA*")).count()).isGreaterThan(1);
    assertThat(segments.stream().filter(s -> s.startsWith("IEA*")).map(s -> s.split("\\*")[1]))
        .as("groups per interchange").contains("3");
    assertThat(ParsedFiles.of(manifest).rejections()).as("StAEDI checks every count and control number").isEmpty();
  }
}
