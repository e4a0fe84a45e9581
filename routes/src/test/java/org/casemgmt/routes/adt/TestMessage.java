package org.casemgmt.routes.adt;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A v2.5.1 ADT message built field by field, so each test states only what it is about. The default is an A01
 * from Northside (a facility in config/adt-mapping.yml) admitting a client to its psychiatric unit:
 * <pre>
 * MSH-3/4   EPIC / NORTHSIDE        sending application and facility
 * MSH-9     ADT^A01^ADT_A01
 * MSH-10    NS-0001                 control id
 * EVN-2     2025-03-02 21:14 -06:00 recorded date/time
 * PID-3     MRN-778812 (NORTHSIDE, MR) ~ IL0012345678 (Medicaid, MA) ~ an SSN (SS, to be dropped)
 * PID-5/7/8 Rivera^Dana^M, 1986-05-17, F
 * PID-11    12 Elm St, Apt 2, Springfield IL 62704, USA, home, county 17167 Sangamon
 * PID-13    555-0142 (primary residence, phone)
 * PV1-2/3   I, unit 5EAST room 512 bed A (a psychiatric unit at Northside)
 * PV1-10    MED hospital service
 * PV1-19    V-2025-000981 visit number
 * PV1-44    2025-03-02 21:14 -06:00 admission
 * DG1       F200 (ICD-10-CM without its dot) paranoid schizophrenia, admitting diagnosis
 * </pre>
 */
final class TestMessage {
  private final List<List<String>> segments = new ArrayList<>();

  static TestMessage a01() {
    return new TestMessage()
        .add("MSH|^~\\&|EPIC|NORTHSIDE|CASEMGMT|CASEMGMT|20250302211500-0600||ADT^A01^ADT_A01|NS-0001|P|2.5.1")
        .add("EVN|A01|20250302211400-0600")
        .add("PID|1||MRN-778812^^^NORTHSIDE^MR~IL0012345678^^^^MA~123456789^^^SSA^SS||Rivera^Dana^M||19860517|F|||"
            + "12 Elm St^Apt 2^Springfield^IL^62704^USA^H^^17167&Sangamon||555-0142^PRN^PH")
        .add("PV1|1|I|5EAST^512^A")
        .set("PV1", 10, "MED")
        .set("PV1", 19, "V-2025-000981")
        .set("PV1", 44, "20250302211400-0600")
        .add("DG1|1||F200^Paranoid schizophrenia^I10||20250303|A");
  }

  /** The default message as another event (MSH-9 and EVN-1). */
  static TestMessage adt(String event) {
    return a01().set("MSH", 9, "ADT^" + event).set("EVN", 1, event);
  }

  TestMessage add(String segment) {
    String id = segment.substring(0, 3);
    List<String> fields = new ArrayList<>(Arrays.asList(segment.split("\\|", -1)));
    if (id.equals("MSH")) {
      fields.add(1, "|");
    }
    segments.add(fields);
    return this;
  }

  /** Sets field n of the first segment with this id (MSH-1 is the field separator, as in the standard). */
  TestMessage set(String id, int field, String value) {
    List<String> fields = first(id);
    while (fields.size() <= field) {
      fields.add("");
    }
    fields.set(field, value);
    return this;
  }

  TestMessage without(String id) {
    segments.removeIf(fields -> fields.get(0).equals(id));
    return this;
  }

  /** The message with CR segment ends, as HL7 prescribes. */
  String text() {
    return text("\r");
  }

  String text(String segmentEnd) {
    StringBuilder text = new StringBuilder();
    for (List<String> fields : segments) {
      List<String> written = new ArrayList<>(fields);
      if (written.get(0).equals("MSH")) {
        written.remove(1);
      }
      text.append(String.join("|", written)).append(segmentEnd);
    }
    return text.toString();
  }

  private List<String> first(String id) {
    return segments.stream().filter(fields -> fields.get(0).equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no " + id + " segment"));
  }
}
