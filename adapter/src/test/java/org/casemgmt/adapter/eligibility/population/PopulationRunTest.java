package org.casemgmt.adapter.eligibility.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casemgmt.adapter.testing.GuideExamples.uniqueValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.casemgmt.adapter.claims.ClaimsCsv;
import org.casemgmt.adapter.eligibility.EligibilityServerTest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /admin/eligibility/runs} evaluates every client under a program in a Spring Batch job, and what it
 * recorded is read back over FHIR like any determination.
 */
class PopulationRunTest extends EligibilityServerTest {
  private static final String PROGRAM = "claims-driven-tailored";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aRunRecordsEveryClientsDeterminationAndASecondRunOnTheSameDayWritesNothing() throws Exception {
    // Eligible on claims alone: two psychiatric stays with schizophrenia as principal diagnosis, and Medicaid.
    String eligibleMember = "MCD" + uniqueValue();
    String eligible = createClient(eligibleMember, true);
    createMedicaidCoverage(eligible, eligibleMember, "2024-07-01");
    // One stay: not eligible. No address: residency cannot be judged.
    String oneStayMember = "MCD" + uniqueValue();
    String oneStay = createClient(oneStayMember, true);
    createMedicaidCoverage(oneStay, oneStayMember, "2024-07-01");
    String noAddressMember = "MCD" + uniqueValue();
    String noAddress = createClient(noAddressMember, false);
    createMedicaidCoverage(noAddress, noAddressMember, "2024-07-01");
    dropClaims(new ClaimsCsv()
        .stay(eligibleMember, claimId(), "0111", "0124", "1:F20.9", "2025-05-01", "2025-05-06", "paid")
        .stay(eligibleMember, claimId(), "0111", "0124", "1:F20.9", "2025-11-03", "2025-11-09", "paid")
        .stay(oneStayMember, claimId(), "0111", "0124", "1:F20.9", "2025-11-03", "2025-11-09", "paid")
        .stay(noAddressMember, claimId(), "0111", "0124", "1:F20.9", "2025-05-01", "2025-05-06", "paid")
        .stay(noAddressMember, claimId(), "0111", "0124", "1:F20.9", "2025-11-03", "2025-11-09", "paid"));
    // Merged away into the eligible client: the survivor stands for it and it gets no determination of its own.
    String retired = createClient("MCD" + uniqueValue(), true);
    Patient replaced = fhir().read().resource(Patient.class).withId(retired).execute();
    replaced.setActive(false).addLink().setType(Patient.LinkType.REPLACEDBY)
        .setOther(new Reference("Patient/" + eligible));
    fhir().update().resource(replaced).execute();

    JsonNode first = awaitCompleted(start(PROGRAM, "2026-06-01"));

    assertThat(determination(eligible)).extracting(EligibilityServerTest::outcome).isEqualTo("eligible");
    assertThat(determination(oneStay)).extracting(EligibilityServerTest::outcome).isEqualTo("not-eligible");
    assertThat(determination(noAddress)).extracting(EligibilityServerTest::outcome)
        .isEqualTo("insufficient-information");
    assertThat(search(Observation.class, "Observation?subject=Patient/" + retired + "&code=" + DETERMINATION))
        .isEmpty();
    assertThat(determination(eligible).getEffectivePeriod().getStartElement().getValueAsString())
        .isEqualTo("2026-06-01");
    // Other tests' clients share this database: the run's counts hold them too, and must add up.
    long evaluated = first.get("evaluated").asLong();
    assertThat(first.get("program").asText()).isEqualTo(PROGRAM);
    assertThat(first.get("failed").asLong()).isZero();
    assertThat(evaluated).isGreaterThanOrEqualTo(3).isLessThan(first.get("clients").asLong());
    assertThat(first.get("written").asLong()).isGreaterThanOrEqualTo(3).isLessThanOrEqualTo(evaluated);
    long byOutcome = 0;
    for (String outcome : List.of("eligible", "not-eligible", "insufficient-information")) {
      assertThat(first.get("outcomes").get(outcome).asLong()).as(outcome).isPositive();
      byOutcome += first.get("outcomes").get(outcome).asLong();
    }
    assertThat(byOutcome).isEqualTo(evaluated);

    JsonNode second = awaitCompleted(start(PROGRAM, "2026-06-01"));

    assertThat(second.get("evaluated").asLong()).isEqualTo(evaluated);
    assertThat(second.get("written").asLong()).isZero();
    assertThat(determination(eligible).getMeta().getVersionId()).isEqualTo("1");
    assertThat(get("/admin/eligibility/runs").body()).contains("\"id\":" + first.get("id").asLong(),
        "\"id\":" + second.get("id").asLong());
  }

  @Test
  void anUnknownProgramOrAMalformedDateIsRefusedAndAnUnknownRunIsNotFound() throws Exception {
    HttpResponse<String> unknownProgram = post("/admin/eligibility/runs?program=no-such-program");
    assertThat(unknownProgram.statusCode()).isEqualTo(400);
    assertThat(unknownProgram.body()).contains("unknown program 'no-such-program'").contains(PROGRAM);

    HttpResponse<String> badDate = post("/admin/eligibility/runs?program=" + PROGRAM + "&date=2026-13-01");
    assertThat(badDate.statusCode()).isEqualTo(400);
    assertThat(badDate.body()).contains("date must be a full date");

    assertThat(get("/admin/eligibility/runs/987654321").statusCode()).isEqualTo(404);
  }

  private Observation determination(String client) {
    return single(Observation.class, "Observation?subject=Patient/" + client + "&code=" + DETERMINATION);
  }

  private long start(String program, String date) throws Exception {
    HttpResponse<String> started = post("/admin/eligibility/runs?program=" + program + "&date=" + date);
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    long run = JSON.readTree(started.body()).get("id").asLong();
    assertThat(started.headers().firstValue("Location")).hasValue("/admin/eligibility/runs/" + run);
    return run;
  }

  private JsonNode awaitCompleted(long run) {
    awaitTrue("population run " + run + " finished", () -> !status(run).get("ended").isNull());
    JsonNode status = status(run);
    assertThat(status.get("status").asText()).as(status.toString()).isEqualTo("COMPLETED");
    return status;
  }

  private JsonNode status(long run) {
    try {
      HttpResponse<String> response = get("/admin/eligibility/runs/" + run);
      assertThat(response.statusCode()).isEqualTo(200);
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private HttpResponse<String> post(String path) throws IOException {
    return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).POST(HttpRequest.BodyPublishers.noBody()));
  }

  private HttpResponse<String> get(String path) throws IOException {
    return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET());
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
    try {
      return HttpClient.newHttpClient().send(asAdmin(request).build(), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }
}
