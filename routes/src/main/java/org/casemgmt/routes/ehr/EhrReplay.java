package org.casemgmt.routes.ehr;

import ca.uhn.fhir.context.FhirContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.casemgmt.routes.FeedHeaders;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;

/**
 * A dead letter of the EHR pull processed again ({@code direct:ehr-<id>-intake}): its payload, the refused resource
 * with its client as they were received, is mapped and recorded as a page of its own, without touching the
 * watermark. If it is refused again, the new dead letter's id goes back in the {@link FeedHeaders#DEAD_LETTER_ID}
 * header.
 */
final class EhrReplay implements Processor {
  private final EhrMapper mapper;
  private final EhrRecord record;
  private final FhirContext fhirContext;

  EhrReplay(EhrMapper mapper, EhrRecord record, FhirContext fhirContext) {
    this.mapper = mapper;
    this.record = record;
    this.fhirContext = fhirContext;
  }

  @Override
  public void process(Exchange exchange) {
    Bundle payload = fhirContext.newJsonParser().parseResource(Bundle.class,
        exchange.getMessage().getBody(String.class));
    Resource refused = payload.getEntryFirstRep().getResource();
    Map<String, Patient> clients = new LinkedHashMap<>();
    payload.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
        .filter(Patient.class::isInstance).map(Patient.class::cast)
        .forEach(patient -> clients.put(patient.getIdElement().getIdPart(), patient));
    EhrRecord.PageOutcome outcome = record.record(
        record.prepare(mapper.page(refused.fhirType(), List.of(refused), clients, null)));
    if (!outcome.deadLetters().isEmpty()) {
      exchange.getMessage().setHeader(FeedHeaders.DEAD_LETTER_ID, outcome.deadLetters().get(0));
    }
    exchange.getMessage().setBody(outcome.deadLetters().isEmpty()
        ? "recorded: " + outcome.created() + " new, " + outcome.updated() + " updated, " + outcome.unchanged()
            + " unchanged"
        : "refused again: dead letter " + outcome.deadLetters().get(0));
  }
}
