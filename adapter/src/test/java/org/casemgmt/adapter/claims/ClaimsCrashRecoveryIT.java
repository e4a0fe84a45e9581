package org.casemgmt.adapter.claims;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.casemgmt.adapter.testing.AdapterProcess;
import org.casemgmt.adapter.testing.PostgresTestDatabase;
import org.casemgmt.routes.claims.generator.ClaimFileFormat;
import org.casemgmt.routes.claims.generator.ClaimFileGenerator;
import org.casemgmt.routes.claims.generator.ClaimFileManifest;
import org.casemgmt.routes.claims.generator.ClaimFileRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged service, killed with SIGKILL while it stages a large claim file, resumes the file's job on restart from
 * its last committed chunk: every claim, line and rejection of the file is staged exactly once.
 */
class ClaimsCrashRecoveryIT {
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  @TempDir
  Path folder;

  @Test
  void aServiceKilledMidFileResumesAfterRestartWithNoClaimLostOrDoubled() throws Exception {
    // 400,000 lines (about 100,000 claims) for 20,000 members; 1 claim in 1,000 malformed.
    ClaimFileManifest manifest = new ClaimFileGenerator(ClaimFileRequest.of(ClaimFileFormat.CSV, 20_000, 400_000, 42)
        .withPsychiatricShare(0.05).withMalformedShare(0.001)).write(folder.resolve("claims.csv"));
    String database = PostgresTestDatabase.create("claims_crash");
    Path inbox = Files.createDirectories(folder.resolve("inbox"));
    Path work = Files.createDirectories(folder.resolve("work"));
    List<String> settings = new ArrayList<>(List.of("--spring.datasource.url=" + database,
        "--spring.datasource.username=" + PostgresTestDatabase.USER, "--spring.datasource.password=",
        "--adapter.claims.inbox=" + inbox, "--adapter.claims.chunk-size=200", "--adapter.mllp.port=" + freePort()));
    settings.addAll(AdapterProcess.OPERATOR);
    String[] arguments = settings.toArray(String[]::new);

    try (AdapterProcess service = AdapterProcess.start(work, arguments)) {
      Files.move(manifest.files().get(0), inbox.resolve("claims.csv"));
      await(service, file -> "STARTED".equals(file.path("status").asText())
          && file.path("itemsRead").asLong() >= 5_000 && file.path("itemsRead").asLong() < manifest.claims(),
          file -> "COMPLETED".equals(file.path("status").asText()), "the job to be staging");
      service.kill();
    }
    long stagedBeforeRestart = count(database, "SELECT count(*) FROM cm_claim");
    assertThat(stagedBeforeRestart).isBetween(1L, manifest.acceptedClaims() - 1);
    assertThat(inbox.resolve("claims.csv")).as("a file whose job did not finish stays in the inbox").exists();

    try (AdapterProcess service = AdapterProcess.start(work, arguments)) {
      // The cut-short run shows as FAILED until the resumed one starts.
      JsonNode done = await(service, file -> "COMPLETED".equals(file.path("status").asText()),
          file -> false, "the job to resume");
      assertThat(done.path("runs").asInt()).isEqualTo(2);
      assertThat(done.path("itemsRead").asLong()).isEqualTo(manifest.claims());
      assertThat(done.path("claimsStaged").asLong()).isEqualTo(manifest.acceptedClaims());
      assertThat(done.path("claimsRejected").asLong()).isEqualTo(manifest.malformedClaims());
      assertThat(done.path("membersRefused").asLong()).isZero();
    }
    assertThat(count(database, "SELECT count(*) FROM cm_claim")).isEqualTo(manifest.acceptedClaims());
    assertThat(count(database, "SELECT count(*) FROM cm_claim_line")).isEqualTo(manifest.acceptedLines());
    assertThat(count(database, "SELECT count(*) FROM cm_claim_rejection")).isEqualTo(manifest.malformedClaims());
    // One client record entry per episode: the members derived before the kill were not written twice. (The
    // generator's manifest does not count outpatient mental-health visit days; they are follow-up evidence only.)
    assertThat(count(database, "SELECT count(*) FROM cm_claim_evidence WHERE evidence_key NOT LIKE 'DX|%'"
        + " AND evidence_key NOT LIKE 'MENTAL_HEALTH_OUTPATIENT|%'"))
        .isEqualTo(manifest.inpatientEpisodes() + manifest.emergencyVisitDays() + manifest.crisisServiceDays());
    assertThat(inbox.resolve("processed").resolve("claims.csv.report")).content().contains("outcome: LOADED");
  }

  /** Polls the claim-file list until the one file matches, against a deadline, failing early if it never can. */
  private JsonNode await(AdapterProcess service, Predicate<JsonNode> condition, Predicate<JsonNode> tooLate,
      String what) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
    while (Instant.now().isBefore(deadline)) {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(
              URI.create(service.baseUrl() + "/admin/claims/files"))
          .header("Authorization", "Bearer " + service.operatorToken()).build(), HttpResponse.BodyHandlers.ofString());
      List<JsonNode> files = new ArrayList<>();
      json.readTree(response.body()).forEach(files::add);
      if (!files.isEmpty() && condition.test(files.get(0))) {
        return files.get(0);
      }
      assertThat(files).as("claim files while waiting for " + what).noneMatch(tooLate);
      Thread.sleep(50);
    }
    throw new AssertionError("timed out waiting for " + what + "\n" + service.output());
  }

  private static long count(String database, String sql) throws Exception {
    try (Connection connection = DriverManager.getConnection(database, PostgresTestDatabase.USER, "");
        ResultSet result = connection.createStatement().executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    }
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
