package org.casemgmt.routes.adt;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

/**
 * Coded values (CWE, and the CE and IS of older versions) as FHIR codings. The code system comes from the
 * coding-system name the sender gives (CWE-3), resolved through the mapping tables; HL7's own tables (HL7nnnn)
 * have known URLs; a name nobody configured keeps its identity as a local system, so nothing is guessed.
 */
final class Codes {
  private static final Pattern HL7_TABLE = Pattern.compile("HL7(\\d{4})");

  private final AdtMappingTables tables;

  Codes(AdtMappingTables tables) {
    this.tables = tables;
  }

  /** The FHIR code system URL for a coding-system name. */
  String system(String name) {
    Matcher hl7Table = HL7_TABLE.matcher(name.trim().toUpperCase(Locale.ROOT));
    if (hl7Table.matches()) {
      return hl7Table(hl7Table.group(1));
    }
    return tables.codingSystem(name).orElseGet(() -> LocalSystems.codingSystem(name));
  }

  static String hl7Table(String number) {
    return "http://terminology.hl7.org/CodeSystem/v2-" + number;
  }

  /**
   * A coded field as a concept: CWE-1 code, CWE-2 display and text, system from CWE-3 or, when the sender names
   * none, the given one. Null when the field has no code.
   */
  CodeableConcept concept(V2Segment segment, int field, int repetition, String unnamedSystem) {
    String code = segment.get(field, repetition, 1, 1);
    if (code.isEmpty()) {
      return null;
    }
    String systemName = segment.get(field, repetition, 3, 1);
    String display = segment.get(field, repetition, 2, 1);
    Coding coding = new Coding(systemName.isEmpty() ? unnamedSystem : system(systemName), code,
        display.isEmpty() ? null : display);
    CodeableConcept concept = new CodeableConcept().addCoding(coding);
    return display.isEmpty() ? concept : concept.setText(display);
  }
}
