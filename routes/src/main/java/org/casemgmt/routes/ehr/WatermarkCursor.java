package org.casemgmt.routes.ehr;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Where a poll may resume after each page. Pages come sorted by {@code _lastUpdated}, so once a page is committed
 * everything updated before its latest time has been seen; resources sharing that latest time may go on over the
 * next page, so the watermark stops just below it (those already seen are asked for again and change nothing). The
 * last page of a poll takes the watermark to the latest time seen. Times are compared at full precision, and the
 * server's own text is what is stored and sent back.
 */
final class WatermarkCursor {
  private record Mark(Instant at, String text) {
  }

  private Mark committed;
  private Mark highest;
  private Mark belowHighest;

  /** @param start the watermark the poll started from, or null for the first poll */
  WatermarkCursor(String start) {
    this.committed = parse(start);
  }

  /**
   * @param lastUpdated the page's resources' {@code meta.lastUpdated} as sent (null or unreadable ones are left out)
   * @param more        whether a next page follows
   * @return the watermark to commit with the page, or null to leave it where it is
   */
  String afterPage(List<String> lastUpdated, boolean more) {
    for (String text : lastUpdated) {
      Mark mark = parse(text);
      if (mark == null) {
        continue;
      }
      if (highest == null || mark.at().isAfter(highest.at())) {
        belowHighest = later(belowHighest, highest);
        highest = mark;
      } else if (mark.at().isBefore(highest.at())) {
        belowHighest = later(belowHighest, mark);
      }
    }
    Mark safe = more ? belowHighest : highest;
    if (safe == null || committed != null && !safe.at().isAfter(committed.at())) {
      return null;
    }
    committed = safe;
    return safe.text();
  }

  private static Mark later(Mark a, Mark b) {
    return a == null ? b : b == null || !b.at().isAfter(a.at()) ? a : b;
  }

  private static Mark parse(String text) {
    try {
      return text == null ? null : new Mark(OffsetDateTime.parse(text).toInstant(), text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
