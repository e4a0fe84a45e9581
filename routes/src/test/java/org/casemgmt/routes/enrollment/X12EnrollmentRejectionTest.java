package org.casemgmt.routes.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.casemgmt.routes.enrollment.generator.Enrollment834;
import org.casemgmt.routes.enrollment.generator.Member834;
import org.casemgmt.routes.files.UnreadableFile;
import org.casemgmt.routes.x12.X12Edits;
import org.casemgmt.routes.x12.X12Fault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A member that cannot be read is refused with the element, segment and line at fault, and the members before and
 * after it are read; a transaction set that cannot be read is refused whole, and the other transaction sets of the
 * file are read.
 */
class X12EnrollmentRejectionTest {
  @TempDir
  Path folder;

  /**
   * One case: a change to the middle member's segments, the element refused at (null: the whole segment or loop),
   * the segment at fault and a phrase of the reason.
   */
  static Stream<Arguments> badMembers() {
    return Stream.of(
        bad("no member id", edit("REF*0F", s -> null), null, "INS", "REF*0F (the member's Medicaid id) is missing"),
        bad("a dependent", member(m -> m.dependent("19")), "INS01", "INS", "the member is a dependent"),
        bad("unknown maintenance", edit("INS", s -> "INS*Y*18*099*28*A"), "INS03", "INS", "'099' is not a"),
        bad("no name", edit("NM1*IL", s -> null), null, "INS", "NM1*IL (the member's name, loop 2100A) is missing"),
        bad("no family name", edit("NM1*IL", s -> "NM1*IL*1**DANA"), "NM103", "NM1", "NM103 is missing"),
        bad("an organisation", edit("NM1*IL", s -> "NM1*IL*2*ACME"), "NM102", "NM1", "a member is a person"),
        bad("birth date", member(m -> m.born("19860230", "F")), "DMG02", "DMG", "'19860230' is not a date"),
        bad("gender", member(m -> m.born("19860412", "X")), "DMG03", "DMG", "not a gender code"),
        bad("state", member(m -> m.address("1 A ST", "SPRINGFIELD", "ILL", "62704", null)), "N402", "N4",
            "not a state code"),
        bad("ZIP code", member(m -> m.address("1 A ST", "SPRINGFIELD", "IL", "6270", null)), "N403", "N4",
            "not a ZIP code"),
        bad("coverage begin missing", edit("DTP*348", s -> null), null, "HD", "DTP*348 (benefit begin) is missing"),
        bad("coverage begin not a date", edit("DTP*348", s -> "DTP*348*D8*20251301"), "DTP03", "DTP",
            "'20251301' is not a date"),
        bad("coverage begin as a range", edit("DTP*348", s -> "DTP*348*RD8*20250101-20251231"), "DTP02", "DTP",
            "is not D8"),
        bad("coverage deleted", edit("HD", s -> "HD*002**HLT"), "HD01", "HD", "'002' is not a maintenance type"),
        bad("no insurance line", edit("HD", s -> "HD*021"), "HD03", "HD", "HD03 is missing"),
        bad("end before begin", member(m -> m.withoutCoverage().coverage("021", "HLT", "20250601", "20250101")),
            "DTP03", "DTP", "is before the benefit begin"),
        bad("termination without end", member(m -> m.maintenance("024", "07").withoutCoverage()), "INS03", "INS",
            "without an end date"),
        bad("coverage termination without end",
            member(m -> m.withoutCoverage().coverage("024", "HLT", "20250101", null)), "HD01", "HD",
            "without an end date"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badMembers")
  void aBadMemberIsRefusedWhereItIsWrongAndTheOthersAreRead(String what, Function<Member834, List<String>> build,
      String element, String segment, String reason) throws Exception {
    List<String> bad = build.apply(Member834.added("MCD0000002"));
    String text = Enrollment834.text(Enrollment834.interchange("000000001", List.of(
        Member834.added("MCD0000001").segments(), bad, Member834.added("MCD0000003").segments())));

    List<ParsedMember> items = Enrollment834Files.parse(folder, text);

    assertThat(items).hasSize(3);
    assertThat(items.get(0).maintenance().memberId()).isEqualTo("MCD0000001");
    assertThat(items.get(2).maintenance().memberId()).isEqualTo("MCD0000003");
    MemberRejection rejection = items.get(1).rejection();
    assertThat(rejection).as(what).isNotNull();
    assertThat(rejection.scope()).isEqualTo(MemberRejection.Scope.MEMBER);
    X12Fault fault = rejection.fault();
    assertThat(fault.element()).isEqualTo(element);
    assertThat(fault.segmentId()).isEqualTo(segment);
    assertThat(fault.reason()).contains(reason);
    // the segment named is where the file says it is: line and position (ST = 1) of the same segment
    List<String> lines = List.of(text.split("~\n"));
    assertThat(lines.get(fault.line() - 1)).startsWith(segment + "*");
    assertThat(fault.segmentPosition()).isEqualTo(fault.line() - lines.indexOf("ST*834*0001*" + Enrollment834.VERSION));
    assertThat(items.get(1).origin().firstLine()).isLessThanOrEqualTo(fault.line());
  }

  @Test
  void theRejectionNamesTheMemberWhenItsIdWasRead() throws Exception {
    List<ParsedMember> items = Enrollment834Files.parse(folder, Enrollment834.file(
        Member834.added("MCD0000009").born("19861332", "F")));
    assertThat(items.get(0).rejection().memberId()).isEqualTo("MCD0000009");
    assertThat(items.get(0).rejection().location()).matches("DMG02 \\(segment \\d+, line \\d+\\)");
  }

  @Test
  void aTransactionSetThatIsNotAnEnrollmentIsRefusedWholeAndTheNextIsRead() throws Exception {
    List<String> claims = Enrollment834.interchange("000000001", List.of(Member834.added("MCD1").segments()));
    claims.replaceAll(s -> s.startsWith("ST*834") ? "ST*837*0001*005010X222A1" : s);
    List<String> enrollment = Enrollment834.interchange("000000002", List.of(Member834.added("MCD2").segments()));

    List<ParsedMember> items = Enrollment834Files.parse(folder, Enrollment834.text(concat(claims, enrollment)));

    assertThat(items).hasSize(2);
    assertThat(items.get(0).rejection().scope()).isEqualTo(MemberRejection.Scope.TRANSACTION_SET);
    assertThat(items.get(0).rejection().fault().element()).isEqualTo("ST01");
    assertThat(items.get(0).rejection().reason()).contains("not a benefit enrollment (834)");
    assertThat(items.get(1).maintenance().memberId()).isEqualTo("MCD2");
  }

  /** A change to a file of two members, the element it is refused at (null: a whole segment) and the reason. */
  static Stream<Arguments> badTransactionSets() {
    return Stream.of(
        Arguments.of("an older version", file("ST*834", s -> "ST*834*0001*004010X095A1"), "ST03", "004010X095A1"),
        Arguments.of("no payer", file("N1*IN", s -> null), null, "N1*IN (the payer, loop 1000B) is missing"),
        Arguments.of("a file date that is not a date", file("BGN", s -> "BGN*00*REF*20250230*0200****2"), "BGN03",
            "'20250230' is not a date"),
        Arguments.of("a wrong segment count", file("SE*", s -> "SE*99*0001"), "SE01", "does not match"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badTransactionSets")
  void aBadTransactionSetIsRefusedWholeWhereItIsWrong(String what, List<String> segments, String element,
      String reason) throws Exception {
    List<ParsedMember> items = Enrollment834Files.parse(folder, Enrollment834.text(segments));
    assertThat(items).as(what).hasSize(1);
    MemberRejection rejection = items.get(0).rejection();
    assertThat(rejection.scope()).isEqualTo(MemberRejection.Scope.TRANSACTION_SET);
    assertThat(rejection.fault().element()).isEqualTo(element);
    assertThat(rejection.reason()).contains(reason);
  }

  @Test
  void aFileThatIsNotX12IsUnreadableWhole() {
    assertThatThrownBy(() -> Enrollment834Files.parse(folder, "member_id,name\nMCD1,RIVERA\n"))
        .isInstanceOf(UnreadableFile.class);
  }

  private static Arguments bad(String what, Function<Member834, List<String>> build, String element,
      String segment, String reason) {
    return Arguments.of(what, build, element, segment, reason);
  }

  /** The member as the change makes it. */
  private static Function<Member834, List<String>> member(UnaryOperator<Member834> change) {
    return member -> change.apply(member).segments();
  }

  /** The member's segments with the first that starts with the prefix changed (removed, for null). */
  private static Function<Member834, List<String>> edit(String prefix, UnaryOperator<String> change) {
    return member -> X12Edits.edit(member.segments(), prefix, change);
  }

  /** A file of two members with one segment changed; a removed segment is taken off the segment count too. */
  private static List<String> file(String prefix, UnaryOperator<String> change) {
    List<String> whole = Enrollment834.interchange("000000001", List.of(Member834.added("MCD1").segments(),
        Member834.added("MCD2").segments()));
    List<String> segments = X12Edits.edit(whole, prefix, change);
    if (segments.size() < whole.size()) {
      segments.replaceAll(s -> s.startsWith("SE*") ? "SE*" + (Integer.parseInt(s.split("\\*")[1]) - 1) + "*0001"
          : s);
    }
    return segments;
  }

  private static List<String> concat(List<String> first, List<String> second) {
    List<String> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }
}
