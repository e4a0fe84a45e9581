package org.casemgmt.adapter.reporting.export;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What an export was asked for, checked at kick-off: the level (the whole store, every client, or a Group's
 * members), the types, the window of last updates ({@code _since}, {@code _until}; the kick-off time bounds it in any
 * case) and each type's {@code _typeFilter} searches (a resource leaves when it matches any of its type's).
 */
public record ExportRequest(Level level, String group, List<String> types, Instant since, Instant until,
    Map<String, List<String>> typeFilters) {

  /** Bulk Data's three kick-off endpoints. */
  public enum Level { SYSTEM, PATIENT, GROUP }
}
