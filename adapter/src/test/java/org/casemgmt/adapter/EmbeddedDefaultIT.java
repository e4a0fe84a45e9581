package org.casemgmt.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.casemgmt.adapter.testing.AdapterProcess;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's run command as a new user meets it: the launcher and the packaged jar, no database server, an empty
 * folder; a claim file dropped into its default inbox loads on the embedded database too. On a JDK 25 the launcher's
 * first start after a build trains the AOT cache and the restart uses it.
 */
class EmbeddedDefaultIT {

  @TempDir
  Path parent;

  @Test
  void theFirstRunStartsOnH2InAnEmptyFolderAndKeepsAClientAcrossARestart() throws Exception {
    Path workDir = Files.createDirectory(parent.resolve("fresh"));
    Path build = AdapterProcess.ownBuild(parent);
    Path cache = parent.resolve("build/aot/adapter.aot");
    String clientId;

    AdapterProcess first = AdapterProcess.launch(workDir, build, AdapterProcess.OPERATOR.toArray(String[]::new));
    try (first) {
      assertThat(first.output())
          .contains("Database in use: jdbc:h2:file:./data/adapter")
          .contains("FHIR base: http://localhost:" + first.port() + "/fhir");
      IGenericClient fhir = first.fhirClient();
      assertThat(fhir.capabilities().ofType(CapabilityStatement.class).execute().getFhirVersion().toCode())
          .isEqualTo("4.0.1");
      // Secure by default: without a token nothing but the CapabilityStatement and the probes answers.
      HttpClient anonymous = HttpClient.newHttpClient();
      for (String path : List.of("/fhir/Patient", "/admin/dead-letters", "/actuator/health")) {
        assertThat(anonymous.send(HttpRequest.newBuilder(URI.create(first.baseUrl() + path)).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode()).as(path).isEqualTo(401);
      }

      Patient patient = new Patient();
      patient.addIdentifier().setSystem("urn:oid:2.16.840.1.113883.4.927").setValue("H2-RESTART-1");
      patient.addName().setFamily("Abernathy");
      patient.setGender(Enumerations.AdministrativeGender.MALE);
      patient.setBirthDateElement(new DateType("1975-07-04"));
      clientId = fhir.create().resource(patient).execute().getId().getIdPart();

      // The claims feed on H2: staging by JDBC batches, evidence onto the client known by the Medicaid id.
      Path inbox = workDir.resolve("data/inbox/claims");
      Files.createDirectories(inbox);
      Files.writeString(workDir.resolve("upload.tmp"), "member_id,claim_id,original_claim_id,frequency_code,"
          + "claim_type,type_of_bill,place_of_service,revenue_code,procedure_code,modifiers,diagnosis_codes,"
          + "from_date,through_date,admit_date,discharge_date,billing_npi,rendering_npi,status\n"
          + "H2-RESTART-1,H2-IP-1,,1,institutional,0111,,0124,,,1:F20.9,2025-03-02,2025-03-10,2025-03-02,"
          + "2025-03-10,1234567893,,paid\n");
      Files.move(workDir.resolve("upload.tmp"), inbox.resolve("claims.csv"));
      Path report = inbox.resolve("processed/claims.csv.report");
      for (int waited = 0; !Files.exists(report) && waited < 1200; waited++) {
        Thread.sleep(100);
      }
      assertThat(report).content().contains("outcome: LOADED").contains("evidence written: 2");
      assertThat(first.output()).contains("staging by JDBC_BATCH");
      Bundle stays = fhir.search().byUrl("Encounter?subject=Patient/" + clientId).returnBundle(Bundle.class)
          .execute();
      assertThat(stays.getEntry()).hasSize(1);
    }
    assertThat(workDir.resolve("data")).isDirectoryContaining(path -> path.toString().endsWith(".mv.db"));

    try (AdapterProcess second = AdapterProcess.launch(workDir, build, AdapterProcess.OPERATOR.toArray(String[]::new))) {
      if (javaRelease(first.output()) >= 25) {
        assertThat(first.output()).contains("training run: the AOT cache " + cache + " is written when the service stops")
            .contains("AOTCache creation is complete");
        assertThat(second.output()).contains("starting with the AOT cache " + cache).doesNotContain("[error]");
      } else {
        assertThat(second.output()).contains("no AOT cache");
      }
      Patient kept = second.fhirClient().read().resource(Patient.class).withId(clientId).execute();
      assertThat(kept.getNameFirstRep().getFamily()).isEqualTo("Abernathy");
      assertThat(kept.getIdentifierFirstRep().getValue()).isEqualTo("H2-RESTART-1");
    }
  }

  /** The Java release the launcher chose, from its first line. */
  private static int javaRelease(String output) {
    Matcher chosen = Pattern.compile("^bin/adapter: Java (\\d+)").matcher(output);
    assertThat(chosen.find()).as("the launcher names the Java it runs:%n%s", output).isTrue();
    return Integer.parseInt(chosen.group(1));
  }
}
