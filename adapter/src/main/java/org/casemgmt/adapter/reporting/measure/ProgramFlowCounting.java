package org.casemgmt.adapter.reporting.measure;

import org.casemgmt.adapter.reporting.PopulationRecords;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import ca.uhn.fhir.rest.param.TokenParam;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.casemgmt.adapter.security.AccessGrant;
import org.casemgmt.adapter.workflow.WorkflowCodes;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Observation;
import org.springframework.stereotype.Component;

/**
 * The program-flow measures: clients with a determination written since the period began, an enrollment overlapping
 * it or an ISP approved in it, counted by {@link ProgramFlowMeasure}.
 */
@Component
class ProgramFlowCounting implements MeasureCounting {
  private final ProgramFlowReader reader;
  private final PopulationRecords records;

  ProgramFlowCounting(ProgramFlowReader reader, PopulationRecords records) {
    this.reader = reader;
    this.records = records;
  }

  @Override
  public MeasureDefinition.Kind kind() {
    return MeasureDefinition.Kind.PROGRAM_FLOW;
  }

  @Override
  public List<String> reads() {
    return List.of("Observation", "EpisodeOfCare", "ServiceRequest", "CarePlan");
  }

  @Override
  public Set<String> candidates(MeasureDefinition definition, LocalDate from, LocalDate to) {
    // A determination made in the period was written in it or later (a day early: the search is on instants).
    SearchParameterMap determinations = new SearchParameterMap().add(Observation.SP_CODE,
        new TokenParam(WorkflowCodes.CASE_MANAGEMENT, ProgramFlowReader.DETERMINATION));
    determinations.setLastUpdated(new DateRangeParam(new DateParam(ParamPrefixEnum.GREATERTHAN_OR_EQUALS,
        from.minusDays(1).toString()), null));
    Set<String> clients = new LinkedHashSet<>(records.clientsOf(Observation.class, determinations,
        Observation::getSubject));
    clients.addAll(records.clientsEnrolled(from, to));
    clients.addAll(records.clientsOf(CarePlan.class, new SearchParameterMap()
        .add(CarePlan.SP_CATEGORY, new TokenParam(WorkflowCodes.CASE_MANAGEMENT, "isp"))
        .add("approved", new DateParam(ParamPrefixEnum.GREATERTHAN_OR_EQUALS, from.toString()))
        .add("approved", new DateParam(ParamPrefixEnum.LESSTHAN_OR_EQUALS, to.toString())), CarePlan::getSubject));
    return clients;
  }

  @Override
  public List<Counted> count(MeasureDefinition definition, List<String> clients, LocalDate from, LocalDate to,
      LocalDate today, AccessGrant grant) {
    ProgramFlowMeasure rules = new ProgramFlowMeasure(definition.programFlow());
    List<Counted> counted = new ArrayList<>();
    reader.read(clients, to, definition.programFlow().referralType(), grant,
        facts -> counted.addAll(rules.evaluate(facts, from, to)));
    return counted;
  }
}
