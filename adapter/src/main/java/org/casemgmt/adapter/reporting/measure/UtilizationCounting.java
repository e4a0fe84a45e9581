package org.casemgmt.adapter.reporting.measure;

import org.casemgmt.adapter.reporting.PopulationRecords;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.casemgmt.adapter.eligibility.program.ProgramDefinition;
import org.casemgmt.adapter.eligibility.program.ProgramDefinitions;
import org.casemgmt.adapter.security.AccessGrant;
import org.springframework.stereotype.Component;

/**
 * The utilization measures: clients with an enrollment whose period overlaps the measurement period, their
 * enrollments and episodes as {@link UtilizationMeasure} counts them (denied claims as each program's rules say).
 */
@Component
class UtilizationCounting implements MeasureCounting {
  private final ServiceUseReader reader;
  private final PopulationRecords records;
  private final ProgramDefinitions programs;

  UtilizationCounting(ServiceUseReader reader, PopulationRecords records, ProgramDefinitions programs) {
    this.reader = reader;
    this.records = records;
    this.programs = programs;
  }

  @Override
  public MeasureDefinition.Kind kind() {
    return MeasureDefinition.Kind.UTILIZATION;
  }

  @Override
  public List<String> reads() {
    return List.of("Encounter", "EpisodeOfCare");
  }

  @Override
  public Set<String> candidates(MeasureDefinition definition, LocalDate from, LocalDate to) {
    return records.clientsEnrolled(from, to);
  }

  @Override
  public List<Counted> count(MeasureDefinition definition, List<String> clients, LocalDate from, LocalDate to,
      LocalDate today, AccessGrant grant) {
    UtilizationMeasure rules = new UtilizationMeasure(definition.utilization(), programs.all().stream()
        .filter(ProgramDefinition::countDeniedClaims).map(ProgramDefinition::id).collect(Collectors.toSet()));
    List<Counted> counted = new ArrayList<>();
    reader.read(clients, Set.of(), from, to, grant, facts -> counted.addAll(rules.evaluate(facts, from, to)));
    return counted;
  }
}
