package org.casemgmt.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import org.casemgmt.adapter.testing.Tokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.casemgmt.adapter.testing.AdapterProcess;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's demo: the launcher with the demo profile in an empty folder puts the sample feeds of config/demo in by
 * itself, and a newcomer finds the clients, their stays and each program's determinations over FHIR. (On a JDK 25 the
 * first start trains the launcher's AOT cache and the second uses it.)
 */
class DemoIT {
  private static final String DETERMINATIONS = "Observation?code=https://fhir.casemgmt-adapter.org/CodeSystem/"
      + "case-management|eligibility-determination&program=claims-driven-tailored&subject:Patient.identifier=";
  private static final String MEDICAID = "urn:oid:2.16.840.1.113883.4.927|";

  @TempDir
  Path parent;

  @Test
  void theDemoProfileFeedsTheSamplesAndEveryProgramsDeterminationsCanBeRead() throws Exception {
    Path workDir = Files.createDirectory(parent.resolve("demo"));
    Path build = AdapterProcess.ownBuild(parent);
    try (AdapterProcess demo = AdapterProcess.launch(workDir, build, "--spring.profiles.active=demo")) {
      awaitRunsCompleted(demo, 3);
      IGenericClient fhir = client(demo);

      assertThat(fhir.search().byUrl("Patient?identifier=" + MEDICAID + "ILDEMO0001").returnBundle(Bundle.class)
          .execute().getEntry()).hasSize(1);
      // Dana Rivera: two stays on the psychiatric unit (ADT), schizophrenia, Sangamon county, Medicaid.
      assertThat(outcome(fhir, "ILDEMO0001")).isEqualTo("eligible");
      // Marcus Lee: one stay (ADT) and two mobile crisis days (claims), bipolar I, Menard county, Medicaid.
      assertThat(outcome(fhir, "ILDEMO0002")).isEqualTo("eligible");
      // Ana Gomez, known from claims only: recurrent depression, one emergency visit.
      assertThat(outcome(fhir, "ILDEMO0003")).isEqualTo("not-eligible");
      // Tom Baker: two stays, schizoaffective disorder, Medicaid, but no address on record.
      assertThat(outcome(fhir, "ILDEMO0004")).isEqualTo("insufficient-information");
      assertThat(demo.output()).contains("Demo: sample feeds recorded");

      // The agency's work on top (config/demo/workflow): the demo case manager's caseload, Ana Gomez not on it.
      awaitOutput(demo, "Demo: caseload.json recorded");
      Group caseload = fhir.read().resource(Group.class).withId("caseload-demo-cm").execute();
      assertThat(caseload.getMember()).extracting(member -> medicaidId(fhir, member.getEntity().getReference()))
          .containsExactlyInAnyOrder("ILDEMO0001", "ILDEMO0002", "ILDEMO0004");
      assertThat(fhir.search().byUrl("EpisodeOfCare?status=active&care-manager=Practitioner/demo-cm")
          .returnBundle(Bundle.class).execute().getEntry()).hasSize(2);
    }
    // Started again on its data, the demo records the agency's work once, not twice.
    try (AdapterProcess again = AdapterProcess.launch(workDir, build, "--spring.profiles.active=demo")) {
      awaitOutput(again, "Demo: caseload.json recorded");
      IGenericClient fhir = client(again);
      assertThat(fhir.search().byUrl("CarePlan?identifier=https://fhir.casemgmt-adapter.org/demo-record|")
          .returnBundle(Bundle.class).execute().getEntry()).hasSize(3);
      assertThat(fhir.search().byUrl("EpisodeOfCare?care-manager=Practitioner/demo-cm")
          .returnBundle(Bundle.class).execute().getEntry()).hasSize(2);
    }
    assertThat(workDir.resolve("data/demo")).isDirectoryContaining(path -> path.toString().endsWith(".mv.db"));
  }

  private static String outcome(IGenericClient fhir, String medicaidId) {
    List<Bundle.BundleEntryComponent> found = fhir.search().byUrl(DETERMINATIONS + MEDICAID + medicaidId)
        .returnBundle(Bundle.class).execute().getEntry();
    assertThat(found).as("the determination of " + medicaidId).hasSize(1);
    return ((Observation) found.get(0).getResource()).getValueCodeableConcept().getCodingFirstRep().getCode();
  }

  private static String medicaidId(IGenericClient fhir, String client) {
    return fhir.read().resource(Patient.class).withUrl(client).execute().getIdentifier().stream()
        .filter(identifier -> MEDICAID.startsWith(identifier.getSystem() + "|")).findFirst().orElseThrow().getValue();
  }

  private static void awaitOutput(AdapterProcess demo, String line) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (!demo.output().contains(line) && Instant.now().isBefore(deadline)) {
      Thread.sleep(500);
    }
    assertThat(demo.output()).contains(line);
  }

  /** The demo's population runs (one per program), completed. */
  private static void awaitRunsCompleted(AdapterProcess demo, int runs) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
    String body = "";
    while (Instant.now().isBefore(deadline)) {
      body = http.send(HttpRequest.newBuilder(URI.create(demo.baseUrl() + "/admin/eligibility/runs"))
              .header("Authorization", "Bearer " + demoAdminToken(demo)).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      if (body.split("\"status\":\"COMPLETED\"", -1).length - 1 == runs) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("the demo's population runs did not complete: " + body + "\n" + demo.output());
  }

  private static IGenericClient client(AdapterProcess adapter) {
    FhirContext fhirContext = FhirContext.forR4Cached();
    fhirContext.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
    fhirContext.getRestfulClientFactory().setSocketTimeout(60_000);
    IGenericClient client = fhirContext.newRestfulGenericClient(adapter.baseUrl() + "/fhir");
    client.registerInterceptor(new BearerTokenAuthInterceptor(demoAdminToken(adapter)));
    return client;
  }

  /** The token the README's demo request gets (config/application-demo.yml names the demo's callers). */
  private static String demoAdminToken(AdapterProcess demo) {
    return Tokens.client(demo.baseUrl(), "demo-admin", "demo-admin-secret", null);
  }
}
