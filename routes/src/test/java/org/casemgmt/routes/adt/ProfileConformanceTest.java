package org.casemgmt.routes.adt;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.ArrayList;
import java.util.List;
import org.casemgmt.profiles.ImplementationGuide;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the mapping says conforms to the guide does: every mapped resource that claims one of the guide's profiles
 * validates against it without errors. References are the caller's part (identity matching); they are set here to
 * stand-ins, as the caller will, since the profiles require a subject.
 */
class ProfileConformanceTest {
  private static ImplementationGuide guide;

  @BeforeAll
  static void loadGuide() {
    guide = new ImplementationGuide(FhirContext.forR4Cached());
  }

  static List<String> supportedSamples() throws Exception {
    return supported("sample-outcomes.csv");
  }

  @ParameterizedTest
  @MethodSource("supportedSamples")
  void sampleResourcesMeetTheProfilesTheyClaim(String file) throws Exception {
    assertConforms(AdtFixtures.parseSample(file));
  }

  static List<String> supportedCorpusMessages() throws Exception {
    return supported("corpus-outcomes.csv");
  }

  private static List<String> supported(String table) throws Exception {
    return ExpectedOutcome.read(table).stream()
        .filter(o -> o.outcome().equals("supported")).map(ExpectedOutcome::file).toList();
  }

  /** Other senders' styles (corpus/ATTRIBUTION.md) must map to conformant resources too. */
  @ParameterizedTest
  @MethodSource("supportedCorpusMessages")
  void corpusResourcesMeetTheProfilesTheyClaim(String file) throws Exception {
    assertConforms(AdtFixtures.parser().parse(AdtFixtures.corpus(file)));
  }

  @Test
  void aPsychiatricAdmissionMeetsTheProfiles() throws Exception {
    AdtMessage message = AdtFixtures.parser().parse(TestMessage.a01().text());
    assertThat(message.patient().getMeta().hasProfile(Guide.CLIENT)).isTrue();
    assertThat(message.encounter().getMeta().hasProfile(Guide.HOSPITALIZATION)).isTrue();
    assertThat(message.diagnoses()).allSatisfy(c -> assertThat(c.getMeta().hasProfile(Guide.DIAGNOSIS)).isTrue());
    assertConforms(message);
  }

  @Test
  void aClientWithSexAndIdentifierMeetsTheClientProfileFromTheSamples() throws Exception {
    AdtMessage message = AdtFixtures.parseSample("ADT-A01-01.hl7");
    assertThat(message.patient().getMeta().hasProfile(Guide.CLIENT)).isTrue();
    assertThat(guide.errors(message.patient(), Guide.CLIENT)).isEmpty();
  }

  private static void assertConforms(AdtMessage message) {
    List<DomainResource> claiming = new ArrayList<>();
    claiming.add(message.patient());
    if (message.encounter() != null) {
      Encounter encounter = message.encounter().copy();
      encounter.setSubject(new Reference("Patient/client"));
      claiming.add(encounter);
    }
    for (Condition diagnosis : message.diagnoses()) {
      Condition linked = diagnosis.copy();
      linked.setSubject(new Reference("Patient/client"));
      linked.setEncounter(new Reference("Encounter/visit"));
      claiming.add(linked);
    }
    for (DomainResource resource : claiming) {
      if (resource.getMeta().hasProfile()) {
        List<SingleValidationMessage> errors = guide.errors(resource);
        assertThat(errors).as("%s of %s", resource.fhirType(), message.header().controlId())
            .extracting(m -> m.getLocationString() + ": " + m.getMessage()).isEmpty();
      }
    }
  }
}
