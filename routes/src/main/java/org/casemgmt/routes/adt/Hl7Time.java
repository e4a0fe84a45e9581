package org.casemgmt.routes.adt;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;

/**
 * An HL7 v2 date/time (DTM, and the TS and DT of older versions): {@code YYYY[MM[DD[HH[MM[SS[.S[S[S[S]]]]]]]]][+/-ZZZZ]}
 * read into FHIR types at the precision it was sent with. FHIR requires a UTC offset on every time of day, so a
 * time sent without one is placed in the zone the mapping tables give for its facility.
 */
final class Hl7Time {
  private static final Pattern DTM = Pattern.compile(
      "(\\d{4})(?:(\\d{2})(?:(\\d{2})(?:(\\d{2})(?:(\\d{2})(?:(\\d{2})(?:\\.(\\d{1,4}))?)?)?)?)?)?([+-]\\d{4})?");

  private final Matcher parts;

  private Hl7Time(Matcher parts) {
    this.parts = parts;
  }

  /** Reads an HL7 time; IllegalArgumentException when it is not one (wrong shape or an impossible date). */
  static Hl7Time parse(String value) {
    Matcher parts = DTM.matcher(value.trim());
    if (!parts.matches()) {
      throw new IllegalArgumentException("not an HL7 date/time");
    }
    Hl7Time time = new Hl7Time(parts);
    try {
      time.date();
      if (time.hasTime()) {
        time.time();
      }
      if (parts.group(8) != null) {
        time.offset();
      }
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("not a calendar date/time", e);
    }
    return time;
  }

  /** The date part only, at its precision (year, month or day): what a birth date is. */
  DateType toDate() {
    return new DateType(fhirDate());
  }

  /** The whole value as a FHIR dateTime. */
  DateTimeType toDateTime(ZoneId zone) {
    if (!hasTime()) {
      return new DateTimeType(fhirDate());
    }
    LocalDateTime local = LocalDateTime.of(date(), time());
    ZoneOffset offset = parts.group(8) != null ? offset() : zone.getRules().getOffset(local);
    String fraction = parts.group(7) == null ? "" : "." + parts.group(7);
    String seconds = String.format("%02d", local.getSecond());
    return new DateTimeType(fhirDate() + "T" + String.format("%02d:%02d", local.getHour(), local.getMinute()) + ":"
        + seconds + fraction + (offset.getTotalSeconds() == 0 ? "Z" : offset.getId()));
  }

  /** The value as an instant with its offset; a date alone is taken as the start of that day. */
  OffsetDateTime toOffsetDateTime(ZoneId zone) {
    LocalDateTime local = LocalDateTime.of(date(), hasTime() ? time() : LocalTime.MIDNIGHT);
    ZoneOffset offset = parts.group(8) != null ? offset() : zone.getRules().getOffset(local);
    return OffsetDateTime.of(local, offset);
  }

  private boolean hasTime() {
    return parts.group(4) != null;
  }

  private LocalDate date() {
    return LocalDate.of(number(1, 1), number(2, 1), number(3, 1));
  }

  private LocalTime time() {
    String fraction = parts.group(7) == null ? "0" : (parts.group(7) + "000").substring(0, 4);
    return LocalTime.of(number(4, 0), number(5, 0), number(6, 0), Integer.parseInt(fraction) * 100_000);
  }

  private ZoneOffset offset() {
    String zzzz = parts.group(8);
    int hours = Integer.parseInt(zzzz.substring(1, 3));
    int minutes = Integer.parseInt(zzzz.substring(3, 5));
    if (minutes > 59 || hours > 14 || (hours == 14 && minutes > 0)) {
      throw new DateTimeException("offset out of range");
    }
    int sign = zzzz.charAt(0) == '-' ? -1 : 1;
    return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
  }

  private String fhirDate() {
    StringBuilder date = new StringBuilder(parts.group(1));
    if (parts.group(2) != null) {
      date.append('-').append(parts.group(2));
      if (parts.group(3) != null) {
        date.append('-').append(parts.group(3));
      }
    }
    return date.toString();
  }

  private int number(int group, int absent) {
    return parts.group(group) == null ? absent : Integer.parseInt(parts.group(group));
  }
}
