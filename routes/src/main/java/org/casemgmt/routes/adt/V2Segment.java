package org.casemgmt.routes.adt;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.Type;
import ca.uhn.hl7v2.util.Terser;
import java.time.ZoneId;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;

/**
 * One parsed segment read by position, as the HL7 chapters and the v2-to-FHIR tables name fields ("PID-3.4").
 * Every version from 2.3 is read into the v2.8 structures; fields withdrawn since (PID-2, DG1-2) keep their
 * positions there, so reading by position works the same for all of them. Values come back unescaped and trimmed,
 * and absent values are empty strings, never null.
 */
final class V2Segment {
  private static final String EXPLICIT_NULL = "\"\"";

  private final Segment segment;
  private final int occurrence;

  V2Segment(Segment segment, int occurrence) {
    this.segment = segment;
    this.occurrence = occurrence;
  }

  String id() {
    return segment.getName();
  }

  /** 1-based: the how-many-th segment of this id in the message, for error locations. */
  int occurrence() {
    return occurrence;
  }

  String get(int field) {
    return get(field, 0, 1, 1);
  }

  String get(int field, int component) {
    return get(field, 0, component, 1);
  }

  /**
   * A value by field, repetition (0-based), component and subcomponent (1-based). HL7's explicit null ({@code ""})
   * comes back empty like an absent value: see {@link #isNull} for the difference.
   */
  String get(int field, int repetition, int component, int subcomponent) {
    String value = raw(field, repetition, component, subcomponent);
    return EXPLICIT_NULL.equals(value) ? "" : value;
  }

  /**
   * Whether the sender cleared this value with HL7's explicit null ({@code ""}: "delete what you hold"), as opposed
   * to leaving it empty ("nothing to say"). Component 0 asks about the whole field (its first repetition).
   */
  boolean isNull(int field, int component) {
    if (component > 0) {
      return EXPLICIT_NULL.equals(raw(field, 0, component, 1));
    }
    try {
      Type[] repetitions = segment.getField(field);
      return repetitions.length == 1 && EXPLICIT_NULL.equals(repetitions[0].encode());
    } catch (HL7Exception e) {
      return false;
    }
  }

  private String raw(int field, int repetition, int component, int subcomponent) {
    try {
      String value = Terser.get(segment, field, repetition, component, subcomponent);
      return value == null ? "" : value.trim();
    } catch (HL7Exception e) {
      return "";
    }
  }

  int repetitions(int field) {
    try {
      return segment.getField(field).length;
    } catch (HL7Exception e) {
      return 0;
    }
  }

  /** An HD held in components of a field (MSH-4). */
  HierarchicDesignator designator(int field) {
    return new HierarchicDesignator(get(field, 0, 1, 1), get(field, 0, 2, 1));
  }

  /** An HD held in subcomponents of a component (CX-4). */
  HierarchicDesignator designator(int field, int repetition, int component) {
    return new HierarchicDesignator(get(field, repetition, component, 1), get(field, repetition, component, 2));
  }

  /** A date/time field, null when empty; an error naming the field when it is not an HL7 date/time. */
  DateTimeType dateTime(int field, String meaning, ZoneId zone) throws AdtRejection {
    String value = get(field);
    try {
      return value.isEmpty() ? null : Hl7Time.parse(value).toDateTime(zone);
    } catch (IllegalArgumentException e) {
      throw notATime(field, meaning, value, "date/time");
    }
  }

  /** A date field (time of day dropped), null when empty; an error naming the field when it is not an HL7 date. */
  DateType date(int field, String meaning) throws AdtRejection {
    String value = get(field);
    try {
      return value.isEmpty() ? null : Hl7Time.parse(value).toDate();
    } catch (IllegalArgumentException e) {
      throw notATime(field, meaning, value, "date");
    }
  }

  String location(int field) {
    return (occurrence > 1 ? id() + "[" + occurrence + "]" : id()) + "-" + field;
  }

  AdtRejection error(Hl7Error error, int field, String reason) {
    return AdtRejection.error(error, id(), occurrence, field, reason);
  }

  private AdtRejection notATime(int field, String meaning, String value, String kind) {
    return error(Hl7Error.DATA_TYPE, field,
        location(field) + " " + meaning + " '" + value + "' is not a valid HL7 " + kind);
  }
}
