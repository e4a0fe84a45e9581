package org.casemgmt.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

/**
 * The reusing validator reports exactly what HAPI's own FhirInstanceValidator reports (every severity, location, line
 * and column and text, in order) for every example and invalid fixture, however often its validators have been used
 * before.
 */
class ReusingInstanceValidatorTest {
  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static final String CLIENT = ImplementationGuide.CANONICAL + "/StructureDefinition/client";

  @Test
  void reportsWhatHapisValidatorReportsForEveryInputOnEveryUse() throws IOException {
    ImplementationGuide guide = new ImplementationGuide(FHIR);
    FhirValidator hapi = FHIR.newValidator();
    hapi.registerValidatorModule(new FhirInstanceValidator(guide.validationSupport()));
    FhirValidator reusing = FHIR.newValidator();
    // One validator in the pool, so every call below reuses the one before it until it is replaced.
    reusing.registerValidatorModule(new ReusingInstanceValidator(guide.validationSupport(), 1));

    List<Case> cases = cases();
    Map<Case, List<String>> expected = new LinkedHashMap<>();
    for (Case c : cases) {
      expected.put(c, messages(hapi, c));
      assertThat(expected.get(c)).as(c.name + " has messages to compare").isNotEmpty();
    }
    int rounds = ReusingInstanceValidator.USES_PER_VALIDATOR / cases.size() + 2;
    for (int round = 0; round < rounds; round++) {
      for (Case c : cases) {
        assertThat(messages(reusing, c)).as("round %d: %s", round, c.name).isEqualTo(expected.get(c));
      }
    }
  }

  record Case(String name, IBaseResource resource, String requiredProfile) {}

  private static List<Case> cases() throws IOException {
    List<Case> cases = new ArrayList<>();
    for (Path dir : List.of(Path.of("src/main/fhir/package/example"), Path.of("src/test/resources/invalid"))) {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
          cases.add(new Case(file.getFileName().toString(), parse(file), null));
        }
      }
    }
    Patient unprofiled = new Patient();
    unprofiled.addName().setFamily("Okonkwo");
    unprofiled.addIdentifier().setSystem("urn:oid:1.2.3.4.5.1").setValue("MRN-1");
    unprofiled.getText().setStatus(Narrative.NarrativeStatus.GENERATED).setDivAsString("<div>Okonkwo</div>");
    cases.add(new Case("unprofiled Patient held to client", unprofiled, CLIENT));
    Patient unknownProfile = unprofiled.copy();
    unknownProfile.getMeta().addProfile(ImplementationGuide.CANONICAL + "/StructureDefinition/no-such-profile");
    cases.add(new Case("Patient claiming an unknown profile", unknownProfile, null));
    return cases;
  }

  private static IBaseResource parse(Path file) throws IOException {
    return FHIR.newJsonParser().parseResource(Files.readString(file));
  }

  private static List<String> messages(FhirValidator validator, Case c) {
    ValidationOptions options = new ValidationOptions();
    if (c.requiredProfile != null) {
      options.addProfile(c.requiredProfile);
    }
    return validator.validateWithResult(c.resource, options).getMessages().stream()
        .map(ReusingInstanceValidatorTest::describe).toList();
  }

  private static String describe(SingleValidationMessage m) {
    return m.getSeverity() + " " + m.getLocationString() + " " + m.getLocationLine() + ":" + m.getLocationCol()
        + " [" + m.getMessageId() + "] " + m.getMessage()
        + (m.getSliceMessages() == null ? "" : " " + m.getSliceMessages());
  }
}
