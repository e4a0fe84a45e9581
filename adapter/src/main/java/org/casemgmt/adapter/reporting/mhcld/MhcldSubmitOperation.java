package org.casemgmt.adapter.reporting.mhcld;

import ca.uhn.fhir.model.api.annotation.Description;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.apache.camel.ProducerTemplate;
import org.casemgmt.adapter.fhirserver.FhirOperation;
import org.casemgmt.adapter.security.FhirAccessControl;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.StringType;
import org.springframework.stereotype.Component;

/**
 * {@code POST [base]/$mhcld-submit?file=bci|shr&period=2026}: an MH-CLD submission now, for the caller as its
 * recipient (what it may see is what the file may carry), into the outbox. Answers what was added, changed,
 * deleted and left out, and the file's name.
 */
@Component
public class MhcldSubmitOperation implements FhirOperation {
  private final MhcldProperties properties;
  private final ProducerTemplate producer;
  private final Clock clock;

  MhcldSubmitOperation(MhcldProperties properties, ProducerTemplate producer, Clock clock) {
    this.properties = properties;
    this.producer = producer;
    this.clock = clock;
  }

  @Operation(name = "$mhcld-submit", idempotent = false)
  @Description(shortDefinition = "Submit the state's MH-CLD BCI or SHR file for a reporting period to the outbox",
      value = "Writes the records added, changed or deleted since the period's last submission, with a report of"
          + " what was left out and why. period: the year the reporting period ends in (default: the last ended).")
  public Parameters submit(
      @OperationParam(name = "file", typeName = "code", min = 1, max = 1) IPrimitiveType<String> file,
      @OperationParam(name = "period", typeName = "integer", max = 1) IPrimitiveType<Integer> period,
      RequestDetails request) {
    MhcldFile which;
    try {
      which = MhcldFile.of(file.getValueAsString());
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(e.getMessage());
    }
    LocalDate today = LocalDate.now(clock.withZone(ZoneId.systemDefault()));
    ReportingPeriod reporting = period == null || period.getValue() == null
        ? ReportingPeriod.lastEndedBefore(today, properties.periodStartMonth())
        : ReportingPeriod.endingIn(period.getValue(), properties.periodStartMonth());
    if (!reporting.start().isBefore(today)) {
      throw new InvalidRequestException("the reporting period ending " + reporting.end() + " has not begun");
    }
    MhcldSubmissions.Outcome outcome = producer.requestBody(MhcldRoutes.SUBMISSION, new MhcldRoutes.Request(which,
        reporting, FhirAccessControl.grant(request).orElse(null), null), MhcldSubmissions.Outcome.class);
    Parameters answer = new Parameters();
    answer.addParameter().setName("file").setValue(new StringType(which.name()));
    answer.addParameter().setName("periodStart").setValue(new DateType(reporting.start().toString()));
    answer.addParameter().setName("periodEnd").setValue(new DateType(reporting.end().toString()));
    if (outcome.fileName() != null) {
      answer.addParameter().setName("fileName").setValue(new StringType(outcome.fileName()));
    }
    answer.addParameter().setName("added").setValue(new IntegerType(outcome.added()));
    answer.addParameter().setName("changed").setValue(new IntegerType(outcome.changed()));
    answer.addParameter().setName("deleted").setValue(new IntegerType(outcome.deleted()));
    answer.addParameter().setName("unchanged").setValue(new IntegerType(outcome.unchanged()));
    answer.addParameter().setName("excluded").setValue(new IntegerType(outcome.excluded()));
    answer.addParameter().setName("withheld").setValue(new IntegerType(outcome.withheld()));
    return answer;
  }
}
