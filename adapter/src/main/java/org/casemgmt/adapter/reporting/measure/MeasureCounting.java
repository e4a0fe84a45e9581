package org.casemgmt.adapter.reporting.measure;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.casemgmt.adapter.security.AccessGrant;

/** How the measures of one kind find the clients they may count in a period, and count them by their rules. */
interface MeasureCounting {

  MeasureDefinition.Kind kind();

  /** The types of record it reads about clients: a client counts only where the caller reaches their records of each. */
  List<String> reads();

  /** The clients with something to count in the period, however many, before the caller's reach narrows them. */
  Set<String> candidates(MeasureDefinition definition, LocalDate from, LocalDate to);

  /**
   * What these clients' records count in the period, seen as the caller ({@code grant}; null for the service's own
   * work) may see them; {@code today} is the evaluation day.
   */
  List<Counted> count(MeasureDefinition definition, List<String> clients, LocalDate from, LocalDate to,
      LocalDate today, AccessGrant grant);
}
