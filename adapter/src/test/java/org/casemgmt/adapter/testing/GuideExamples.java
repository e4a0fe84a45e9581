package org.casemgmt.adapter.testing;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;

/** The implementation guide's valid examples, as starting points for the resources a test writes. */
public final class GuideExamples {
  private static final Path EXAMPLES = Path.of("../fhir-profiles/src/main/fhir/package/example");

  private GuideExamples() {
  }

  /** The example in {@code <ResourceType>-<profile>-example.json}, without its id so it can be created anew. */
  public static <T extends Resource> T example(String profile, Class<T> type) {
    Path file = EXAMPLES.resolve(type.getSimpleName() + "-" + profile + "-example.json");
    try {
      T resource = FhirContext.forR4Cached().newJsonParser().parseResource(type, Files.readString(file));
      resource.setId((String) null);
      return resource;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The example client under a Medicaid member ID of the caller's own. */
  public static Patient newClient(String memberId) {
    Patient client = example("client", Patient.class);
    client.getIdentifierFirstRep().setValue(memberId);
    return client;
  }

  /** A value no other test uses, shaped like a Medicaid member ID. */
  public static String uniqueValue() {
    return "IL" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
  }
}
