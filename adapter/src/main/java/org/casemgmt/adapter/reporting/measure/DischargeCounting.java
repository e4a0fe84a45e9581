package org.casemgmt.adapter.reporting.measure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.casemgmt.adapter.security.AccessGrant;
import org.springframework.stereotype.Component;

/** The discharge measures: clients with an index stay in the period, their discharges as {@link DischargeMeasure} counts them. */
@Component
class DischargeCounting implements MeasureCounting {
  private final ServiceUseReader reader;

  DischargeCounting(ServiceUseReader reader) {
    this.reader = reader;
  }

  @Override
  public MeasureDefinition.Kind kind() {
    return MeasureDefinition.Kind.DISCHARGE;
  }

  @Override
  public List<String> reads() {
    return List.of("Encounter");
  }

  @Override
  public Set<String> candidates(MeasureDefinition definition, LocalDate from, LocalDate to) {
    return reader.clientsWithStays(definition.discharge().indexKinds(), from, to);
  }

  @Override
  public List<Counted> count(MeasureDefinition definition, List<String> clients, LocalDate from, LocalDate to,
      LocalDate today, AccessGrant grant) {
    DischargeDefinition discharge = definition.discharge();
    int longest = discharge.windowsDays().stream().mapToInt(Integer::intValue).max().orElse(0);
    DischargeMeasure rules = new DischargeMeasure(discharge);
    List<Counted> counted = new ArrayList<>();
    reader.read(clients, discharge.followUps(), from, to.plusDays(longest), grant,
        facts -> rules.evaluate(facts, from, to, today).forEach(outcome -> counted.addAll(outcome.counted())));
    return counted;
  }
}
