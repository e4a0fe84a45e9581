package org.casemgmt.adapter.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.casemgmt.adapter.testing.GuideExamples.example;
import static org.casemgmt.adapter.testing.GuideExamples.newClient;
import static org.casemgmt.adapter.testing.GuideExamples.uniqueValue;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.List;
import java.util.UUID;
import org.casemgmt.adapter.testing.FhirServerTest;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/** The guide's profiles are enforced on writes through the public FHIR API: 201 when conformant, 422 when not. */
class ProfileEnforcementTest extends FhirServerTest {
  @Test
  void aConformantClientIsStored() {
    Patient client = newClient(uniqueValue());

    assertThat(fhir().create().resource(client).execute().getCreated()).isTrue();
  }

  @Test
  void aClientWithoutGenderIsRefusedWith422NamingTheProblemAndNothingIsStored() {
    String member = uniqueValue();
    Patient client = newClient(member);
    client.setGender(null);

    assertThatThrownBy(() -> fhir().create().resource(client).execute())
        .isInstanceOfSatisfying(UnprocessableEntityException.class, e -> {
          assertThat(e.getStatusCode()).isEqualTo(422);
          OperationOutcome outcome = (OperationOutcome) e.getOperationOutcome();
          assertThat(outcome.getIssue()).anySatisfy(issue -> {
            assertThat(issue.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR);
            assertThat(issue.getDiagnostics()).contains("Patient.gender: minimum required = 1");
            assertThat(issue.getLocation()).extracting(l -> l.getValue()).contains("Patient");
          });
        });
    assertThat(clientsWithMemberId(member)).isZero();
  }

  @Test
  void everyPatientIsHeldToTheClientProfileEvenWithoutClaimingIt() {
    Patient unprofiled = new Patient();
    unprofiled.addName().setFamily("Okonkwo");
    unprofiled.addIdentifier().setSystem("urn:oid:1.2.3.4.5.1").setValue(uniqueValue());

    assertThatThrownBy(() -> fhir().create().resource(unprofiled).execute())
        .isInstanceOf(UnprocessableEntityException.class)
        .hasMessageContaining("Patient.gender");
  }

  @Test
  void anUpdateThatBreaksTheProfileIsRefusedAndTheStoredVersionStays() {
    Patient client = newClient(uniqueValue());
    Patient stored = (Patient) fhir().create().resource(client).execute().getResource();

    stored.setGender(null);
    assertThatThrownBy(() -> fhir().update().resource(stored).execute())
        .isInstanceOf(UnprocessableEntityException.class);
    Patient current = fhir().read().resource(Patient.class).withId(stored.getIdElement().getIdPart()).execute();
    assertThat(current.getIdElement().getVersionIdPart()).isEqualTo("1");
    assertThat(current.hasGender()).isTrue();
  }

  @Test
  void aTransactionWithOneNonConformantEntryStoresNoneOfIt() {
    String member = uniqueValue();
    Patient client = newClient(member);
    Encounter stay = example("hospitalization", Encounter.class);
    // Claims the Hospitalization profile but does not say whether the stay was psychiatric.
    stay.getType().clear();
    stay.addType().setText("Inpatient stay");

    Bundle transaction = clientAndStay(client, stay);

    assertThatThrownBy(() -> fhir().transaction().withBundle(transaction).execute())
        .isInstanceOfSatisfying(UnprocessableEntityException.class, e ->
            assertThat(((OperationOutcome) e.getOperationOutcome()).getIssue())
                .anySatisfy(issue -> assertThat(issue.getDiagnostics()).contains("cm-hosp-1")));
    assertThat(clientsWithMemberId(member)).isZero();
  }

  /** A sender fixes a refused bundle in one round: the refusal names every entry's errors, each with its entry. */
  @Test
  void aRefusedTransactionNamesTheErrorsOfEveryEntryAtOnce() {
    String member = uniqueValue();
    Patient client = newClient(member);
    client.setGender(null);
    Encounter stay = example("hospitalization", Encounter.class);
    stay.getType().clear();
    stay.addType().setText("Inpatient stay");
    Bundle transaction = clientAndStay(client, stay);

    assertThatThrownBy(() -> fhir().transaction().withBundle(transaction).execute())
        .isInstanceOfSatisfying(UnprocessableEntityException.class, e -> {
          List<OperationOutcome.OperationOutcomeIssueComponent> issues =
              ((OperationOutcome) e.getOperationOutcome()).getIssue();
          assertThat(issues).anySatisfy(issue -> {
            assertThat(issue.getDiagnostics()).contains("Patient.gender: minimum required = 1");
            assertThat(issue.getLocation()).extracting(l -> l.getValue()).contains("Bundle.entry[0].resource");
          });
          assertThat(issues).anySatisfy(issue -> {
            assertThat(issue.getDiagnostics()).contains("cm-hosp-1");
            assertThat(issue.getLocation()).extracting(l -> l.getValue())
                .allMatch(location -> location.startsWith("Bundle.entry[1].resource"));
          });
        });
    assertThat(clientsWithMemberId(member)).isZero();
  }

  @Test
  void anEncounterThatClaimsNoProfileIsNotHeldToTheHospitalizationProfile() {
    Patient client = newClient(uniqueValue());
    String clientId = fhir().create().resource(client).execute().getId().toUnqualifiedVersionless().getValue();

    // A case manager's outreach contact: an Encounter, but not a hospitalization.
    Encounter contact = new Encounter();
    contact.setStatus(Encounter.EncounterStatus.FINISHED);
    contact.getClass_().setSystem("http://terminology.hl7.org/CodeSystem/v3-ActCode").setCode("FLD");
    contact.setSubject(new Reference(clientId));
    assertThat(fhir().create().resource(contact).execute().getCreated()).isTrue();
  }

  private static Bundle clientAndStay(Patient client, Encounter stay) {
    Bundle transaction = new Bundle().setType(BundleType.TRANSACTION);
    String clientRef = "urn:uuid:" + UUID.randomUUID();
    transaction.addEntry().setFullUrl(clientRef).setResource(client).getRequest()
        .setMethod(HTTPVerb.POST).setUrl("Patient");
    stay.setSubject(new Reference(clientRef));
    transaction.addEntry().setResource(stay).getRequest().setMethod(HTTPVerb.POST).setUrl("Encounter");
    return transaction;
  }

  private int clientsWithMemberId(String member) {
    IGenericClient fhir = fhir();
    return fhir.search().forResource(Patient.class)
        .where(Patient.IDENTIFIER.exactly().code(member))
        .returnBundle(Bundle.class).execute().getEntry().size();
  }
}
