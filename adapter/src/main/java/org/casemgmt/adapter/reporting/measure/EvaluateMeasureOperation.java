package org.casemgmt.adapter.reporting.measure;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import ca.uhn.fhir.model.api.annotation.Description;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.casemgmt.adapter.fhirserver.FhirOperation;
import org.casemgmt.adapter.security.AccessGrant;
import org.casemgmt.adapter.security.Caseloads;
import org.casemgmt.adapter.security.FhirAccessControl;
import org.casemgmt.adapter.security.GroupMembers;
import org.casemgmt.adapter.security.Interaction;
import org.casemgmt.adapter.security.ReachableClients;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Measure;
import org.hl7.fhir.r4.model.MeasureReport;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * {@code Measure/{id}/$evaluate-measure} (FHIR R4's operation) for the agency's measures, whatever their kind: a
 * summary ({@code population}), a list of the clients in each population ({@code subject-list}) or one client's
 * ({@code subject}), over every client the caller reaches or a {@code subject} (a client, a Group: a program, a
 * caseload) or a {@code practitioner}'s caseload. What the caller may not see is not counted.
 */
@Component
public class EvaluateMeasureOperation implements FhirOperation {
  private final MeasureProperties properties;
  private final Map<MeasureDefinition.Kind, MeasureCounting> countings = new EnumMap<>(MeasureDefinition.Kind.class);
  private final GroupMembers groupMembers;
  private final ObjectProvider<ReachableClients> reachable;
  private final Clock clock;

  EvaluateMeasureOperation(MeasureProperties properties, List<MeasureCounting> countings, GroupMembers groupMembers,
      ObjectProvider<ReachableClients> reachable, Clock clock) {
    this.properties = properties;
    countings.forEach(counting -> this.countings.put(counting.kind(), counting));
    this.groupMembers = groupMembers;
    this.reachable = reachable;
    this.clock = clock;
  }

  @Operation(name = "$evaluate-measure", type = Measure.class, idempotent = true,
      canonicalUrl = "http://hl7.org/fhir/OperationDefinition/Measure-evaluate-measure")
  @Description(shortDefinition = "Evaluate one of the agency's measures over a period",
      value = "Counts what the measure counts in the period (discharges, enrollments and the episodes before and"
          + " during them, determinations, plans) in each of its groups, stratified by program (and case manager);"
          + " subject-list reports list the clients of each population and the records that put them there.")
  public MeasureReport evaluateMeasure(
      @IdParam IdType measure,
      @OperationParam(name = "periodStart", typeName = "date", min = 1, max = 1) IPrimitiveType<Date> periodStart,
      @OperationParam(name = "periodEnd", typeName = "date", min = 1, max = 1) IPrimitiveType<Date> periodEnd,
      @OperationParam(name = "reportType", typeName = "code", max = 1) IPrimitiveType<String> reportType,
      @OperationParam(name = "subject", typeName = "string", max = 1) IPrimitiveType<String> subject,
      @OperationParam(name = "practitioner", typeName = "string", max = 1) IPrimitiveType<String> practitioner,
      RequestDetails request) {
    MeasureDefinition definition = Optional.ofNullable(properties.measures().get(measure.getIdPart()))
        .orElseThrow(() -> new ResourceNotFoundException("Measure/" + measure.getIdPart() + " is not one of this"
            + " server's measures (" + String.join(", ", properties.measures().keySet()) + ")"));
    LocalDate from = first(periodStart);
    LocalDate to = last(periodEnd);
    if (to.isBefore(from)) {
      throw new InvalidRequestException("periodEnd " + to + " is before periodStart " + from);
    }
    String about = text(subject);
    MeasureReport.MeasureReportType type = type(text(reportType), about);
    Optional<AccessGrant> grant = FhirAccessControl.grant(request);
    MeasureCounting counting = countings.get(definition.kind());
    Set<String> clients = new TreeSet<>(counting.candidates(definition, from, to));
    if (about != null) {
      clients.retainAll(scope(about, grant));
    }
    if (text(practitioner) != null) {
      clients.retainAll(scope("Group/" + Caseloads.groupId(text(practitioner)), grant));
    }
    grant.ifPresent(g -> counting.reads().forEach(read -> Optional.ofNullable(
        reachable.getObject().of(g, g.whose(read, Interaction.SEARCH), request)).ifPresent(clients::retainAll)));
    LocalDate today = LocalDate.now(clock.withZone(ZoneId.systemDefault()));
    List<Counted> counted = counting.count(definition, List.copyOf(clients), from, to, today, grant.orElse(null));
    return MeasureReports.report(MeasuresInForce.url(measure.getIdPart()), definition, counted, from, to, type,
        about, Date.from(clock.instant()));
  }

  /** The clients a subject stands for: itself, or a Group's members when the caller may see that Group. */
  private Set<String> scope(String subject, Optional<AccessGrant> grant) {
    if (subject.startsWith("Patient/")) {
      return Set.of(subject);
    }
    if (!subject.startsWith("Group/")) {
      throw new InvalidRequestException("subject must be Patient/<id> or Group/<id>, not " + subject);
    }
    return groupMembers.visibleMembers(subject.substring("Group/".length()), grant);
  }

  private static MeasureReport.MeasureReportType type(String reportType, String subject) {
    String asked = reportType != null ? reportType : subject != null ? "subject" : "population";
    return switch (asked) {
      case "subject" -> MeasureReport.MeasureReportType.INDIVIDUAL;
      case "subject-list" -> MeasureReport.MeasureReportType.SUBJECTLIST;
      case "population" -> MeasureReport.MeasureReportType.SUMMARY;
      default -> throw new InvalidRequestException("reportType is subject, subject-list or population, not "
          + reportType);
    };
  }

  /** The period's first day: "2026" is January 1, "2026-04" April 1. */
  private static LocalDate first(IPrimitiveType<Date> value) {
    DateType date = new DateType(value.getValueAsString());
    return switch (date.getPrecision()) {
      case YEAR -> LocalDate.of(date.getYear(), 1, 1);
      case MONTH -> LocalDate.of(date.getYear(), date.getMonth() + 1, 1);
      default -> LocalDate.parse(date.getValueAsString());
    };
  }

  /** The period's last day: "2026" is December 31, "2026-04" April 30. */
  private static LocalDate last(IPrimitiveType<Date> value) {
    DateType date = new DateType(value.getValueAsString());
    if (date.getPrecision() == TemporalPrecisionEnum.YEAR) {
      return LocalDate.of(date.getYear(), 12, 31);
    }
    return date.getPrecision() == TemporalPrecisionEnum.MONTH
        ? YearMonth.of(date.getYear(), date.getMonth() + 1).atEndOfMonth() : LocalDate.parse(date.getValueAsString());
  }

  private static String text(IPrimitiveType<String> value) {
    return value == null || value.getValue() == null || value.getValue().isBlank() ? null : value.getValue().trim();
  }
}
