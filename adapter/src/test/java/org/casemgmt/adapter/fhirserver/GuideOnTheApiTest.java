package org.casemgmt.adapter.fhirserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casemgmt.adapter.testing.GuideExamples.example;
import static org.casemgmt.adapter.testing.GuideExamples.newClient;
import static org.casemgmt.adapter.testing.GuideExamples.uniqueValue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.casemgmt.adapter.testing.FhirServerTest;
import org.casemgmt.profiles.ImplementationGuide;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.OperationOutcomeIssueComponent;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.UriType;
import org.hl7.fhir.r4.model.ValueSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The implementation guide on the FHIR API: stored, readable, searchable, validated against, expanded, announced. */
class GuideOnTheApiTest extends FhirServerTest {
  private static final String PROFILES = ImplementationGuide.CANONICAL + "/StructureDefinition/";
  private static final Path EXAMPLES = Path.of("../fhir-profiles/src/main/fhir/package/example");

  private final HttpClient http = HttpClient.newHttpClient();

  @Autowired
  private ImplementationGuide guide;

  @Autowired
  private GuideResourcesInForce guideResources;

  @Test
  void theGuidesQuestionnairesAreReadByIdAndFoundByUrlAndName() {
    Questionnaire phq9 = fhir().read().resource(Questionnaire.class).withId("phq-9").execute();
    assertThat(phq9.getUrl()).isEqualTo(ImplementationGuide.CANONICAL + "/Questionnaire/phq-9");

    assertThat(search(Questionnaire.class, "Questionnaire?url=" + phq9.getUrl())).hasSize(1);
    assertThat(search(Questionnaire.class, "Questionnaire?name=" + phq9.getName())).hasSize(1);
  }

  @Test
  void everyResourceOfThePackageIsStoredAndFoundByItsUrl() {
    List<Resource> published = guide.publishedResources();
    assertThat(published).extracting(Resource::fhirType).contains(
        "StructureDefinition", "ValueSet", "CodeSystem", "Questionnaire", "SearchParameter", "ImplementationGuide");
    for (Resource resource : published) {
      String url = fhirContext.newTerser().getSinglePrimitiveValueOrNull(resource, "url");
      assertThat(search(Resource.class, resource.fhirType() + "?url=" + url)).as(url).hasSize(1);
    }
  }

  @Test
  void anUnchangedGuideWritesNothingAndAChangedResourceGetsANewVersion() {
    assertThat(guideResources.publish()).isZero();

    ValueSet stored = fhir().read().resource(ValueSet.class).withId("determination-outcome").execute();
    int version = Integer.parseInt(stored.getIdElement().getVersionIdPart());
    stored.setTitle("Edited by hand " + uniqueValue());
    fhir().update().resource(stored).execute();

    assertThat(guideResources.publish()).isEqualTo(1);
    ValueSet restored = fhir().read().resource(ValueSet.class).withId("determination-outcome").execute();
    assertThat(restored.getTitle()).doesNotStartWith("Edited by hand");
    assertThat(restored.getIdElement().getVersionIdPart()).isEqualTo(String.valueOf(version + 2));
    assertThat(guideResources.publish()).isZero();
  }

  @Test
  void validateInCreateModeGivesTheErrorsAWriteIsRefusedWith() throws Exception {
    Patient withoutGender = newClient(uniqueValue());
    withoutGender.setGender(null);
    Encounter stayOfNoKind = example("hospitalization", Encounter.class);
    stayOfNoKind.setSubject(new Reference(create(newClient(uniqueValue()))));
    stayOfNoKind.getType().clear();
    stayOfNoKind.addType().setText("Inpatient stay");

    for (Resource refused : List.of(withoutGender, stayOfNoKind)) {
      HttpResponse<String> write = post("/" + refused.fhirType(), json(refused));
      assertThat(write.statusCode()).isEqualTo(422);
      List<String> writeErrors = errors(outcome(write));
      assertThat(writeErrors).isNotEmpty();

      HttpResponse<String> validated = post("/" + refused.fhirType() + "/$validate", json(
          new Parameters().addParameter(new Parameters.ParametersParameterComponent().setName("resource")
              .setResource(refused)).addParameter("mode", new CodeType("create"))));
      assertThat(errors(outcome(validated))).as(refused.fhirType()).isEqualTo(writeErrors);
    }
  }

  @Test
  void validateHoldsAResourceToTheProfileItIsAskedFor() throws Exception {
    // A plain Encounter is valid FHIR, and no write holds it to the hospitalization profile (it claims none).
    Encounter contact = new Encounter();
    contact.setStatus(Encounter.EncounterStatus.FINISHED);
    contact.getClass_().setSystem("http://terminology.hl7.org/CodeSystem/v3-ActCode").setCode("FLD");

    assertThat(errors(outcome(post("/Encounter/$validate", json(contact))))).isEmpty();
    HttpResponse<String> asHospitalization = post("/Encounter/$validate?profile="
        + URLEncoder.encode(PROFILES + "hospitalization", StandardCharsets.UTF_8), json(contact));
    assertThat(asHospitalization.statusCode()).isLessThan(500);
    assertThat(errors(outcome(asHospitalization))).isNotEmpty();
  }

  @Test
  void validateAtInstanceLevelInUpdateAndDeleteModes() throws Exception {
    String id = create(newClient(uniqueValue()));
    Patient stored = fhir().read().resource(Patient.class).withId(id).execute();
    stored.getMeta().setVersionId(null).setLastUpdated(null);

    Parameters update = new Parameters().addParameter(new Parameters.ParametersParameterComponent()
        .setName("resource").setResource(stored)).addParameter("mode", new CodeType("update"));
    assertThat(errors(outcome(post("/" + id + "/$validate", json(update))))).isEmpty();
    stored.setGender(null);
    assertThat(errors(outcome(post("/" + id + "/$validate", json(update)))))
        .anySatisfy(error -> assertThat(error).contains("Patient.gender"));

    // Deleting a client that an Encounter names would break the reference: $validate says so without deleting.
    Encounter contact = new Encounter();
    contact.setStatus(Encounter.EncounterStatus.FINISHED);
    contact.getClass_().setSystem("http://terminology.hl7.org/CodeSystem/v3-ActCode").setCode("FLD");
    contact.setSubject(new Reference(id));
    create(contact);
    Parameters delete = new Parameters().addParameter("mode", new CodeType("delete"));
    HttpResponse<String> referenced = post("/" + id + "/$validate", json(delete));
    assertThat(referenced.statusCode()).isEqualTo(409);
    assertThat(errors(outcome(referenced))).isNotEmpty();
    assertThat(fhir().read().resource(Patient.class).withId(id).execute().hasGender()).isTrue();
  }

  @Test
  void theGuidesTerminologyIsExpandedAndLookedUp() throws Exception {
    String valueSet = ImplementationGuide.CANONICAL + "/ValueSet/determination-outcome";
    HttpResponse<String> expanded = get("/ValueSet/$expand?url=" + valueSet);
    assertThat(expanded.statusCode()).as(expanded.body()).isEqualTo(200);
    ValueSet expansion = fhirContext.newJsonParser().parseResource(ValueSet.class, expanded.body());
    assertThat(expansion.getExpansion().getContains()).extracting(c -> c.getCode()).contains("eligible");
    assertThat(get("/ValueSet/$expand?url=" + ImplementationGuide.CANONICAL + "/ValueSet/no-such-set").statusCode())
        .isEqualTo(404);

    String codeSystem = ImplementationGuide.CANONICAL + "/CodeSystem/determination-outcome";
    HttpResponse<String> lookedUp = get("/CodeSystem/$lookup?system=" + codeSystem + "&code=eligible");
    assertThat(lookedUp.statusCode()).as(lookedUp.body()).isEqualTo(200);
    Parameters lookup = fhirContext.newJsonParser().parseResource(Parameters.class, lookedUp.body());
    assertThat(lookup.getParameterValue("display")).isNotNull();

    assertThat(validateCode(valueSet, codeSystem, "eligible")).isTrue();
    assertThat(validateCode(valueSet, codeSystem, "no-such-outcome")).isFalse();
    assertThat(validateCode(valueSet, "http://snomed.info/sct", "eligible")).isFalse();
  }

  private boolean validateCode(String valueSet, String system, String code) throws Exception {
    HttpResponse<String> validated = get("/ValueSet/$validate-code?url=" + valueSet + "&system=" + system
        + "&code=" + code);
    assertThat(validated.statusCode()).as(validated.body()).isEqualTo(200);
    Parameters answer = fhirContext.newJsonParser().parseResource(Parameters.class, validated.body());
    if (!((org.hl7.fhir.r4.model.BooleanType) answer.getParameterValue("result")).booleanValue()) {
      assertThat(answer.getParameterValue("message")).as("the reason").isNotNull();
      return false;
    }
    return true;
  }

  @Test
  void theCapabilityStatementNamesTheGuideAndItsProfilesPerType() {
    CapabilityStatement statement = fhir().capabilities().ofType(CapabilityStatement.class).execute();

    assertThat(statement.getImplementationGuide()).extracting(UriType::getValue)
        .contains(guide.implementationGuideUrl());
    // With $export served, HAPI declares the Bulk Data guide's server capabilities too, as that guide requires.
    assertThat(statement.getInstantiates()).extracting(UriType::getValue).containsExactlyInAnyOrder(
        guide.serverCapabilitiesUrl(), "http://hl7.org/fhir/uv/bulkdata/CapabilityStatement/bulk-data");
    assertThat(fhir().search().byUrl("CapabilityStatement?url=" + guide.serverCapabilitiesUrl())
        .returnBundle(org.hl7.fhir.r4.model.Bundle.class).execute().getEntry()).hasSize(1);
    assertThat(statement.getRestFirstRep().getResource().stream().filter(r -> r.getType().equals("Patient"))
        .findFirst().orElseThrow().getSupportedProfile()).extracting(p -> p.getValue())
        .contains(PROFILES + "client");
    assertThat(statement.getRestFirstRep().getResource().stream().filter(r -> r.getType().equals("Observation"))
        .findFirst().orElseThrow().getSupportedProfile()).extracting(p -> p.getValue())
        .contains(PROFILES + "eligibility-determination", PROFILES + "assessment-score");
  }

  @Test
  void theGuidesEndpointsNeedAToken() throws Exception {
    for (String path : List.of("/Questionnaire/phq-9", "/StructureDefinition",
        "/ValueSet/$expand?url=" + ImplementationGuide.CANONICAL + "/ValueSet/determination-outcome")) {
      assertThat(http.send(HttpRequest.newBuilder(URI.create(fhirBase() + path)).GET().build(),
          HttpResponse.BodyHandlers.discarding()).statusCode()).as(path).isEqualTo(401);
    }
    HttpResponse<Void> validate = http.send(HttpRequest.newBuilder(URI.create(fhirBase() + "/Patient/$validate"))
        .header("Content-Type", "application/fhir+json")
        .POST(HttpRequest.BodyPublishers.ofString(json(newClient(uniqueValue())))).build(),
        HttpResponse.BodyHandlers.discarding());
    assertThat(validate.statusCode()).isEqualTo(401);
  }

  /**
   * Every example of the guide is valid, and all of them load into the server together in one transaction (under
   * their own ids, references between them resolved).
   */
  @Test
  void everyExampleOfTheGuideValidatesAndTheyLoadInOneTransaction() throws Exception {
    Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        Resource example = (Resource) fhirContext.newJsonParser().parseResource(Files.readString(file));
        assertThat(errors(outcome(post("/" + example.fhirType() + "/$validate", json(example)))))
            .as(file.getFileName().toString()).isEmpty();
        transaction.addEntry().setResource(example).getRequest().setMethod(Bundle.HTTPVerb.PUT)
            .setUrl(example.fhirType() + "/" + example.getIdPart());
      }
    }

    HttpResponse<String> loaded = post("", json(transaction));
    assertThat(loaded.statusCode()).as(loaded.body()).isEqualTo(200);
    Bundle response = fhirContext.newJsonParser().parseResource(Bundle.class, loaded.body());
    assertThat(response.getEntry()).hasSize(transaction.getEntry().size())
        .allSatisfy(entry -> assertThat(entry.getResponse().getStatus()).startsWith("20"));
  }

  private String create(Resource resource) {
    return fhir().create().resource(resource).execute().getId().toUnqualifiedVersionless().getValue();
  }

  private String json(Resource resource) {
    return fhirContext.newJsonParser().encodeResourceToString(resource);
  }

  private OperationOutcome outcome(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isLessThan(500);
    return fhirContext.newJsonParser().parseResource(OperationOutcome.class, response.body());
  }

  /** Each error as severity, location and message: what a client reads of it. */
  private static List<String> errors(OperationOutcome outcome) {
    return outcome.getIssue().stream()
        .filter(issue -> issue.getSeverity() == IssueSeverity.ERROR || issue.getSeverity() == IssueSeverity.FATAL)
        .map(GuideOnTheApiTest::describe).sorted().toList();
  }

  private static String describe(OperationOutcomeIssueComponent issue) {
    return issue.getSeverity().toCode() + " " + issue.getLocation().stream().map(StringType::getValue).toList() + " "
        + issue.getDiagnostics();
  }

  private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
    return http.send(asAdmin(HttpRequest.newBuilder(URI.create(fhirBase() + path)))
        .header("Content-Type", "application/fhir+json").header("Accept", "application/fhir+json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(asAdmin(HttpRequest.newBuilder(URI.create(fhirBase() + path)))
        .header("Accept", "application/fhir+json").GET().build(), HttpResponse.BodyHandlers.ofString());
  }
}
