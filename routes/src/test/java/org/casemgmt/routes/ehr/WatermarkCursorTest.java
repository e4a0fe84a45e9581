package org.casemgmt.routes.ehr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where a poll may resume after each page, so that nothing updated is skipped and nothing runs backwards. */
class WatermarkCursorTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(nullValues = "-", delimiter = ';', value = {
      // case; start; page's lastUpdated (space-separated); more pages; watermark to commit (- = unchanged)
      "last page: its latest time; -; 2026-01-01T10:00:00Z 2026-01-01T10:05:00Z; false; 2026-01-01T10:05:00Z",
      "more to come: just below the latest, which may go on over the next page;"
          + " -; 2026-01-01T10:00:00Z 2026-01-01T10:05:00Z; true; 2026-01-01T10:00:00Z",
      "more to come, one time on the whole page: stays; 2025-12-31T00:00:00Z;"
          + " 2026-01-01T10:00:00Z 2026-01-01T10:00:00Z; true; -",
      "an empty last page: stays; 2025-12-31T00:00:00Z; ; false; -",
      "the server's own text is kept; -; 2026-01-01T04:00:00.123456-06:00; false; 2026-01-01T04:00:00.123456-06:00",
      "full precision: microseconds apart are different times; -;"
          + " 2026-01-01T10:00:00.000001Z 2026-01-01T10:00:00.000002Z; true; 2026-01-01T10:00:00.000001Z",
      "offsets compared as instants (05:00-06:00 is 11:00Z); -; 2026-01-01T05:00:00-06:00 2026-01-01T10:30:00Z;"
          + " true; 2026-01-01T10:30:00Z",
      "never backwards (a server that ignores _sort); 2026-02-01T00:00:00Z; 2026-01-15T00:00:00Z; false; -",
      "unreadable times are left out; -; yesterday 2026-01-01T10:00:00Z; false; 2026-01-01T10:00:00Z"})
  void onePage(String name, String start, String lastUpdated, boolean more, String expected) {
    WatermarkCursor cursor = new WatermarkCursor(start);
    assertThat(cursor.afterPage(times(lastUpdated), more)).isEqualTo(expected);
  }

  @Test
  void aTieAcrossPagesIsAskedForAgainNotSkipped() {
    WatermarkCursor cursor = new WatermarkCursor(null);
    // Three resources at 10:05; the page boundary falls between them.
    assertThat(cursor.afterPage(times("2026-01-01T10:00:00Z 2026-01-01T10:05:00Z"), true))
        .isEqualTo("2026-01-01T10:00:00Z");
    assertThat(cursor.afterPage(times("2026-01-01T10:05:00Z 2026-01-01T10:05:00Z"), true)).isNull();
    assertThat(cursor.afterPage(times("2026-01-01T10:07:00Z"), false)).isEqualTo("2026-01-01T10:07:00Z");
  }

  @Test
  void theWatermarkOfALaterPageIsTheLatestTimeBelowItsMaximumOverAllPages() {
    WatermarkCursor cursor = new WatermarkCursor("2025-12-31T00:00:00Z");
    cursor.afterPage(times("2026-01-01T10:00:00Z 2026-01-01T10:05:00Z"), true);
    // The page holds only its maximum: everything below it, seen on the first page, is safe.
    assertThat(cursor.afterPage(times("2026-01-01T10:09:00Z"), true)).isEqualTo("2026-01-01T10:05:00Z");
  }

  private static List<String> times(String spaced) {
    return spaced == null ? List.of() : Arrays.asList(spaced.trim().split("\\s+"));
  }
}
