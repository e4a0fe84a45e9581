package org.casemgmt.adapter.adt;

import static org.casemgmt.adapter.testing.GuideExamples.uniqueValue;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** One hospital stay of one person, and the messages its hospital sends about it. */
public final class Visit {
  final String facility;
  final String mrn = "M" + uniqueValue();
  final String medicaidId;

  public String medicaidId() {
    return medicaidId;
  }
  String number = "V" + uniqueValue();
  String diagnosis = "F25.0^Schizoaffective disorder, bipolar type";
  /** PID-5 and PID-8 as sent. */
  String name = "Rivera^Dana^M";
  String sex = "F";
  /** PID-11, the home address with its county. */
  String address = "12 Elm St^^Springfield^IL^62704^USA^H^^Sangamon";
  /** The DG1 segments sent; null: one admitting diagnosis, {@link #diagnosis}. */
  List<String> diagnoses;
  String lastControlId;

  public Visit(String facility) {
    this(facility, uniqueValue());
  }

  public Visit(String facility, String medicaidId) {
    this.facility = facility;
    this.medicaidId = medicaidId;
  }

  /** The event's message, sent at a time that orders A01 before A03 before A11/A13, as a hospital would. */
  public String message(String event) {
    return message(event, UUID.randomUUID().toString().substring(0, 20));
  }

  /** The event's message under a control id (MSH-10) the test chooses. */
  String message(String event, String controlId) {
    lastControlId = controlId;
    String sent = switch (event) {
      case "A01" -> "20260301083000-0600";
      case "A03" -> "20260310120000-0600";
      default -> "20260311090000-0600";
    };
    String[] pv1 = new String[46];
    Arrays.fill(pv1, "");
    pv1[1] = "1";
    pv1[2] = "I";
    pv1[3] = "5EAST^501^A";
    pv1[10] = "PSY";
    pv1[19] = number;
    pv1[44] = "20260301080000-0600";
    if (event.equals("A03")) {
      pv1[36] = "01";
      pv1[45] = "20260310113000-0600";
    }
    return String.join("\r",
        "MSH|^~\\&|EPIC|" + facility + "|CASEMGMT|AGENCY|" + sent + "||ADT^" + event + "^ADT_A01|" + lastControlId
            + "|P|2.5.1",
        "EVN|" + event + "|" + sent,
        "PID|1||" + mrn + "^^^" + facility + "^MR~" + medicaidId + "^^^MEDICAID^MA||" + name + "||19860517|" + sex
            + "|||" + address + "||^PRN^PH^^^217^5550142",
        "PV1|" + String.join("|", Arrays.copyOfRange(pv1, 1, 46)),
        String.join("\r", diagnoses != null ? diagnoses
            : List.of("DG1|1||" + diagnosis + "^I10||20260301|A"))) + "\r";
  }
}
