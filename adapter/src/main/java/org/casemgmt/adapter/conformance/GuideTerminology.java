package org.casemgmt.adapter.conformance;

import ca.uhn.fhir.context.support.IValidationSupport.CodeValidationResult;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.casemgmt.adapter.fhirserver.FhirOperation;
import org.casemgmt.profiles.ImplementationGuide;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.UriType;
import org.hl7.fhir.r4.model.ValueSet;
import org.springframework.stereotype.Component;

/**
 * {@code ValueSet/$expand?url=} and {@code ValueSet/$validate-code?url=} for the guide's value sets, answered in memory
 * by the validator's own terminology, so a client sees exactly the codes a write is checked against. HAPI's database
 * expansion needs Hibernate Search, which this service does not run.
 */
@Component
class GuideTerminology implements FhirOperation {
  private final ImplementationGuide guide;

  GuideTerminology(ImplementationGuide guide) {
    this.guide = guide;
  }

  @Operation(name = "$expand", type = ValueSet.class, idempotent = true)
  public ValueSet expand(@OperationParam(name = "url", min = 1, max = 1) UriType url) {
    String valueSet = required(url, "$expand");
    try {
      return guide.expansion(valueSet).orElseThrow(() -> notInTheGuide(valueSet));
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(e.getMessage());
    }
  }

  @Operation(name = "$validate-code", type = ValueSet.class, idempotent = true)
  public Parameters validateCode(
      @OperationParam(name = "url", min = 1, max = 1) UriType url,
      @OperationParam(name = "system", min = 1, max = 1) UriType system,
      @OperationParam(name = "code", min = 1, max = 1) CodeType code,
      @OperationParam(name = "display", max = 1) StringType display) {
    String valueSet = required(url, "$validate-code");
    if (system == null || !system.hasValue() || code == null || !code.hasValue()) {
      throw new InvalidRequestException("$validate-code needs a system and a code");
    }
    CodeValidationResult result = guide.validateCode(valueSet, system.getValue(), code.getValue(),
            display == null ? null : display.getValue())
        .orElseThrow(() -> notInTheGuide(valueSet));
    Parameters answer = new Parameters();
    answer.addParameter().setName("result").setValue(new BooleanType(result.isOk() && result.getCode() != null));
    if (result.getMessage() != null) {
      answer.addParameter().setName("message").setValue(new StringType(result.getMessage()));
    }
    if (result.getDisplay() != null) {
      answer.addParameter().setName("display").setValue(new StringType(result.getDisplay()));
    }
    return answer;
  }

  private static String required(UriType url, String operation) {
    if (url == null || !url.hasValue()) {
      throw new InvalidRequestException(operation + " needs the url of one of the guide's value sets");
    }
    return url.getValue();
  }

  private static ResourceNotFoundException notInTheGuide(String valueSet) {
    return new ResourceNotFoundException("The implementation guide has no value set " + valueSet);
  }
}
