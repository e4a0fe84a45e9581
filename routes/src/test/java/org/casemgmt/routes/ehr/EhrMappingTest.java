package org.casemgmt.routes.ehr;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import java.util.Map;
import org.casemgmt.profiles.ImplementationGuide;
import org.casemgmt.routes.clientrecord.EncounterKind;
import org.casemgmt.routes.clientrecord.IdentityFixtures;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An EHR's resources as the client record keeps them, and the guide's profiles met where they are claimed. */
class EhrMappingTest {
  static final String BASE = "https://ehr.example.org/fhir/R4";
  static final String MRN = "urn:oid:1.2.840.114350.1.13.0.1.7.5.737384.14";
  static final String MEDICAID = "urn:oid:2.16.840.1.113883.4.927";
  static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";

  private static ImplementationGuide guide;
  private final EhrSource source = new EhrSource("north", BASE, null, null, null, null, false, MRN,
      List.of("5EAST-PSYCH"), null, null);
  private final EhrMappingTables tables = new EhrMappingTables(List.of("http://snomed.info/sct|394587001"),
      List.of("urn:oid:2.16.840.1.113883.6.90"));
  /** The shipped policy: the Medicaid system above, SS and VN among the ignored types, us-ssn the ignored system. */
  private final EhrMapper mapper = new EhrMapper(source, tables, IdentityFixtures.shipped());

  @BeforeAll
  static void loadGuide() {
    guide = new ImplementationGuide(FhirContext.forR4Cached());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(nullValues = "-", delimiter = ';', value = {
      // case; class; serviceType coding; location reference; location display; kind (- = none)
      "inpatient stay, psychiatry service; IMP; http://snomed.info/sct|394587001; -; -; psychiatric-inpatient",
      "inpatient stay on the psychiatric unit (by id); IMP; -; Location/5east-psych; -; psychiatric-inpatient",
      "inpatient stay on the psychiatric unit (by display); ACUTE; -; -; 5East-Psych ; psychiatric-inpatient",
      "emergency visit, psychiatry service; EMER; http://snomed.info/sct|394587001; -; -; psychiatric-emergency",
      "inpatient stay, no psychiatric sign; IMP; http://snomed.info/sct|394802001; Location/4west; 4 West;"
          + " medical-inpatient",
      "emergency visit, no psychiatric sign; EMER; -; -; -; medical-emergency",
      "observation stay; OBSENC; -; -; -; medical-inpatient",
      "office visit with a psychiatrist: not a hospitalization; AMB; http://snomed.info/sct|394587001; -; -; -",
      "a unit of another EHR does not count; IMP; -; https://other.example.org/fhir/Location/5east-psych; -;"
          + " medical-inpatient"})
  void theKindOfAStayOrEmergencyVisitIsReadFromTheSitesPsychiatricCodesAndUnits(String name, String encounterClass,
      String serviceType, String location, String locationDisplay, String kind) {
    Encounter received = encounter("e1", encounterClass);
    if (serviceType != null) {
      String[] coding = serviceType.split("\\|");
      received.setServiceType(new CodeableConcept().addCoding(new Coding(coding[0], coding[1], null)));
    }
    if (location != null || locationDisplay != null) {
      received.addLocation().setLocation(new Reference(location).setDisplay(locationDisplay));
    }

    Encounter visit = (Encounter) map(received);

    List<String> kinds = visit.getType().stream().flatMap(type -> type.getCoding().stream())
        .filter(coding -> EncounterKind.SYSTEM.equals(coding.getSystem())).map(Coding::getCode).toList();
    assertThat(kinds).isEqualTo(kind == null ? List.of() : List.of(kind));
    assertThat(visit.getMeta().hasProfile(Guide.HOSPITALIZATION)).isEqualTo(kind != null);
    assertConforms(visit);
  }

  @Test
  void anEncounterIsKnownByItsEhrIdAndItsOwnIdentifiersAndKeepsNoReferenceIntoTheEhr() {
    Encounter received = encounter("e2", "IMP");
    received.addIdentifier(new Identifier().setSystem("https://northside.example.org/sid/visit").setValue("V77"));
    received.addIdentifier(new Identifier().setValue("no system: cannot be matched"));
    received.addLocation().setLocation(new Reference("Location/4west").setDisplay("4 West"));
    received.setServiceProvider(new Reference(BASE + "/Organization/northside"));
    received.addParticipant().setIndividual(new Reference("Practitioner/dr-who"));
    received.getHospitalization().setDestination(new Reference("Location/home"));

    Encounter visit = (Encounter) map(received);

    assertThat(visit.getIdentifier()).extracting(id -> id.getSystem() + "|" + id.getValue())
        .containsExactly(BASE + "/Encounter|e2", "https://northside.example.org/sid/visit|V77");
    assertThat(visit.getLocationFirstRep().getLocation().getIdentifier().getSystem()).isEqualTo(BASE + "/Location");
    assertThat(visit.getLocationFirstRep().getLocation().getDisplay()).isEqualTo("4 West");
    assertThat(visit.getServiceProvider().getIdentifier().getValue()).isEqualTo("northside");
    assertThat(visit.getHospitalization().getDestination().getIdentifier().getValue()).isEqualTo("home");
    assertThat(visit.hasParticipant()).isFalse();
    assertThat(visit.hasSubject()).isFalse(); // the recorder's part
    // No literal reference crosses over: the record holds no Location, Organization or Practitioner of the EHR.
    assertThat(FhirContext.forR4Cached().newJsonParser().encodeResourceToString(visit)).doesNotContain("\"reference\"");
  }

  @ParameterizedTest(name = "{0}|{1} -> {2}")
  @CsvSource({
      "http://hl7.org/fhir/sid/icd-10-cm, F20.9, F20.9",
      "http://hl7.org/fhir/sid/icd-10-cm, f209, F20.9",
      "urn:oid:2.16.840.1.113883.6.90, F3181, F31.81",
      "urn:oid:2.16.840.1.113883.6.90, F32, F32",
      "http://snomed.info/sct, 58214004, 58214004"})
  void icd10CmCodesAreRecordedUnderFhirsSystemInTheDottedForm(String system, String code, String recorded) {
    Condition received = condition("c1", "encounter-diagnosis");
    received.getCode().addCoding(new Coding(system, code, null));

    Condition diagnosis = (Condition) map(received);

    Coding coding = diagnosis.getCode().getCodingFirstRep();
    assertThat(coding.getCode()).isEqualTo(recorded);
    boolean icd = !system.equals("http://snomed.info/sct");
    assertThat(coding.getSystem()).isEqualTo(icd ? Guide.ICD_10_CM : system);
    assertThat(diagnosis.getMeta().hasProfile(Guide.DIAGNOSIS)).isEqualTo(icd);
    assertConforms(diagnosis);
  }

  @ParameterizedTest(name = "categories {0}: diagnosis profile {1}")
  @CsvSource({"encounter-diagnosis, true", "problem-list-item, true", "health-concern, false",
      "'problem-list-item,health-concern', false"})
  void theDiagnosisProfileIsClaimedOnlyWhenEveryCategoryIsOneItAllows(String categories, boolean claimed) {
    Condition received = condition("c2", categories.split(","));
    received.getCode().addCoding(new Coding(Guide.ICD_10_CM, "F20.9", null));
    received.setEncounter(new Reference("Encounter/e9"));

    Condition diagnosis = (Condition) map(received);

    assertThat(diagnosis.getMeta().hasProfile(Guide.DIAGNOSIS)).isEqualTo(claimed);
    assertThat(diagnosis.getEncounter().getIdentifier().getValue()).isEqualTo("e9");
    assertThat(diagnosis.getEncounter().hasReference()).isFalse(); // the recorder points it at the stored visit
  }

  @ParameterizedTest(name = "{0}|{1} typed {2}: {3}")
  @CsvSource(nullValues = "-", value = {
      // system, value, sender's v2-0203 type, recorded as (type, or 'dropped', or 'untyped')
      MRN + ", M100, -, MR",
      MEDICAID + ", IL123, -, MB",
      MEDICAID + ", IL123, MA, MB",
      "urn:oid:2.16.840.1.113883.19.5, PLAN-9, MB, untyped",  // the client profile keeps MB for the one Medicaid ID
      "urn:oid:2.16.840.1.113883.19.5, PI-9, PI, PI",        // the sender's type otherwise
      "urn:oid:2.16.840.1.113883.19.5, DL-9, DL, dropped",   // the identity policy's ignored types and systems
      "http://hl7.org/fhir/sid/us-ssn, 123-45-6789, -, dropped",
      "urn:oid:2.16.840.1.113883.19.5, 55, SS, dropped",
      "urn:oid:2.16.840.1.113883.19.5, V1, VN, dropped"})
  void clientIdentifiersAreTypedForTheClientProfileAndIgnoredOnesDropped(String system, String value, String type,
      String recorded) {
    Patient received = patient("p1");
    Identifier identifier = received.addIdentifier().setSystem(system).setValue(value);
    if (type != null) {
      identifier.getType().addCoding(new Coding("http://terminology.hl7.org/CodeSystem/v2-0203", type, null));
    }

    Patient client = (Patient) map(received);

    assertThat(client.getIdentifierFirstRep().getSystem() + "|" + client.getIdentifierFirstRep().getValue())
        .isEqualTo(BASE + "/Patient|p1");
    List<Identifier> kept = client.getIdentifier().stream().filter(id -> value.equals(id.getValue())).toList();
    switch (recorded) {
      case "dropped" -> assertThat(kept).isEmpty();
      case "untyped" -> assertThat(kept).singleElement().satisfies(id -> assertThat(id.hasType()).isFalse());
      default -> assertThat(kept).singleElement()
          .satisfies(id -> assertThat(id.getType().getCodingFirstRep().getCode()).isEqualTo(recorded));
    }
    assertThat(guide.errors(client, Guide.CLIENT)).extracting(m -> m.getLocationString() + ": " + m.getMessage())
        .isEmpty();
  }

  @Test
  void whatCannotBeRecordedIsRefusedWithItsReasonAndTheRestOfThePageIsMapped() {
    Encounter noStatus = encounter("e3", "IMP").setStatus(null);
    Encounter elsewhere = encounter("e4", "IMP");
    elsewhere.setSubject(new Reference("https://other.example.org/fhir/Patient/p1"));
    Encounter orphan = encounter("e5", "IMP").setSubject(new Reference("Patient/gone"));
    Encounter good = encounter("e6", "IMP");

    EhrPage page = mapper.page("Encounter", List.of(noStatus, elsewhere, orphan, good),
        Map.of("p1", patient("p1")), null);

    assertThat(page.resources()).extracting(EhrPage.Pulled::refusal).containsExactly(
        "Encounter/e3: status is missing (Encounter.status is required)",
        "Encounter/e4: its subject names no Patient of " + BASE,
        null,
        null);
    assertThat(page.clients().get("gone").refusal())
        .isEqualTo("Patient/gone was not returned by " + BASE + " (deleted, or outside the scopes granted)");
    assertThat(page.clients().get("p1").mapped().getMeta().hasProfile(Guide.CLIENT)).isTrue();
    assertThat(page.deadLetterPayload(page.resources().get(0)).getEntry()).extracting(e -> e.getResource().fhirType())
        .containsExactly("Encounter", "Patient");
  }

  private Resource map(Resource received) {
    if (!(received instanceof Patient)) {
      ((DomainResource) received).setProperty("subject", new Reference("Patient/p1"));
    }
    EhrPage page = mapper.page(received.fhirType(), List.of(received), Map.of("p1", patient("p1")), null);
    assertThat(page.resources().get(0).refusal()).isNull();
    return page.resources().get(0).mapped();
  }

  /** What the recorder adds (the subject) and then the guide's profiles, where claimed. */
  private static void assertConforms(DomainResource mapped) {
    DomainResource linked = mapped.copy();
    linked.setProperty("subject", new Reference("Patient/client"));
    assertThat(guide.errors(linked)).extracting(m -> m.getLocationString() + ": " + m.getMessage()).isEmpty();
  }

  static Encounter encounter(String id, String encounterClass) {
    Encounter encounter = new Encounter();
    encounter.setId(id);
    encounter.setStatus(Encounter.EncounterStatus.FINISHED);
    encounter.setClass_(new Coding(ACT_CODE, encounterClass, null));
    encounter.getPeriod().setStartElement(new org.hl7.fhir.r4.model.DateTimeType("2026-01-10T08:00:00-06:00"));
    encounter.setSubject(new Reference("Patient/p1"));
    return encounter;
  }

  static Condition condition(String id, String... categories) {
    Condition condition = new Condition();
    condition.setId(id);
    for (String category : categories) {
      condition.addCategory().addCoding(new Coding("http://terminology.hl7.org/CodeSystem/condition-category",
          category.trim(), null));
    }
    condition.getClinicalStatus().addCoding(new Coding("http://terminology.hl7.org/CodeSystem/condition-clinical",
        "active", null));
    condition.setSubject(new Reference("Patient/p1"));
    return condition;
  }

  static Patient patient(String id) {
    Patient patient = new Patient();
    patient.setId(id);
    patient.addName().setFamily("Rivera").addGiven("Dana");
    patient.setGender(org.hl7.fhir.r4.model.Enumerations.AdministrativeGender.FEMALE);
    patient.setBirthDateElement(new org.hl7.fhir.r4.model.DateType("1986-05-17"));
    return patient;
  }
}
