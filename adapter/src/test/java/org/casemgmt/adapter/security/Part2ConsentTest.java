package org.casemgmt.adapter.security;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.util.List;
import org.casemgmt.adapter.testing.FhirServerTest;
import org.casemgmt.adapter.testing.Tokens;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 42 CFR Part 2: substance-use records are labelled as they are stored and leave only under the client's consent to
 * that recipient and purpose, with the redisclosure notice; withheld ones are counted for the caller.
 */
class Part2ConsentTest extends FhirServerTest {
  private static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";

  @Autowired
  private DaoRegistry daos;

  @Test
  void aSubstanceUseDiagnosisIsLabelledAsItIsStoredAndAPsychoticOneIsNot() {
    SecurityFixture fixture = new SecurityFixture(fhir());
    String client = fixture.client();
    Condition opioids = stored(fixture.diagnosis(client, "F11.20"));
    Condition schizophrenia = stored(fixture.diagnosis(client, "F20.9"));

    assertThat(opioids.getMeta().getSecurity()).extracting(Coding::getCode)
        .contains("R", "ETH", "42CFRPart2");
    assertThat(schizophrenia.getMeta().getSecurity()).isEmpty();
  }

  @Test
  void withoutAConsentPart2RecordsAreWithheldAndCounted() {
    SecurityFixture fixture = new SecurityFixture(fhir());
    String client = fixture.client();
    String opioids = fixture.diagnosis(client, "F11.20");
    String schizophrenia = fixture.diagnosis(client, "F20.9");
    // a consent for another purpose releases nothing to care management
    fixture.part2Consent(client, SecurityFixture.AGENCY, "HPAYMT");

    Bundle found = supervisor().search().byUrl("Condition?subject=" + client).returnBundle(Bundle.class).execute();

    assertThat(ids(found)).contains(schizophrenia).doesNotContain(opioids);
    assertThat(issues(found)).anyMatch(text -> text.startsWith("1 resource(s) withheld"));
    assertThat(readStatus(opioids)).isEqualTo(404);
  }

  @Test
  void aConsentForTheRecipientAndPurposeReleasesThemWithTheRedisclosureNotice() {
    SecurityFixture fixture = new SecurityFixture(fhir());
    String client = fixture.client();
    String opioids = fixture.diagnosis(client, "F11.20");
    fixture.part2Consent(client, SecurityFixture.AGENCY, "CAREMGT");

    Bundle found = supervisor().search().byUrl("Condition?subject=" + client).returnBundle(Bundle.class).execute();

    assertThat(ids(found)).contains(opioids);
    Condition released = (Condition) found.getEntry().stream()
        .filter(entry -> entry.getResource() instanceof Condition).findFirst().orElseThrow().getResource();
    assertThat(released.getMeta().getSecurity()).extracting(Coding::getCode).contains("42CFRPart2", "NORDSCLCD");
    assertThat(issues(found)).anyMatch(text -> text.startsWith("42 CFR part 2 prohibits unauthorized use"));
  }

  @Test
  void anOrdinaryUserCannotStripTheLabel() {
    SecurityFixture fixture = new SecurityFixture(fhir());
    String client = fixture.client();
    String opioids = fixture.diagnosis(client, "F11.20");
    fixture.part2Consent(client, SecurityFixture.AGENCY, "CAREMGT");
    Condition unlabelled = supervisor().read().resource(Condition.class).withUrl(opioids).execute();
    unlabelled.getMeta().getSecurity().clear();
    // a corrected code: the record's history still says substance use, so the label stays
    unlabelled.getCode().getCodingFirstRep().setCode("F20.9");

    supervisor().update().resource(unlabelled).execute();

    assertThat(stored(opioids).getMeta().getSecurity()).extracting(Coding::getCode).contains("42CFRPart2")
        .doesNotContain("NORDSCLCD");
    assertThat(stored(opioids).getMeta().getVersionId()).isEqualTo("2");
  }

  private IGenericClient supervisor() {
    return fhirAs(Tokens.client(baseUrl(), "test-supervisor"));
  }

  private int readStatus(String id) {
    try {
      supervisor().read().resource(Condition.class).withUrl(id).execute();
      return 200;
    } catch (ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException e) {
      return e.getStatusCode();
    }
  }

  /** The resource as stored, read past the release control. */
  private Condition stored(String id) {
    return (Condition) daos.getResourceDao(Condition.class).read(new IdType(id), new SystemRequestDetails());
  }

  private static List<String> ids(Bundle bundle) {
    return bundle.getEntry().stream().filter(entry -> !(entry.getResource() instanceof OperationOutcome))
        .map(entry -> entry.getResource().getIdElement().toUnqualifiedVersionless().getValue()).toList();
  }

  private static List<String> issues(Bundle bundle) {
    return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
        .filter(OperationOutcome.class::isInstance).map(OperationOutcome.class::cast)
        .flatMap(outcome -> outcome.getIssue().stream())
        .map(OperationOutcome.OperationOutcomeIssueComponent::getDiagnostics).toList();
  }
}
