package org.casemgmt.adapter.conformance;

import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.casemgmt.adapter.fhirserver.FhirOperation;
import org.casemgmt.profiles.ImplementationGuide;
import org.hl7.fhir.r4.model.UriType;
import org.hl7.fhir.r4.model.ValueSet;
import org.springframework.stereotype.Component;

/**
 * {@code ValueSet/$expand?url=} for the guide's value sets, expanded in memory by the validator's own terminology,
 * so a client sees exactly the codes a write is checked against. HAPI's database expansion needs Hibernate Search,
 * which this service does not run.
 */
@Component
class ValueSetExpansion implements FhirOperation {
  private final ImplementationGuide guide;

  ValueSetExpansion(ImplementationGuide guide) {
    this.guide = guide;
  }

  @Operation(name = "$expand", type = ValueSet.class, idempotent = true)
  public ValueSet expand(@OperationParam(name = "url", min = 1, max = 1) UriType url) {
    if (url == null || !url.hasValue()) {
      throw new InvalidRequestException("$expand needs the url of one of the guide's value sets");
    }
    try {
      return guide.expansion(url.getValue()).orElseThrow(() -> new ResourceNotFoundException(
          "The implementation guide has no value set " + url.getValue()));
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(e.getMessage());
    }
  }
}
