package org.casemgmt.adapter.reporting.measure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.casemgmt.adapter.reporting.measure.DischargeOutcome.Result;
import org.casemgmt.profiles.ImplementationGuide;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.ListResource;
import org.hl7.fhir.r4.model.MeasureReport;
import org.hl7.fhir.r4.model.MeasureReport.MeasureReportGroupComponent;
import org.hl7.fhir.r4.model.MeasureReport.MeasureReportGroupPopulationComponent;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;

/**
 * A MeasureReport from the discharges a measure counted: per window, the standard populations (initial population,
 * denominator, denominator exclusion, numerator) and the score, stratified by the program the client was enrolled in
 * on the discharge day and that enrollment's case manager; for follow-up measures also the discharges still due a
 * follow-up on the evaluation day. A subject-list report links each population to a contained List of its clients,
 * each entry saying which discharge (and event, or days left) put them there.
 */
final class MeasureReports {
  static final String POPULATION = "http://terminology.hl7.org/CodeSystem/measure-population";
  static final String DUE = "follow-up-due";
  static final String DUE_SYSTEM = ImplementationGuide.CANONICAL + "/CodeSystem/measure-population";
  static final String NONE = "none";

  /** A population of a group: its code, and whether a discharge's result is in it. */
  private record Population(String system, String code, Predicate<Result> member) {}

  private static final List<Population> STANDARD = List.of(
      new Population(POPULATION, "initial-population", Result::initial),
      new Population(POPULATION, "denominator", Result::denominator),
      new Population(POPULATION, "denominator-exclusion", result -> result.initial() && result.exclusion() != null),
      new Population(POPULATION, "numerator", Result::numerator));
  private static final Population DUE_POPULATION = new Population(DUE_SYSTEM, DUE, result -> result.daysLeft() != null);

  private MeasureReports() {
  }

  static MeasureReport report(String measureUrl, MeasureDefinition definition, List<DischargeOutcome> outcomes,
      LocalDate from, LocalDate to, MeasureReport.MeasureReportType type, String subject, Date now) {
    MeasureReport report = new MeasureReport().setStatus(MeasureReport.MeasureReportStatus.COMPLETE).setType(type)
        .setMeasure(measureUrl).setDate(now)
        .setPeriod(new Period().setStartElement(new org.hl7.fhir.r4.model.DateTimeType(from.toString()))
            .setEndElement(new org.hl7.fhir.r4.model.DateTimeType(to.toString())));
    report.setImprovementNotation(new CodeableConcept(new Coding(
        "http://terminology.hl7.org/CodeSystem/measure-improvement-notation", definition.improvement(), null)));
    if (subject != null) {
      report.setSubject(new Reference(subject));
    }
    boolean lists = type == MeasureReport.MeasureReportType.SUBJECTLIST;
    List<Population> populations = new ArrayList<>(STANDARD);
    if (definition.event() == MeasureDefinition.Event.FOLLOW_UP) {
      populations.add(DUE_POPULATION);
    }
    for (int window : definition.windowsDays()) {
      MeasureReportGroupComponent group = report.addGroup();
      group.setId(window + "-day");
      group.getCode().setText(window + "-day");
      fill(report, group.getPopulation(), group::setMeasureScore, populations, outcomes, window,
          lists ? window + "-day" : null);
      stratify(report, group, "program", DischargeOutcome::program, populations, outcomes, window);
      stratify(report, group, "case-manager", DischargeOutcome::caseManager, populations, outcomes, window);
    }
    return report;
  }

  private static void stratify(MeasureReport report, MeasureReportGroupComponent group, String name,
      Function<DischargeOutcome, String> by, List<Population> populations, List<DischargeOutcome> outcomes,
      int window) {
    MeasureReport.MeasureReportGroupStratifierComponent stratifier = group.addStratifier();
    stratifier.addCode().setText(name);
    Map<String, List<DischargeOutcome>> strata = new LinkedHashMap<>();
    outcomes.stream().sorted(java.util.Comparator.comparing(o -> value(by.apply(o))))
        .forEach(o -> strata.computeIfAbsent(value(by.apply(o)), key -> new ArrayList<>()).add(o));
    strata.forEach((value, members) -> {
      MeasureReport.StratifierGroupComponent stratum = stratifier.addStratum();
      stratum.getValue().setText(value);
      List<MeasureReportGroupPopulationComponent> counts = new ArrayList<>();
      fill(report, counts, stratum::setMeasureScore, populations, members, window, null);
      counts.forEach(count -> stratum.addPopulation().setCode(count.getCode()).setCount(count.getCount()));
    });
  }

  /** Counts each population (and lists its members into a contained List when {@code listPrefix} is given). */
  private static void fill(MeasureReport report, List<MeasureReportGroupPopulationComponent> into,
      java.util.function.Consumer<Quantity> score, List<Population> populations, List<DischargeOutcome> outcomes,
      int window, String listPrefix) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Population population : populations) {
      List<DischargeOutcome> members = outcomes.stream()
          .filter(outcome -> population.member().test(outcome.groups().get(window))).toList();
      counts.put(population.code(), members.size());
      MeasureReportGroupPopulationComponent count = new MeasureReportGroupPopulationComponent()
          .setCode(new CodeableConcept(new Coding(population.system(), population.code(), null)))
          .setCount(members.size());
      if (listPrefix != null) {
        count.setSubjectResults(new Reference("#" + contain(report, listPrefix + "-" + population.code(),
            members, window)));
      }
      into.add(count);
    }
    int denominator = counts.get("denominator");
    if (denominator > 0) {
      score.accept(new Quantity().setValue(java.math.BigDecimal.valueOf(counts.get("numerator"))
          .divide(java.math.BigDecimal.valueOf(denominator), 4, java.math.RoundingMode.HALF_UP)));
    }
  }

  private static String contain(MeasureReport report, String id, List<DischargeOutcome> members, int window) {
    ListResource list = new ListResource().setStatus(ListResource.ListStatus.CURRENT)
        .setMode(ListResource.ListMode.SNAPSHOT);
    list.setId(id);
    for (DischargeOutcome member : members) {
      Result result = member.groups().get(window);
      String detail = member.stay() + " discharged " + member.discharged()
          + (result.exclusion() != null ? "; excluded: " + result.exclusion() : "")
          + (result.event() != null ? "; " + result.event() : "")
          + (result.daysLeft() != null ? "; " + result.daysLeft() + " day(s) left, until "
              + member.discharged().plusDays(window) : "");
      ListResource.ListEntryComponent entry = list.addEntry().setItem(new Reference(member.client()));
      entry.getFlag().setText(detail);
      entry.setDateElement(new org.hl7.fhir.r4.model.DateTimeType(member.discharged().toString()));
    }
    report.addContained(list);
    return id;
  }

  private static String value(String value) {
    return value == null ? NONE : value;
  }
}
