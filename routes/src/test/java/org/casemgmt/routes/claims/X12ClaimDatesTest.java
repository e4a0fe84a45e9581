package org.casemgmt.routes.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casemgmt.routes.claims.X12Fixtures.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each implementation guide's own claim dates (2300 DTP): the same qualifier can mean another thing in an 837I
 * (005010X223) and an 837P (005010X222). A psychiatrist's inpatient visit in an 837P carries the hospitalization's
 * admission and discharge dates (D8); a hospital's 837I carries the admission date and hour (DT or D8) and the
 * discharge hour (TM), whose day is the statement period's last.
 */
class X12ClaimDatesTest {
  @TempDir
  Path folder;

  @ParameterizedTest(name = "{0} {1}: {2}")
  @CsvSource(delimiter = '|', textBlock = """
      # guide | 2300 DTP                    | admitted          | discharged        | refused at, reason
      837P    | DTP*435*D8*20240302         | 2024-03-02        |                   |
      837P    | DTP*096*D8*20240310         |                   | 2024-03-10        |
      837P    | DTP*096*TM*1130             |                   |                   | DTP02 'TM' is not D8, the format of the discharge date (DTP*096) of an 837P
      837P    | DTP*096*D8*20240230         |                   |                   | DTP03 '20240230' is not a date (CCYYMMDD)
      837P    | DTP*431*D8*20240101         |                   |                   |
      837P    | DTP*435*DT*202403022114     | 2024-03-02T21:14  |                   |
      837I    | DTP*096*TM*1130             |                   | 2024-03-10T11:30  |
      837I    | DTP*096*D8*20240310         |                   |                   | DTP02 'D8' is not TM, the format of the discharge hour (DTP*096) of an 837I
      837I    | DTP*435*DT*202403022114     | 2024-03-02T21:14  |                   |
      837I    | DTP*435*D8*20240302         | 2024-03-02        |                   |
      837I    | DTP*435*RD8*20240302-20240303 |                 |                   | DTP02 'RD8' is not a format of an admission date (D8, DT)
      """)
  void eachGuideReadsItsOwnDateFormats(String guide, String dtp, String admitted, String discharged,
      String refusal) throws Exception {
    List<ParsedClaim> items = parse(folder, text(guide.equals("837P") ? professional(dtp) : institutional(dtp)));

    assertThat(items).hasSize(1);
    if (refusal != null) {
      assertThat(items.get(0).rejection()).as("refused").isNotNull();
      assertThat(items.get(0).rejection().reason()).isEqualTo(refusal);
      return;
    }
    assertThat(items.get(0).rejection()).as("refused").isNull();
    Claim claim = items.get(0).claim();
    if (admitted != null) {
      assertThat(claim.admissionDate() + (claim.admissionTime() == null ? "" : "T" + claim.admissionTime()))
          .isEqualTo(admitted);
    }
    if (discharged != null) {
      assertThat(claim.dischargeDate() + (claim.dischargeTime() == null ? "" : "T" + claim.dischargeTime()))
          .isEqualTo(discharged);
    } else {
      assertThat(claim.dischargeDate()).isNull();
    }
  }

  /** A psychiatrist's inpatient visit (POS 21) with one more 2300 date after CLM. */
  private static List<String> professional(String dtp) {
    List<String> visit = new ArrayList<>(inpatientVisit("PRO-DATES"));
    visit.add(1, dtp);
    return interchange("000000301", group("8", PROFESSIONAL,
        transaction("0001", PROFESSIONAL, concat(clinic(), member(2, "MCD000333"), visit))));
  }

  /** The psychiatric stay with its admission and discharge dates replaced by the one given. */
  private static List<String> institutional(String dtp) {
    List<String> stay = new ArrayList<>(psychiatricStay("PSY-DATES"));
    stay.removeIf(segment -> segment.startsWith("DTP*096") || segment.startsWith("DTP*435"));
    stay.add(1, dtp);
    return institutionalFile(concat(member(2, "MCD000111"), stay));
  }
}
