package org.casemgmt.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.casemgmt.adapter.adt.Visit;
import org.casemgmt.adapter.claims.ClaimsCsv;
import org.casemgmt.adapter.testing.AdapterProcess;
import org.casemgmt.adapter.testing.MllpSender;
import org.casemgmt.adapter.testing.PostgresTestDatabase;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes of the packaged service on one PostgreSQL database and one claims inbox, as the README says to scale out:
 * started together on an empty database, they take turns; each file is loaded once, by the node holding the inbox's
 * lease; both serve MLLP, and the same stays sent to both at once make one client each; when the holder stops, the
 * other node takes the inbox over.
 */
class TwoNodesIT {
  private static final String MEDICAID = "urn:oid:2.16.840.1.113883.4.927";
  private static final int FILES = 4;
  private static final int CLIENTS = 6;

  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  @TempDir
  Path folder;

  @Test
  void eachFileLoadsOnceMllpIsServedByBothAndTheInboxMovesToTheNodeLeftRunning() throws Exception {
    String database = PostgresTestDatabase.create("two_nodes");
    Path inbox = Files.createDirectories(folder.resolve("inbox"));
    int[] mllpPorts = {AdapterProcess.freePort(), AdapterProcess.freePort()};
    List<CompletableFuture<AdapterProcess>> starting = new ArrayList<>();
    for (int node = 0; node < 2; node++) {
      List<String> arguments = new ArrayList<>(List.of("--spring.datasource.url=" + database,
          "--spring.datasource.username=" + PostgresTestDatabase.USER, "--spring.datasource.password=",
          "--adapter.claims.inbox=" + inbox, "--adapter.mllp.port=" + mllpPorts[node],
          "--adapter.cluster.lease-ttl=PT6S"));
      arguments.addAll(AdapterProcess.OPERATOR);
      Path work = Files.createDirectories(folder.resolve("node" + node));
      starting.add(CompletableFuture.supplyAsync(() -> start(work, arguments)));
    }
    AdapterProcess first = starting.get(0).join();
    AdapterProcess second = starting.get(1).join();
    try (first; second) {
      // They were started together: one created the schema and wrote the guide while the other waited.
      assertThat(List.of(first.output(), second.output()))
          .filteredOn(output -> output.contains("another node is starting on this database; waiting for it"))
          .hasSize(1);
      for (int file = 1; file <= FILES; file++) {
        drop(inbox, file);
      }
      // The same stays, each sent to both nodes at the same moment.
      List<Visit> visits = new ArrayList<>();
      List<Future<String>> acks = new ArrayList<>();
      ExecutorService senders = Executors.newFixedThreadPool(4);
      for (int client = 0; client < CLIENTS; client++) {
        Visit visit = new Visit("NORTHSIDE");
        visits.add(visit);
        String admission = visit.message("A01");
        for (int port : mllpPorts) {
          acks.add(senders.submit(() -> {
            try (MllpSender sender = new MllpSender(port)) {
              return sender.send(admission);
            }
          }));
        }
      }
      for (Future<String> ack : acks) {
        assertThat(ack.get()).contains("MSA|AA");
      }
      senders.shutdown();

      JsonNode files = awaitFiles(first, FILES);
      assertThat(files).allSatisfy(file -> {
        assertThat(file.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(file.path("runs").asLong()).as("loaded once").isEqualTo(1);
      });
      for (int file = 1; file <= FILES; file++) {
        assertThat(inbox.resolve("processed/claims-" + file + ".csv.report")).content().contains("outcome: LOADED");
      }
      assertThat(inbox.resolve("error")).doesNotExist();
      AdapterProcess holder = first.output().contains("holds lease claims-inbox") ? first : second;
      AdapterProcess other = holder == first ? second : first;
      assertThat(other.output()).as("one holder of the inbox").doesNotContain("holds lease claims-inbox");

      IGenericClient fhir = other.fhirClient();
      for (Visit visit : visits) {
        Bundle clients = fhir.search().byUrl("Patient?identifier=" + MEDICAID + "|" + visit.medicaidId())
            .returnBundle(Bundle.class).execute();
        assertThat(clients.getEntry()).as("one client for %s", visit.medicaidId()).hasSize(1);
        Bundle stays = fhir.search().byUrl("Encounter?subject=" + clients.getEntryFirstRep().getResource()
            .getIdElement().toUnqualifiedVersionless().getValue()).returnBundle(Bundle.class).execute();
        assertThat(stays.getEntry()).hasSize(1);
      }

      holder.close();
      drop(inbox, FILES + 1);
      assertThat(awaitFiles(other, FILES + 1)).allSatisfy(file ->
          assertThat(file.path("runs").asLong()).isEqualTo(1));
      assertThat(other.output()).contains("holds lease claims-inbox");
      assertThat(inbox.resolve("processed/claims-" + (FILES + 1) + ".csv.report")).content()
          .contains("outcome: LOADED");
    }
  }

  private static AdapterProcess start(Path work, List<String> arguments) {
    try {
      return AdapterProcess.start(work, arguments.toArray(String[]::new));
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A claim file of its own member: one paid psychiatric stay. */
  private static void drop(Path inbox, int file) throws IOException {
    Path upload = inbox.resolveSibling("claims-" + file + ".tmp");
    Files.writeString(upload, new ClaimsCsv().stay("TWO-NODES-" + file, "TN-IP-" + file, "0111", "0124", "1:F20.9",
        "2025-03-02", "2025-03-10", "paid").text());
    Files.move(upload, inbox.resolve("claims-" + file + ".csv"));
  }

  /** The claim-file list once it has that many files, all of them finished (waits at most five minutes). */
  private JsonNode awaitFiles(AdapterProcess node, int count) throws Exception {
    for (int waited = 0; waited < 600; waited++) {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(node.baseUrl()
              + "/admin/claims/files")).header("Authorization", "Bearer " + node.operatorToken()).build(),
          HttpResponse.BodyHandlers.ofString());
      JsonNode files = json.readTree(response.body());
      List<String> statuses = new ArrayList<>();
      files.forEach(file -> statuses.add(file.path("status").asText()));
      // RECEIVED: registered, its job not launched yet.
      if (files.size() == count && statuses.stream().noneMatch(status -> status.equals("RECEIVED")
          || status.equals("STARTED") || status.equals("STARTING"))) {
        return files;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("the claim files were not all loaded within five minutes");
  }
}
