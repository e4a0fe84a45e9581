package org.casemgmt.routes.clientrecord;

import java.util.Arrays;
import java.util.Optional;
import org.hl7.fhir.r4.model.Coding;

/**
 * The guide's encounter-kind code system: what kind of hospital, crisis or mental-health contact an Encounter was.
 * The feeds write it (ADT from the facility's units, the EHR pull from the site's codes, claims from bill types and
 * procedures) and eligibility and the measures read it, so it is spelled once, here, for all of them; a test keeps
 * it in step with the guide's CodeSystem.
 */
public enum EncounterKind {
  PSYCHIATRIC_INPATIENT("psychiatric-inpatient", "Psychiatric inpatient stay"),
  PSYCHIATRIC_EMERGENCY("psychiatric-emergency", "Psychiatric emergency visit"),
  STATE_PSYCHIATRIC_HOSPITAL("state-psychiatric-hospital", "Stay in a state psychiatric hospital"),
  CRISIS_SERVICE("crisis-service", "Crisis service contact"),
  MENTAL_HEALTH_OUTPATIENT("mental-health-outpatient", "Outpatient mental-health visit"),
  MEDICAL_INPATIENT("medical-inpatient", "Medical (non-psychiatric) inpatient stay"),
  MEDICAL_EMERGENCY("medical-emergency", "Medical (non-psychiatric) emergency visit");

  /** Repeated rather than read from the guide's package: routes must not need the validator on its classpath. */
  public static final String SYSTEM = "https://fhir.casemgmt-adapter.org/CodeSystem/encounter-kind";

  private final String code;
  private final String display;

  EncounterKind(String code, String display) {
    this.code = code;
    this.display = display;
  }

  public String code() {
    return code;
  }

  public String display() {
    return display;
  }

  /** The kind as a coding with its display, as the feeds that classify stays write it. */
  public Coding coding() {
    return new Coding(SYSTEM, code, display);
  }

  /** A stay or emergency visit (a hospitalization), psychiatric or not. */
  public static EncounterKind hospitalization(boolean psychiatric, boolean emergency) {
    if (psychiatric) {
      return emergency ? PSYCHIATRIC_EMERGENCY : PSYCHIATRIC_INPATIENT;
    }
    return emergency ? MEDICAL_EMERGENCY : MEDICAL_INPATIENT;
  }

  /** The kind of this code of {@link #SYSTEM}; empty for a code the guide does not define. */
  public static Optional<EncounterKind> ofCode(String code) {
    return Arrays.stream(values()).filter(kind -> kind.code.equals(code)).findFirst();
  }
}
