package org.casemgmt.adapter.fhirserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import java.util.List;
import java.util.UUID;
import org.casemgmt.adapter.testing.FhirServerTest;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

/** The REST behaviour a FHIR client expects of the server, driven over HTTP with HAPI's generic client. */
class FhirRestApiTest extends FhirServerTest {
  /** Medicaid member IDs are the identifier feeds match clients on. */
  private static final String MEDICAID_ID = "urn:oid:2.16.840.1.113883.4.927";

  @Test
  void aCreatedClientCanBeReadAndEachVersionReadBack() {
    IGenericClient fhir = fhir();
    IIdType id = fhir.create().resource(client(memberId(), "Okafor", "1984-03-12")).execute().getId();

    Patient read = fhir.read().resource(Patient.class).withId(id.getIdPart()).execute();
    assertThat(read.getNameFirstRep().getFamily()).isEqualTo("Okafor");
    assertThat(read.getIdElement().getVersionIdPart()).isEqualTo("1");

    read.getNameFirstRep().setFamily("Okafor-Reyes");
    fhir.update().resource(read).execute();

    Patient first = fhir.read().resource(Patient.class).withIdAndVersion(id.getIdPart(), "1").execute();
    Patient second = fhir.read().resource(Patient.class).withIdAndVersion(id.getIdPart(), "2").execute();
    assertThat(first.getNameFirstRep().getFamily()).isEqualTo("Okafor");
    assertThat(second.getNameFirstRep().getFamily()).isEqualTo("Okafor-Reyes");
  }

  @Test
  void clientsAreFoundByIdentifierNameAndBirthDate() {
    IGenericClient fhir = fhir();
    String family = uniqueFamily();
    String member = memberId();
    fhir.create().resource(client(member, family, "1979-11-02")).execute();
    fhir.create().resource(client(memberId(), family, "1990-01-15")).execute();

    assertThat(ids(fhir.search().forResource(Patient.class)
        .where(Patient.IDENTIFIER.exactly().systemAndIdentifier(MEDICAID_ID, member))
        .returnBundle(Bundle.class).execute())).hasSize(1);
    assertThat(ids(fhir.search().forResource(Patient.class)
        .where(Patient.FAMILY.matchesExactly().value(family))
        .returnBundle(Bundle.class).execute())).hasSize(2);
    Bundle byBirth = fhir.search().forResource(Patient.class)
        .where(Patient.FAMILY.matchesExactly().value(family))
        .and(Patient.BIRTHDATE.exactly().day("1979-11-02"))
        .returnBundle(Bundle.class).execute();
    assertThat(byBirth.getEntry()).singleElement()
        .satisfies(e -> assertThat(((Patient) e.getResource()).getIdentifierFirstRep().getValue()).isEqualTo(member));
  }

  @Test
  void lastUpdatedSearchReturnsOnlyWhatChangedSince() {
    IGenericClient fhir = fhir();
    String family = uniqueFamily();
    Patient older = (Patient) fhir.create().resource(client(memberId(), family, "1970-01-01")).execute().getResource();
    IIdType newer = fhir.create().resource(client(memberId(), family, "1971-01-01")).execute().getId();

    DateRangeParam afterOlder = new DateRangeParam();
    afterOlder.setLowerBoundExclusive(older.getMeta().getLastUpdated());
    Bundle changed = fhir.search().forResource(Patient.class)
        .where(Patient.FAMILY.matchesExactly().value(family))
        .lastUpdated(afterOlder)
        .returnBundle(Bundle.class).execute();
    assertThat(ids(changed)).containsExactly(newer.getIdPart());
  }

  @Test
  void anUpdateAgainstAStaleVersionIsRefused() {
    IGenericClient fhir = fhir();
    Patient patient = (Patient) fhir.create().resource(client(memberId(), "Lindqvist", "1988-06-30"))
        .execute().getResource();
    patient.setGender(AdministrativeGender.FEMALE);
    fhir.update().resource(patient).withAdditionalHeader("If-Match", "W/\"1\"").execute();

    patient.setGender(AdministrativeGender.OTHER);
    assertThatThrownBy(() -> fhir.update().resource(patient).withAdditionalHeader("If-Match", "W/\"1\"").execute())
        .isInstanceOfSatisfying(BaseServerResponseException.class,
            e -> assertThat(e.getStatusCode()).isIn(409, 412));
    Patient current = fhir.read().resource(Patient.class).withId(patient.getIdElement().getIdPart()).execute();
    assertThat(current.getGender()).isEqualTo(AdministrativeGender.FEMALE);
    assertThat(current.getIdElement().getVersionIdPart()).isEqualTo("2");
  }

  @Test
  void aConditionalCreateSentTwiceMakesOneClient() {
    IGenericClient fhir = fhir();
    String member = memberId();
    MethodOutcome first = fhir.create().resource(client(member, "Haddad", "1995-02-14"))
        .conditional().where(Patient.IDENTIFIER.exactly().systemAndIdentifier(MEDICAID_ID, member)).execute();
    MethodOutcome second = fhir.create().resource(client(member, "Haddad", "1995-02-14"))
        .conditional().where(Patient.IDENTIFIER.exactly().systemAndIdentifier(MEDICAID_ID, member)).execute();

    assertThat(first.getCreated()).isTrue();
    assertThat(second.getCreated()).isNotEqualTo(Boolean.TRUE);
    assertThat(second.getId().getIdPart()).isEqualTo(first.getId().getIdPart());
    assertThat(ids(fhir.search().forResource(Patient.class)
        .where(Patient.IDENTIFIER.exactly().systemAndIdentifier(MEDICAID_ID, member))
        .returnBundle(Bundle.class).execute())).hasSize(1);
  }

  @Test
  void historyListsEveryVersionAndADeletedClientIsGone() {
    IGenericClient fhir = fhir();
    Patient patient = (Patient) fhir.create().resource(client(memberId(), "Nakamura", "1966-09-09"))
        .execute().getResource();
    patient.setBirthDateElement(new DateType("1966-09-10"));
    fhir.update().resource(patient).execute();

    Bundle history = fhir.history().onInstance(patient.getIdElement().toUnqualifiedVersionless())
        .returnBundle(Bundle.class).execute();
    assertThat(history.getEntry()).extracting(e -> e.getResource().getIdElement().getVersionIdPart())
        .containsExactlyInAnyOrder("1", "2");

    fhir.delete().resourceById(patient.getIdElement().toUnqualifiedVersionless()).execute();
    assertThatThrownBy(() -> fhir.read().resource(Patient.class).withId(patient.getIdElement().getIdPart()).execute())
        .isInstanceOf(ResourceGoneException.class);
  }

  @Test
  void aTransactionCommitsEveryEntryWithReferencesResolved() {
    IGenericClient fhir = fhir();
    String member = memberId();
    Bundle response = fhir.transaction().withBundle(clientWithHospitalStay(member)).execute();

    assertThat(response.getEntry()).hasSize(3)
        .allSatisfy(e -> assertThat(e.getResponse().getStatus()).startsWith("201"));
    Patient patient = onlyClient(fhir, member);
    Bundle encounters = fhir.search().forResource(Encounter.class)
        .where(Encounter.SUBJECT.hasId(patient.getIdElement().toUnqualifiedVersionless()))
        .returnBundle(Bundle.class).execute();
    assertThat(encounters.getEntry()).hasSize(1);
  }

  @Test
  void aTransactionWithABadEntryCommitsNothing() {
    IGenericClient fhir = fhir();
    String member = memberId();
    Bundle bundle = clientWithHospitalStay(member);
    // The Condition points at an Encounter that does not exist: the whole Bundle must fail.
    ((Condition) bundle.getEntry().get(2).getResource()).setEncounter(new Reference("Encounter/no-such-stay"));

    assertThatThrownBy(() -> fhir.transaction().withBundle(bundle).execute())
        .isInstanceOfSatisfying(BaseServerResponseException.class,
            e -> assertThat(e.getStatusCode()).isIn(400, 404, 422));
    assertThat(ids(fhir.search().forResource(Patient.class)
        .where(Patient.IDENTIFIER.exactly().systemAndIdentifier(MEDICAID_ID, member))
        .returnBundle(Bundle.class).execute())).isEmpty();
  }

  @Test
  void includeRevincludeAndEverythingBringTheClientRecordTogether() {
    IGenericClient fhir = fhir();
    String member = memberId();
    fhir.transaction().withBundle(clientWithHospitalStay(member)).execute();
    Patient patient = onlyClient(fhir, member);
    IIdType patientId = patient.getIdElement().toUnqualifiedVersionless();

    Bundle withSubject = fhir.search().forResource(Encounter.class)
        .where(Encounter.SUBJECT.hasId(patientId)).include(Encounter.INCLUDE_SUBJECT)
        .returnBundle(Bundle.class).execute();
    assertThat(types(withSubject)).containsExactlyInAnyOrder("Encounter", "Patient");

    Bundle withStays = fhir.search().forResource(Patient.class)
        .where(Patient.RES_ID.exactly().code(patientId.getIdPart())).revInclude(Encounter.INCLUDE_SUBJECT)
        .returnBundle(Bundle.class).execute();
    assertThat(types(withStays)).containsExactlyInAnyOrder("Patient", "Encounter");

    Bundle everything = fhir.operation().onInstance(patientId).named("$everything")
        .withNoParameters(org.hl7.fhir.r4.model.Parameters.class).returnResourceType(Bundle.class).execute();
    assertThat(types(everything)).contains("Patient", "Encounter", "Condition");
  }

  @Test
  void searchResultsArePaged() {
    IGenericClient fhir = fhir();
    String family = uniqueFamily();
    Bundle batch = new Bundle().setType(BundleType.BATCH);
    for (int i = 0; i < 25; i++) {
      batch.addEntry().setResource(client(memberId(), family, "2000-01-01"))
          .getRequest().setMethod(HTTPVerb.POST).setUrl("Patient");
    }
    Bundle batchResponse = fhir.transaction().withBundle(batch).execute();
    assertThat(batchResponse.getEntry()).allSatisfy(e -> assertThat(e.getResponse().getStatus()).startsWith("201"));

    Bundle page = fhir.search().forResource(Patient.class).where(Patient.FAMILY.matchesExactly().value(family))
        .count(10).returnBundle(Bundle.class).execute();
    int seen = page.getEntry().size();
    int pages = 1;
    while (page.getLink(Bundle.LINK_NEXT) != null) {
      page = fhir.loadPage().next(page).execute();
      seen += page.getEntry().size();
      pages++;
    }
    assertThat(seen).isEqualTo(25);
    assertThat(pages).isEqualTo(3);
  }

  // --- fixtures ---

  /** A client as a Medicaid feed would know them: member ID, family and given name, birth date. */
  private static Patient client(String memberId, String family, String birthDate) {
    Patient patient = new Patient();
    patient.addIdentifier().setSystem(MEDICAID_ID).setValue(memberId);
    patient.addName().setFamily(family).addGiven("Sam");
    patient.setBirthDateElement(new DateType(birthDate));
    patient.setGender(AdministrativeGender.UNKNOWN);
    return patient;
  }

  /** A client with one psychiatric inpatient stay and its schizophrenia diagnosis, linked by urn:uuid references. */
  private static Bundle clientWithHospitalStay(String memberId) {
    String patientRef = "urn:uuid:" + UUID.randomUUID();
    String encounterRef = "urn:uuid:" + UUID.randomUUID();
    Bundle bundle = new Bundle().setType(BundleType.TRANSACTION);

    bundle.addEntry().setFullUrl(patientRef).setResource(client(memberId, "Moreau", "1982-04-20"))
        .getRequest().setMethod(HTTPVerb.POST).setUrl("Patient");

    Encounter stay = new Encounter();
    stay.setStatus(Encounter.EncounterStatus.FINISHED);
    stay.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "IMP", "inpatient encounter"));
    stay.setSubject(new Reference(patientRef));
    bundle.addEntry().setFullUrl(encounterRef).setResource(stay)
        .getRequest().setMethod(HTTPVerb.POST).setUrl("Encounter");

    Condition diagnosis = new Condition();
    diagnosis.setCode(new CodeableConcept(new Coding("http://hl7.org/fhir/sid/icd-10-cm", "F20.0",
        "Paranoid schizophrenia")));
    diagnosis.setSubject(new Reference(patientRef));
    diagnosis.setEncounter(new Reference(encounterRef));
    bundle.addEntry().setResource(diagnosis).getRequest().setMethod(HTTPVerb.POST).setUrl("Condition");
    return bundle;
  }

  private static Patient onlyClient(IGenericClient fhir, String memberId) {
    Bundle found = fhir.search().forResource(Patient.class)
        .where(Patient.IDENTIFIER.exactly().systemAndIdentifier(MEDICAID_ID, memberId))
        .returnBundle(Bundle.class).execute();
    assertThat(found.getEntry()).hasSize(1);
    return (Patient) found.getEntryFirstRep().getResource();
  }

  private static String memberId() {
    return "M" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
  }

  private static String uniqueFamily() {
    return "Fam" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  private static List<String> ids(Bundle bundle) {
    return bundle.getEntry().stream().map(e -> e.getResource().getIdElement().getIdPart()).toList();
  }

  private static List<String> types(Bundle bundle) {
    return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
        .map(Resource::fhirType).toList();
  }
}
