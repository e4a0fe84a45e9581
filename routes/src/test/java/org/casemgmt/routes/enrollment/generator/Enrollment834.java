package org.casemgmt.routes.enrollment.generator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Test 834 files: the members given, in one interchange, group and transaction set whose trailers are counted here,
 * from the Illinois Medicaid agency (sponsor, N1*P5) for a managed-care organisation (payer, N1*IN), so a test
 * changes one thing and every other number still adds up. Segments end with '~' and a line break.
 */
public final class Enrollment834 {
  public static final String VERSION = "005010X220A1";
  /** The payer's federal taxpayer id (N1*IN N104). */
  public static final String PAYER_ID = "376000001";

  private Enrollment834() {
  }

  /** BGN (original, a change file, sent on 2 January 2025) and the sponsor and payer loops (1000A, 1000B). */
  public static List<String> header(String reference) {
    return List.of(
        "BGN*00*" + reference + "*20250102*0200****2",
        "N1*P5*ILLINOIS HEALTHCARE AND FAMILY SERVICES*FI*376000000",
        "N1*IN*PRAIRIE MEDICAID HEALTH PLAN*FI*" + PAYER_ID);
  }

  /** The file of these members. */
  public static String file(Member834... members) {
    return text(interchange("000000901", Arrays.stream(members).map(Member834::segments).toList()));
  }

  /** One interchange, group and transaction set: the header, then each member's segments. */
  public static List<String> interchange(String controlNumber, List<List<String>> members) {
    List<String> body = new ArrayList<>(header("ENR" + controlNumber));
    members.forEach(body::addAll);
    List<String> segments = new ArrayList<>();
    segments.add("ISA*00*          *00*          *ZZ*ILMEDICAID     *ZZ*CASEMGMT       *250102*0200*^*00501*"
        + controlNumber + "*0*P*:");
    segments.add("GS*BE*ILMEDICAID*CASEMGMT*20250102*0200*1*X*" + VERSION);
    segments.add("ST*834*0001*" + VERSION);
    segments.addAll(body);
    segments.add("SE*" + (body.size() + 2) + "*0001");
    segments.add("GE*1*1");
    segments.add("IEA*1*" + controlNumber);
    return segments;
  }

  /** The file text: segments ended by '~' and a line break. */
  public static String text(List<String> segments) {
    return String.join("~\n", segments) + "~\n";
  }
}
