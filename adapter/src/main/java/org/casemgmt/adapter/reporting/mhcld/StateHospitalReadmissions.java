package org.casemgmt.adapter.reporting.mhcld;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.casemgmt.adapter.eligibility.evidence.EpisodeKind;
import org.casemgmt.adapter.eligibility.evidence.PsychiatricEpisode;

/**
 * The SHR's records of one client: each discharge from a state psychiatric hospital in the period, with the next
 * admission to one and the days between. The episodes come as the client record merges them: a transfer to another
 * unit or a return from a short medical stay continues the stay and is no discharge. Whether a discharge was
 * followed within 30 or 180 days is known once a readmission is found or that many days have passed; until then it
 * is left unknown, and a later submission changes the record.
 */
final class StateHospitalReadmissions {
  static final int SHORT = 30;
  static final int LONG = 180;

  private StateHospitalReadmissions() {
  }

  /** @param today what has happened by now is known */
  static List<Map<String, List<String>>> of(List<PsychiatricEpisode> episodes, ReportingPeriod period,
      LocalDate today) {
    List<PsychiatricEpisode> stays = episodes.stream().filter(e -> e.kind() == EpisodeKind.STATE_HOSPITAL)
        .sorted(Comparator.comparing(PsychiatricEpisode::start)).toList();
    List<Map<String, List<String>>> records = new ArrayList<>();
    for (PsychiatricEpisode stay : stays) {
      if (stay.end() == null || !period.contains(stay.end())) {
        continue;
      }
      Optional<LocalDate> next = stays.stream().map(PsychiatricEpisode::start)
          .filter(start -> start.isAfter(stay.end())).findFirst();
      long days = next.map(start -> ChronoUnit.DAYS.between(stay.end(), start)).orElse(-1L);
      long observed = ChronoUnit.DAYS.between(stay.end(), today);
      Map<String, List<String>> record = new LinkedHashMap<>();
      record.put("discharge-date", List.of(stay.end().toString()));
      record.put("readmission-date", next.map(start -> List.of(start.toString())).orElse(List.of()));
      record.put("days-to-readmission", days < 0 ? List.of() : List.of(Long.toString(days)));
      record.put("readmitted-30", within(days, SHORT, observed));
      record.put("readmitted-180", within(days, LONG, observed));
      records.add(record);
    }
    return records;
  }

  private static List<String> within(long days, int window, long observed) {
    if (days >= 0 && days <= window) {
      return List.of("yes");
    }
    return observed > window ? List.of("no") : List.of();
  }
}
