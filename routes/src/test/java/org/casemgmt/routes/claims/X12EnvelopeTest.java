package org.casemgmt.routes.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.casemgmt.routes.claims.X12Fixtures.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.casemgmt.routes.files.UnreadableFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Envelopes: several interchanges, groups and transaction sets in one file, any separators, and what happens when a
 * control number or count does not match (the transaction sets inside are refused, the rest of the file is read) or
 * the file is not X12 at all (nothing is read).
 */
class X12EnvelopeTest {
  @TempDir
  Path folder;

  /**
   * Interchange 000000101: group 1 with an 837I (a stay) and group 2 with an 837P (a visit and a crisis).
   * Interchange 000000102: one group with two 837I transaction sets (a replacement and a void).
   */
  static List<String> twoInterchanges() {
    return concat(
        interchange("000000101",
            group("1", INSTITUTIONAL,
                transaction("0001", INSTITUTIONAL, concat(hospital(), member(2, "MCD000111"),
                    psychiatricStay("PSY-1001")))),
            group("2", PROFESSIONAL,
                transaction("0002", PROFESSIONAL, concat(clinic(), member(2, "MCD000222"),
                    inpatientVisit("PRO-2001"), crisis("CRI-3001"))))),
        interchange("000000102",
            group("3", INSTITUTIONAL,
                transaction("0003", INSTITUTIONAL, concat(hospital(), member(2, "MCD000111"),
                    adjustment("PSY-1001-R", "7", "ICN-0001"))),
                transaction("0004", INSTITUTIONAL, concat(hospital(), member(2, "MCD000111"),
                    adjustment("PSY-1001-V", "8", "ICN-0002"))))));
  }

  @Test
  void everyEnvelopeIsReadInFileOrderAndEachClaimNamesItsOwn() throws Exception {
    List<ParsedClaim> items = parse(folder, text(twoInterchanges()));

    assertThat(items).allSatisfy(item -> assertThat(item.isAccepted()).isTrue());
    assertThat(items).extracting(item -> item.claim().claimId())
        .containsExactly("PSY-1001", "PRO-2001", "CRI-3001", "PSY-1001-R", "PSY-1001-V");
    assertThat(items).extracting(item -> item.origin().interchangeControlNumber() + "/"
            + item.origin().groupControlNumber() + "/" + item.origin().transactionSetControlNumber() + " "
            + item.origin().format())
        .containsExactly("000000101/1/0001 X12_837I", "000000101/2/0002 X12_837P", "000000101/2/0002 X12_837P",
            "000000102/3/0003 X12_837I", "000000102/3/0004 X12_837I");
    assertThat(items.get(0).origin().fileName()).isEqualTo("claims.837");
    assertThat(items.get(0).origin().firstLine()).as("the CLM line").isEqualTo(21);
    assertThat(items.get(0).origin().lastLine()).as("the last line of the claim, before SE").isEqualTo(42);
  }

  static Stream<Arguments> separators() {
    return Stream.of(
        Arguments.of("'|' elements, '>' components, line breaks as terminators", '|', '>', "\n"),
        Arguments.of("CRLF after each terminator", '*', ':', "~\r\n"),
        Arguments.of("no line breaks at all", '*', ':', "~"),
        Arguments.of("'^' components (and '^' no longer the repetition separator)", '!', '^', "'\n"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("separators")
  void separatorsComeFromTheIsaHeader(String what, char element, char component, String terminator)
      throws Exception {
    List<String> segments = twoInterchanges();
    if (component == '^') {
      segments = segments.stream().map(s -> s.startsWith("ISA") ? s.replace("*^*00501", "*U*00401") : s).toList();
    }
    List<ParsedClaim> plain = parse(folder, text(twoInterchanges()));
    List<ParsedClaim> rewritten = parse(folder, withSeparators(text(segments), element, component, terminator));

    assertThat(rewritten).extracting(ParsedClaim::claim)
        .containsExactlyElementsOf(plain.stream().map(ParsedClaim::claim).toList());
  }

  @Test
  void aByteOrderMarkIsSkipped() throws Exception {
    List<ParsedClaim> items = parse(folder, "\uFEFF" + text(twoInterchanges()));

    assertThat(items).hasSize(5).allSatisfy(item -> assertThat(item.isAccepted()).isTrue());
  }

  static Stream<Arguments> envelopeFaults() {
    return Stream.of(
        fault("IEA02 is not ISA13", s -> s.equals("IEA*2*000000101") ? "IEA*2*000000109" : s,
            List.of("0001", "0002"), "IEA02", "IEA02 control number '000000109' does not match ISA13 '000000101'"),
        fault("IEA01 counts three groups", s -> s.equals("IEA*2*000000101") ? "IEA*3*000000101" : s,
            List.of("0001", "0002"), "IEA01", "does not match the 2 functional groups"),
        fault("GE02 is not GS06", s -> s.equals("GE*1*2") ? "GE*1*5" : s,
            List.of("0002"), "GE02", "GE02 control number '5' does not match GS06 '2'"),
        fault("GE01 counts three transaction sets", s -> s.equals("GE*2*3") ? "GE*3*3" : s,
            List.of("0003", "0004"), "GE01", "GE01 count 3 does not match the 2 transaction sets"),
        fault("SE02 is not ST02", s -> s.startsWith("SE*") && s.endsWith("*0003") ? s.replace("0003", "0009") : s,
            List.of("0003"), "SE02", "SE02 control number '0009' does not match ST02 '0003'"),
        fault("SE01 counts one segment too few", s -> s.startsWith("SE*") && s.endsWith("*0001")
                ? "SE*" + (Integer.parseInt(s.split("\\*")[1]) - 1) + "*0001" : s,
            List.of("0001"), "SE01", "does not match the 41 segments of the transaction set"),
        fault("ST01 is an 834", s -> s.equals("ST*837*0004*" + INSTITUTIONAL) ? "ST*834*0004*" + INSTITUTIONAL : s,
            List.of("0004"), "ST01", "ST01 transaction set '834' is not a claim (837)"),
        fault("ST03 is 4010", s -> s.equals("ST*837*0004*" + INSTITUTIONAL) ? "ST*837*0004*004010X096A1" : s,
            List.of("0004"), "ST03", "version '004010X096A1' is not an 837 this reader takes"));
  }

  private static Arguments fault(String what, UnaryOperator<String> change, List<String> refused, String element,
                                 String reason) {
    return Arguments.of(what, change, refused, element, reason);
  }

  @ParameterizedTest(name = "{0}: {2} refused at {3}")
  @MethodSource("envelopeFaults")
  void aBadEnvelopeRefusesTheTransactionSetsInsideAndNothingElse(String what, UnaryOperator<String> change,
      List<String> refused, String element, String reason) throws Exception {
    List<ParsedClaim> items = parse(folder, text(twoInterchanges().stream().map(change).toList()));

    List<ParsedClaim> rejections = items.stream().filter(item -> !item.isAccepted()).toList();
    assertThat(rejections).extracting(item -> item.origin().transactionSetControlNumber())
        .containsExactlyElementsOf(refused);
    assertThat(rejections).allSatisfy(item -> {
      assertThat(item.rejection().scope()).isEqualTo(ClaimRejection.Scope.TRANSACTION_SET);
      assertThat(item.rejection().element()).isEqualTo(element);
      assertThat(item.rejection().segmentId()).isEqualTo(element.substring(0, element.length() - 2));
      assertThat(item.rejection().reason()).contains(reason);
      assertThat(item.rejection().line()).isPositive();
    });
    long claimsInRefusedSets = twoInterchanges().stream().filter(s -> s.startsWith("CLM")).count()
        - items.stream().filter(ParsedClaim::isAccepted).count();
    assertThat(items.stream().filter(ParsedClaim::isAccepted))
        .as("the other transaction sets are read").isNotEmpty()
        .allSatisfy(item -> assertThat(refused).doesNotContain(item.origin().transactionSetControlNumber()));
    assertThat(claimsInRefusedSets).isPositive();
  }

  @Test
  void aMissingTrailerRefusesItsTransactionSet() throws Exception {
    List<String> segments = twoInterchanges().stream().filter(s -> !(s.startsWith("SE*") && s.endsWith("*0002")))
        .toList();
    List<ParsedClaim> items = parse(folder, text(segments));

    assertThat(items).filteredOn(item -> !item.isAccepted()).singleElement().satisfies(item -> {
      assertThat(item.origin().transactionSetControlNumber()).isEqualTo("0002");
      assertThat(item.rejection().reason()).isEqualTo("SE segment is missing before GE");
    });
    assertThat(items).filteredOn(ParsedClaim::isAccepted).extracting(item -> item.claim().claimId())
        .containsExactly("PSY-1001", "PSY-1001-R", "PSY-1001-V");
  }

  @Test
  void theIeaMismatchIsReportedWithItsLine() throws Exception {
    List<String> segments = twoInterchanges().stream()
        .map(s -> s.equals("IEA*1*000000102") ? "IEA*1*000000100" : s).toList();
    int ieaLine = segments.indexOf("IEA*1*000000100") + 1;

    List<ParsedClaim> items = parse(folder, text(segments));

    assertThat(items).filteredOn(item -> !item.isAccepted()).hasSize(2).allSatisfy(item -> {
      assertThat(item.rejection().line()).isEqualTo(ieaLine);
      assertThat(item.rejection().location()).isEqualTo("IEA02 (line " + ieaLine + ")");
      assertThat(item.rejection().reason()).startsWith("interchange 000000102 is refused: IEA02");
    });
  }

  static Stream<Arguments> unreadable() {
    String valid = text(twoInterchanges());
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R', (byte) 0xFF};
    return Stream.of(
        Arguments.of("binary garbage", png),
        Arguments.of("an empty file", new byte[0]),
        Arguments.of("CSV, not X12", "member_id,claim_id\nM1,C1\n".getBytes(StandardCharsets.UTF_8)),
        Arguments.of("an ISA header cut short", valid.substring(0, 60).getBytes(StandardCharsets.UTF_8)),
        Arguments.of("an ISA with an unpadded sender id",
            valid.replace("SUBMITTER      ", "SUBMITTER").getBytes(StandardCharsets.UTF_8)),
        Arguments.of("a file cut in the middle of a claim",
            valid.substring(0, valid.indexOf("SV2*0124")).getBytes(StandardCharsets.UTF_8)),
        Arguments.of("text after the last IEA", (valid + "hello\n").getBytes(StandardCharsets.UTF_8)),
        Arguments.of("a control character inside a segment tag",
            valid.replace("CL1*1*1*01", "C\u0001L1*1*1*01").getBytes(StandardCharsets.UTF_8)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unreadable")
  void aFileThatIsNotReadableX12IsRefusedWholeBeforeAnyClaim(String what, byte[] content) throws Exception {
    Path file = folder.resolve("bad.837");
    Files.write(file, content);

    assertThatThrownBy(() -> new X12ClaimParser().open(file))
        .isInstanceOfSatisfying(UnreadableFile.class, e -> {
          assertThat(e.fileName()).isEqualTo("bad.837");
          assertThat(e.reason()).isNotBlank().doesNotContain("hello");
          assertThat(e.line()).isNotNegative();
        });
  }
}
