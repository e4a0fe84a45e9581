package org.casemgmt.routes.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casemgmt.routes.claims.X12Fixtures.*;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A claim that cannot be read is refused alone, with the segment, element and line at fault; the claims before and
 * after it in the same transaction set are read. Each case breaks the middle one of three members' stays.
 */
class X12ClaimRejectionTest {
  @TempDir
  Path folder;

  static List<String> middle() {
    return concat(member(3, "MCD000112"), psychiatricStay("PSY-B"));
  }

  static List<String> file(List<String> middle) {
    return institutionalFile(concat(member(2, "MCD000111"), psychiatricStay("PSY-A"), middle,
        member(4, "MCD000113"), psychiatricStay("PSY-C")));
  }

  static Stream<Arguments> brokenClaims() {
    return Stream.of(
        broken("CLM missing", without("CLM*"), null, "HL*3", "HL", null,
            "subscriber level (2000B) HL01 '3' has no claim: CLM is missing"),
        broken("subscriber name (2010BA NM1*IL) missing", without("NM1*IL*1*RIVERA*DANA*M"), "PSY-B", "HL*3", "HL",
            null, "has no subscriber name (2010BA NM1*IL)"),
        broken("statement date 20231345", set("DTP*434", "DTP*434*RD8*20231345-20240310"), "PSY-B", "DTP*434",
            "DTP", "DTP03", "DTP03 '20231345' is not a date (CCYYMMDD)"),
        broken("statement period that ends before it starts", set("DTP*434", "DTP*434*RD8*20240310-20240302"),
            "PSY-B", "DTP*434", "DTP", "DTP03", "ends before it starts"),
        broken("admission at 25 o'clock", set("DTP*435", "DTP*435*DT*202403022514"), "PSY-B", "DTP*435", "DTP",
            "DTP03", "is not a date and time (CCYYMMDDHHMM)"),
        broken("discharge hour in another format", set("DTP*096", "DTP*096*D8*20240310"), "PSY-B", "DTP*096", "DTP",
            "DTP02", "is not TM"),
        broken("birth date 30 February", set("DMG*", "DMG*D8*19860230*F"), "PSY-B", "DMG*", "DMG", "DMG02",
            "DMG02 '19860230' is not a date"),
        broken("gender X", set("DMG*", "DMG*D8*19860412*X"), "PSY-B", "DMG*", "DMG", "DMG03", "not a gender code"),
        broken("ZIP code of four digits", set("N4*", "N4*SPRINGFIELD*IL*6270"), "PSY-B", "N4*", "N4", "N403",
            "is not a ZIP code"),
        broken("revenue code of three digits", set("SV2*0124", "SV2*124**11200.00*DA*8"), "PSY-B", "SV2*124",
            "SV2", "SV201", "SV201 '124' is not a revenue code (four digits)"),
        broken("charge with a comma", set("SV2*0124", "SV2*0124**11200,00*DA*8"), "PSY-B", "SV2*0124", "SV2",
            "SV203", "SV203 '11200,00' is not a number"),
        broken("HCPCS code of four characters", set("SV2*0900", "SV2*0900*HC:9083*1300.00*UN*1"), "PSY-B",
            "SV2*0900", "SV2", "SV202-2", "is not a HCPCS/CPT code"),
        broken("ICD-10 code with a dash", set("HI*ABK", "HI*ABK:F20-9"), "PSY-B", "HI*ABK", "HI",
            "HI01-2", "HI01-2 'F20-9' is not an ICD-10-CM code"),
        broken("DRG with letters", set("HI*DR", "HI*DR:88X"), "PSY-B", "HI*DR", "HI", "HI01-2", "is not a DRG"),
        broken("attending NPI of five digits", set("NM1*71", "NM1*71*1*CHEN*LI****XX*12345"), "PSY-B", "NM1*71",
            "NM1", "NM109", "NM109 '12345' is not an NPI (ten digits)"),
        broken("CLM05 written with another component separator", set("CLM*", "CLM*PSY-B*12500.00***11>A>1**A*Y*Y"),
            "PSY-B", "CLM*", "CLM", "CLM05", "its components are separated by ':', as ISA16 says"),
        broken("CLM05-2 says professional", set("CLM*", "CLM*PSY-B*12500.00***11:B:1**A*Y*Y"), "PSY-B", "CLM*",
            "CLM", "CLM05-2", "CLM05-2 'B' is not A"),
        broken("frequency as a letter", set("CLM*", "CLM*PSY-B*12500.00***11:A:X**A*Y*Y"), "PSY-B", "CLM*", "CLM",
            "CLM05-3", "is not a claim frequency code"),
        broken("replacement without REF*F8", set("CLM*", "CLM*PSY-B*12500.00***11:A:7**A*Y*Y"), "PSY-B", "CLM*",
            "CLM", "CLM05-3", "frequency 7 (replacement) without REF*F8"),
        broken("CLM01 empty", set("CLM*", "CLM**12500.00***11:A:1**A*Y*Y"), null, "CLM*", "CLM", "CLM01",
            "CLM01 is missing"),
        broken("no statement dates", without("DTP*434"), "PSY-B", "CLM*", "CLM", null,
            "no statement dates (DTP*434)"),
        broken("no principal diagnosis", without("HI*ABK"), "PSY-B", "CLM*", "CLM", null,
            "no principal diagnosis (HI*ABK)"),
        broken("no service line", without("LX*", "SV2*", "DTP*472"), "PSY-B", "CLM*", "CLM", null,
            "no service line (2400 LX)"),
        // The line number is a line's identity in staging: two lines 1 would make one claim two different ways.
        broken("a line number twice", set("LX*2", "LX*01"), "PSY-B", "LX*01", "LX", "LX01",
            "line number 1 appears twice in the claim"),
        broken("a service line without SV2", without("SV2*0124"), "PSY-B", "LX*1", "LX", null,
            "service line 1 has no SV2"),
        broken("an SV1 in an institutional claim", set("SV2*0124", "SV1*HC:99223*450.00*UN*1"), "PSY-B", "SV1*",
            "SV1", null, "SV1 (professional service) in an institutional claim"),
        broken("a hierarchical level 99", set("HL*3", "HL*3*1*99*0"), "PSY-B", "HL*3", "HL", "HL03",
            "HL03 '99' is not an 837 hierarchical level"));
  }

  private static Arguments broken(String what, UnaryOperator<List<String>> change, String claimId, String at,
                                  String segmentId, String element, String reason) {
    return Arguments.of(what, change, claimId, at, segmentId, element, reason);
  }

  private static UnaryOperator<List<String>> set(String prefix, String segment) {
    return segments -> replace(segments, prefix, segment);
  }

  private static UnaryOperator<List<String>> without(String... prefixes) {
    return segments -> segments.stream().filter(s -> Arrays.stream(prefixes).noneMatch(s::startsWith)).toList();
  }

  @ParameterizedTest(name = "{0}: {5} in {4}")
  @MethodSource("brokenClaims")
  void theBrokenClaimIsRefusedPreciselyAndTheOthersAreRead(String what, UnaryOperator<List<String>> change,
      String claimId, String at, String segmentId, String element, String reason) throws Exception {
    List<String> segments = file(change.apply(middle()));
    int bStart = segments.indexOf("HL*3*1*22*0") >= 0 ? segments.indexOf("HL*3*1*22*0")
        : segments.indexOf("HL*3*1*99*0");
    int expectedLine = bStart + 1 + (int) segments.subList(bStart, segments.size()).stream()
        .takeWhile(s -> !s.startsWith(at)).count();

    List<ParsedClaim> items = parse(folder, text(segments));

    assertThat(items).hasSize(3);
    assertThat(items.get(0).claim().claimId()).isEqualTo("PSY-A");
    assertThat(items.get(2).claim().claimId()).isEqualTo("PSY-C");
    ClaimRejection rejection = items.get(1).rejection();
    assertThat(rejection).as(what).isNotNull();
    assertThat(rejection.scope()).isEqualTo(ClaimRejection.Scope.CLAIM);
    assertThat(rejection.claimId()).isEqualTo(claimId);
    assertThat(rejection.segmentId()).isEqualTo(segmentId);
    assertThat(rejection.element()).isEqualTo(element);
    assertThat(rejection.line()).isEqualTo(expectedLine);
    assertThat(rejection.segmentPosition()).as("ST is segment 1 on line 3").isEqualTo(expectedLine - 2);
    assertThat(rejection.reason()).contains(reason);
    assertThat(rejection.toString()).as("no values in what may be logged")
        .doesNotContain("MCD000112").doesNotContain("RIVERA");
    assertThat(items.get(1).origin().transactionSetControlNumber()).isEqualTo("0001");
  }

  @Test
  void aClaimBeforeAnySubscriberLevelIsRefusedAndTheNextClaimIsRead() throws Exception {
    List<String> segments = institutionalFile(concat(psychiatricStay("PSY-0"), member(2, "MCD000111"),
        psychiatricStay("PSY-A")));

    List<ParsedClaim> items = parse(folder, text(segments));

    assertThat(items).hasSize(2);
    assertThat(items.get(0).rejection().claimId()).isEqualTo("PSY-0");
    assertThat(items.get(0).rejection().location()).isEqualTo("CLM (segment 12, line 14)");
    assertThat(items.get(0).rejection().reason()).startsWith("CLM is not inside a subscriber level (2000B");
    assertThat(items.get(1).claim().member().id()).isEqualTo("MCD000111");
  }

  @Test
  void aFaultInTheSubscriberLevelRefusesEachOfItsClaims() throws Exception {
    List<String> member = replace(member(2, "MCD000111"), "DMG*", "DMG*D8*19861312*F");
    List<ParsedClaim> items = parse(folder, text(institutionalFile(concat(member, psychiatricStay("PSY-1"),
        psychiatricStay("PSY-2"), member(3, "MCD000113"), psychiatricStay("PSY-3")))));

    assertThat(items).extracting(item -> item.isAccepted() ? "claim " + item.claim().claimId()
            : "rejected " + item.rejection().claimId() + " at " + item.rejection().element())
        .containsExactly("rejected PSY-1 at DMG02", "rejected PSY-2 at DMG02", "claim PSY-3");
  }
}
