package org.casemgmt.adapter.reporting.measure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.casemgmt.adapter.reporting.measure.MeasureGroup.Population;
import org.casemgmt.adapter.reporting.measure.MeasureGroup.Stratifier;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.ListResource;
import org.hl7.fhir.r4.model.MeasureReport;
import org.hl7.fhir.r4.model.MeasureReport.MeasureReportGroupComponent;
import org.hl7.fhir.r4.model.MeasureReport.MeasureReportGroupPopulationComponent;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;

/**
 * A MeasureReport from what a measure counted, whatever its kind: per group, each population's count and the score,
 * and the same per stratum of each stratifier (program, case manager). A subject-list report links each population
 * to a contained List of its clients, each entry saying which record put them there.
 */
final class MeasureReports {
  static final String NONE = "none";

  private MeasureReports() {
  }

  static MeasureReport report(String measureUrl, MeasureDefinition definition, List<Counted> counted,
      LocalDate from, LocalDate to, MeasureReport.MeasureReportType type, String subject, Date now) {
    MeasureReport report = new MeasureReport().setStatus(MeasureReport.MeasureReportStatus.COMPLETE).setType(type)
        .setMeasure(measureUrl).setDate(now)
        .setPeriod(new Period().setStartElement(new DateTimeType(from.toString()))
            .setEndElement(new DateTimeType(to.toString())));
    if (definition.improvement() != null) {
      report.setImprovementNotation(MeasuresInForce.improvement(definition.improvement()));
    }
    if (subject != null) {
      report.setSubject(new Reference(subject));
    }
    boolean lists = type == MeasureReport.MeasureReportType.SUBJECTLIST;
    for (MeasureGroup spec : definition.groups()) {
      List<Counted> members = counted.stream().filter(one -> spec.id().equals(one.group())).toList();
      MeasureReportGroupComponent group = report.addGroup();
      group.setId(spec.id());
      group.getCode().setText(spec.id());
      fill(report, group.getPopulation(), group::setMeasureScore, spec, members, lists ? spec.id() : null);
      spec.stratifiers().forEach(stratifier -> stratify(report, group, stratifier, spec, members));
    }
    return report;
  }

  private static void stratify(MeasureReport report, MeasureReportGroupComponent group, Stratifier by,
      MeasureGroup spec, List<Counted> members) {
    MeasureReport.MeasureReportGroupStratifierComponent stratifier = group.addStratifier();
    stratifier.addCode().setText(by.code());
    Map<String, List<Counted>> strata = new LinkedHashMap<>();
    members.stream().sorted(Comparator.comparing(one -> value(by.value().apply(one))))
        .forEach(one -> strata.computeIfAbsent(value(by.value().apply(one)), key -> new ArrayList<>()).add(one));
    strata.forEach((value, inStratum) -> {
      MeasureReport.StratifierGroupComponent stratum = stratifier.addStratum();
      stratum.getValue().setText(value);
      List<MeasureReportGroupPopulationComponent> counts = new ArrayList<>();
      fill(report, counts, stratum::setMeasureScore, spec, inStratum, null);
      counts.forEach(count -> stratum.addPopulation().setCode(count.getCode()).setCount(count.getCount()));
    });
  }

  /** Counts each population (and lists its members into a contained List when {@code listPrefix} is given). */
  private static void fill(MeasureReport report, List<MeasureReportGroupPopulationComponent> into,
      Consumer<Quantity> score, MeasureGroup spec, List<Counted> counted, String listPrefix) {
    Map<String, List<Counted>> members = new LinkedHashMap<>();
    for (Population population : spec.populations()) {
      List<Counted> in = counted.stream().filter(one -> one.in(population.code())).toList();
      members.put(population.code(), in);
      MeasureReportGroupPopulationComponent count = new MeasureReportGroupPopulationComponent()
          .setCode(new CodeableConcept(new Coding(population.system(), population.code(), null)))
          .setCount(in.size());
      if (listPrefix != null) {
        count.setSubjectResults(new Reference("#" + contain(report, listPrefix + "-" + population.code(), in)));
      }
      into.add(count);
    }
    spec.score().of(members).ifPresent(score);
  }

  private static String contain(MeasureReport report, String id, List<Counted> members) {
    ListResource list = new ListResource().setStatus(ListResource.ListStatus.CURRENT)
        .setMode(ListResource.ListMode.SNAPSHOT);
    list.setId(id);
    for (Counted member : members) {
      ListResource.ListEntryComponent entry = list.addEntry().setItem(new Reference(member.client()));
      entry.getFlag().setText(member.detail());
      entry.setDateElement(new DateTimeType(member.day().toString()));
    }
    report.addContained(list);
    return id;
  }

  private static String value(String value) {
    return value == null ? NONE : value;
  }
}
