package org.casemgmt.routes.claims;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.casemgmt.routes.x12.X12Edits;

/**
 * Builds the X12 test files: psychiatric claims of our own (the public samples have none) in envelopes whose
 * trailers are counted here, so a test changes one thing and every other number still adds up. Segments are written
 * with '*', ':' and '~' plus a line break, as most senders do; {@link #withSeparators} rewrites them.
 */
final class X12Fixtures {
  static final String INSTITUTIONAL = "005010X223A2";
  static final String PROFESSIONAL = "005010X222A1";

  private X12Fixtures() {
  }

  // --- claim bodies: the segments between ST and SE ------------------------------------------------------------

  /** Submitter and receiver (1000A/B) and the billing provider (2000A) of a psychiatric hospital. */
  static List<String> hospital() {
    return List.of(
        "BHT*0019*00*BATCH1*20240401*1200*RP",
        "NM1*41*2*STATE MEDICAID*****46*SUBMIT01",           // 1000A submitter
        "PER*IC*EDI DESK*TE*5555550100",
        "NM1*40*2*CASE MGMT ADAPTER*****46*RECV01",           // 1000B receiver
        "HL*1**20*1",                                         // 2000A billing provider level
        "PRV*BI*PXC*283Q00000X",                              // psychiatric hospital taxonomy
        "NM1*85*2*RIVERSIDE PSYCHIATRIC HOSPITAL*****XX*1234567893", // 2010AA billing NPI
        "N3*100 RIVER RD",
        "N4*SPRINGFIELD*IL*62701",
        "REF*EI*370000001");
  }

  /** A Medicaid member who is her own subscriber (2000B, 2010BA, 2010BB) under HL 1. */
  static List<String> member(int hl, String memberId) {
    return List.of(
        "HL*" + hl + "*1*22*0",                               // subscriber level, no patient level below
        "SBR*P*18*******MC",                                  // self, Medicaid
        "NM1*IL*1*RIVERA*DANA*M***MI*" + memberId,            // 2010BA: member id in NM109
        "N3*12 ELM ST*APT 4",
        "N4*SPRINGFIELD*IL*627040000",
        "DMG*D8*19860412*F",                                  // birth date, gender
        "NM1*PR*2*STATE MEDICAID*****PI*MCD01");               // 2010BB payer
  }

  /**
   * An 837I psychiatric inpatient stay: type of bill 0111, psychiatric semi-private room and board (0124), MS-DRG 885
   * (psychoses), principal diagnosis F20.9 present on admission, admitted 2 March 21:14, discharged 10 March 11:30.
   * A secondary payer's 2320/2330 loops follow the claim data: their NM1*IL and REF*F8 are not this claim's.
   */
  static List<String> psychiatricStay(String claimId) {
    return List.of(
        "CLM*" + claimId + "*12500.00***11:A:1**A*Y*Y",       // CLM05: facility 11, institutional, frequency 1
        "DTP*096*TM*1130",                                    // discharge hour
        "DTP*434*RD8*20240302-20240310",                      // statement period
        "DTP*435*DT*202403022114",                            // admission date and hour
        "CL1*1*1*01",                                         // emergency, referral, discharged home
        "REF*D9*TRACE1",
        "HI*ABK:F209:::::::Y",                                // principal dx, POA Y in HI01-9
        "HI*ABJ:R45851",                                      // admitting dx: suicidal ideation
        "HI*ABF:Z590*ABF:F1210",                              // other dx: homelessness, cannabis abuse
        "HI*DR:885",                                          // MS-DRG
        "NM1*71*1*CHEN*LI****XX*1245319599",                  // 2310A attending
        "SBR*S*18*******CI",                                  // 2320 other payer
        "OI***Y***Y",
        "NM1*IL*1*RIVERA*DANA****MI*OTHERPAYERID",            // 2330A: not the Medicaid id
        "NM1*PR*2*OTHER PAYER*****PI*OP1",
        "REF*F8*OTHERPAYERCLAIM",                             // 2330B: another payer's claim number
        "LX*1",
        "SV2*0124**11200.00*DA*8",                            // room and board, 8 days
        "DTP*472*RD8*20240302-20240309",
        "LX*2",
        "SV2*0900*HC:90837*1300.00*UN*1",                     // BH treatment with psychotherapy code
        "DTP*472*D8*20240305");
  }

  /** An 837I adjustment of {@code original}: frequency 7 (replacement) or 8 (void), naming it in REF*F8. */
  static List<String> adjustment(String claimId, String frequency, String original) {
    return List.of(
        "CLM*" + claimId + "*12800.00***11:A:" + frequency + "**A*Y*Y",
        "DTP*434*RD8*20240302-20240310",
        "DTP*435*D8*20240302",
        "REF*F8*" + original,                                 // payer claim control number of the original
        "HI*ABK:F209",
        "LX*1",
        "SV2*0124**11500.00*DA*8");
  }

  /** A community mental health center billing 837P (2000A). */
  static List<String> clinic() {
    return List.of(
        "BHT*0019*00*BATCH2*20240401*1200*RP",
        "NM1*41*2*STATE MEDICAID*****46*SUBMIT01",
        "PER*IC*EDI DESK*TE*5555550100",
        "NM1*40*2*CASE MGMT ADAPTER*****46*RECV01",
        "HL*1**20*1",
        "PRV*BI*PXC*261QM0801X",                              // mental health clinic / CMHC
        "NM1*85*2*HARBOR COMMUNITY MENTAL HEALTH*****XX*1588667638",
        "N3*9 HARBOR WAY",
        "N4*SPRINGFIELD*IL*62702",
        "REF*EI*370000002");
  }

  /** A psychiatrist's inpatient visit: place of service 21, bipolar disorder F31.2, rendering provider 2310B. */
  static List<String> inpatientVisit(String claimId) {
    return List.of(
        "CLM*" + claimId + "*450.00***21:B:1*Y*A*Y*Y",       // CLM05-1: place of service 21
        "HI*ABK:F312*ABF:Z590",
        "NM1*82*1*PATEL*ASHA****XX*1972500007",              // 2310B rendering provider
        "LX*1",
        "SV1*HC:99223*450.00*UN*1***1:2",
        "DTP*472*D8*20240305");
  }

  /** Mobile crisis intervention (H2011, 15-minute units) at POS 15, the first line given at home (SV105 12). */
  static List<String> crisis(String claimId) {
    return List.of(
        "CLM*" + claimId + "*300.00***15:B:1*Y*A*Y*Y",
        "HI*ABK:F319",
        "LX*1",
        "SV1*HC:H2011:HK:U1*150.00*UN*4*12**1",              // modifiers HK, U1; place of service override 12
        "DTP*472*D8*20240320",
        "LX*2",
        "SV1*HC:H2011*150.00*UN*4***1",
        "DTP*472*D8*20240321");
  }

  // --- envelopes ---------------------------------------------------------------------------------------------------

  /** ST ... SE with the segment count (ST and SE included) SE01 needs. */
  static List<String> transaction(String controlNumber, String version, List<String> body) {
    List<String> segments = new ArrayList<>();
    segments.add("ST*837*" + controlNumber + "*" + version);
    segments.addAll(body);
    segments.add("SE*" + (body.size() + 2) + "*" + controlNumber);
    return segments;
  }

  @SafeVarargs
  static List<String> group(String controlNumber, String version, List<String>... transactions) {
    List<String> segments = new ArrayList<>();
    segments.add("GS*HC*SENDER*RECEIVER*20240401*1200*" + controlNumber + "*X*" + version);
    Arrays.stream(transactions).forEach(segments::addAll);
    segments.add("GE*" + transactions.length + "*" + controlNumber);
    return segments;
  }

  @SafeVarargs
  static List<String> interchange(String controlNumber, List<String>... groups) {
    List<String> segments = new ArrayList<>();
    segments.add("ISA*00*          *00*          *ZZ*SUBMITTER      *ZZ*RECEIVER       *240401*1200*^*00501*"
        + controlNumber + "*0*P*:");
    Arrays.stream(groups).forEach(segments::addAll);
    segments.add("IEA*" + groups.length + "*" + controlNumber);
    return segments;
  }

  @SafeVarargs
  static List<String> concat(List<String>... parts) {
    List<String> all = new ArrayList<>();
    Arrays.stream(parts).forEach(all::addAll);
    return all;
  }

  /** One interchange, one group, one 837I transaction set with the given claims under one hospital. */
  static List<String> institutionalFile(List<String> claims) {
    return interchange("000000101", group("1", INSTITUTIONAL,
        transaction("0001", INSTITUTIONAL, concat(hospital(), claims))));
  }

  /** The file text: segments ended by '~' and a line break. */
  static String text(List<String> segments) {
    return String.join("~\n", segments) + "~\n";
  }

  /** Rewrites the separators: element '*', component ':' and the terminator "~\n" become the given ones. */
  static String withSeparators(String text, char element, char component, String terminator) {
    return text.replace("~\n", "\u0000").replace('*', element).replace(':', component)
        .replace("\u0000", terminator);
  }

  /** Replaces the first segment that starts with {@code prefix} (or removes it, for null). */
  static List<String> replace(List<String> segments, String prefix, String replacement) {
    return edit(segments, prefix, s -> replacement);
  }

  static List<String> edit(List<String> segments, String prefix, UnaryOperator<String> change) {
    return X12Edits.edit(segments, prefix, change);
  }

  static Path write(Path folder, String name, String text) {
    try {
      return Files.writeString(folder.resolve(name), text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every item of the file, in order. */
  static List<ParsedClaim> readAll(ClaimReader reader) throws Exception {
    try (reader) {
      List<ParsedClaim> items = new ArrayList<>();
      ParsedClaim item;
      while ((item = reader.next()) != null) {
        items.add(item);
      }
      return items;
    }
  }

  static List<ParsedClaim> parse(Path folder, String text) throws Exception {
    return readAll(new X12ClaimParser().open(write(folder, "claims.837", text)));
  }
}
