package org.casemgmt.adapter.eligibility.determination;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import ca.uhn.fhir.model.api.annotation.Description;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.casemgmt.adapter.eligibility.program.ProgramDefinition;
import org.casemgmt.adapter.eligibility.program.ProgramDefinitions;
import org.casemgmt.adapter.fhirserver.FhirOperation;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.springframework.stereotype.Component;

/**
 * {@code POST /fhir/Patient/{id}/$evaluate-eligibility}: evaluates the client under a program and returns the
 * determination as recorded. The single output is the eligibility-determination Observation itself, not wrapped in
 * Parameters (FHIR's rule for an operation whose only output is one resource): a client gets the same resource a
 * search or a read returns, with its id and version, and can follow its history from there.
 */
@Component
public class EvaluateEligibilityOperation implements FhirOperation {
  private final ProgramDefinitions programs;
  private final EligibilityEvaluations evaluations;
  private final Clock clock;

  EvaluateEligibilityOperation(ProgramDefinitions programs, EligibilityEvaluations evaluations, Clock clock) {
    this.programs = programs;
    this.evaluations = evaluations;
    this.clock = clock;
  }

  @Operation(name = "$evaluate-eligibility", type = Patient.class, idempotent = false,
      returnParameters = @OperationParam(name = "return", type = Observation.class, min = 1, max = 1))
  @Description(shortDefinition = "Evaluate the client's eligibility for a case-management program",
      value = "Judges the client (the surviving Patient when this one was merged away) against the program's rules"
          + " on the date, records the determination as a new version of the client's eligibility-determination"
          + " Observation for that program when it changed (with impairment-evidence Observations and a Provenance"
          + " naming the evidence), and returns the current determination: the outcome, and one component per"
          + " criterion with its result and reasons.")
  public Observation evaluateEligibility(
      @IdParam IdType patient,
      @Description(shortDefinition = "Program id, a code of https://fhir.casemgmt-adapter.org/CodeSystem/program"
          + " (one of the program definitions in config/programs)")
      @OperationParam(name = "program", typeName = "code", min = 1, max = 1) IPrimitiveType<String> program,
      @Description(shortDefinition = "Evaluation date (the lookback anchor); today when left out")
      @OperationParam(name = "date", typeName = "date", min = 0, max = 1) IPrimitiveType<Date> date) {
    return evaluations.evaluate(patient.getIdPart(), program(program), day(date));
  }

  private ProgramDefinition program(IPrimitiveType<String> program) {
    if (program == null || program.getValue() == null || program.getValue().isBlank()) {
      throw new InvalidRequestException("The parameter 'program' is required: one of "
          + String.join(", ", programs.ids().stream().sorted().toList()));
    }
    return programs.find(program.getValue().trim()).orElseThrow(() -> new InvalidRequestException(
        "Unknown program '" + program.getValue() + "'; the programs are "
            + String.join(", ", programs.ids().stream().sorted().toList())));
  }

  /** The evaluation date; by default today where the service runs (its time zone is the deployment's). */
  private LocalDate day(IPrimitiveType<Date> date) {
    if (date == null || date.getValue() == null) {
      return LocalDate.now(clock.withZone(ZoneId.systemDefault()));
    }
    DateType day = new DateType(date.getValueAsString());
    if (day.getPrecision() != TemporalPrecisionEnum.DAY) {
      throw new InvalidRequestException("The parameter 'date' must be a full date (YYYY-MM-DD), not '"
          + date.getValueAsString() + "'");
    }
    return LocalDate.parse(day.getValueAsString());
  }
}
