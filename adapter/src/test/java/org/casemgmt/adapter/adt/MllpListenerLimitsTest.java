package org.casemgmt.adapter.adt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.casemgmt.adapter.testing.GuideExamples.uniqueValue;
import static org.casemgmt.adapter.testing.MllpSender.ackCode;
import static org.casemgmt.adapter.testing.MllpSender.field;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.component.mllp.MllpTcpServerConsumer;
import org.apache.camel.component.mllp.internal.TcpSocketConsumerRunnable;
import org.casemgmt.adapter.testing.Await;
import org.casemgmt.adapter.testing.FhirServerTest;
import org.casemgmt.adapter.testing.MllpSender;
import org.hl7.fhir.r4.model.Encounter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The MLLP listener against what a security review found: idle sockets that locked every sender out, a message of
 * many megabytes kept whole on each retry, any host able to send, message content in the log. Hosts other than
 * 127.0.0.1 are further loopback addresses; FhirServerTest sets which of them the listener allows, its idle timeout
 * and its per-sender limit.
 */
@ExtendWith(OutputCaptureExtension.class)
class MllpListenerLimitsTest extends FhirServerTest {
  private static final String NORTHSIDE_VISIT = "https://northside.example.org/sid/visit";
  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private static final int MAX_MESSAGE_BYTES = 1_048_576;
  private static final int MAX_FRAME_BYTES = 4_194_304;

  @Autowired
  private CamelContext camel;

  @Test
  void idleConnectionsBeyondTheOldLimitOfFiveLockNoSenderOutAndAreClosedAfterTheIdleTimeout() throws IOException {
    List<String> idleHosts = List.of("127.0.1.1", "127.0.1.2", "127.0.1.3");
    Map<MllpSender, Instant> closedAt = new HashMap<>();
    List<MllpSender> idle = new ArrayList<>();
    Instant opened = Instant.now();
    try {
      // Four silent connections from each of three hosts: twelve, where camel-mllp's default served five in all.
      for (String host : idleHosts) {
        for (int i = 0; i < 4; i++) {
          idle.add(MllpSender.from(host, MLLP_PORT));
        }
      }
      Await.until("twelve idle connections served", DEADLINE,
          () -> idleHosts.stream().mapToLong(this::servedFrom).sum() == 12);

      try (MllpSender hospital = new MllpSender(MLLP_PORT)) {
        Await.until("the hospital's connection served", DEADLINE, () -> servedFrom("127.0.0.1") == 1);
        assertThat(idleHosts.stream().mapToLong(this::servedFrom).sum()).as("idle connections still open").isEqualTo(12);
        assertThat(ackCode(hospital.send(new Admission("NORTHSIDE").message()))).isEqualTo("AA");
      }

      Await.until("every idle connection closed", MLLP_IDLE_TIMEOUT.plus(DEADLINE), () -> {
        idle.stream().filter(connection -> !closedAt.containsKey(connection))
            .filter(MllpSender::closedByService).forEach(connection -> closedAt.put(connection, Instant.now()));
        return closedAt.size() == idle.size();
      });
      // Closed for being idle, not for anything sooner.
      assertThat(closedAt.values()).allSatisfy(closed ->
          assertThat(Duration.between(opened, closed)).isGreaterThanOrEqualTo(MLLP_IDLE_TIMEOUT));
    } finally {
      for (MllpSender connection : idle) {
        connection.close();
      }
    }
  }

  @Test
  void aConnectionBeyondThePerSenderLimitIsClosedAtOnceWhileTheSendersOthersServeOn() throws IOException {
    String host = "127.0.1.50";
    List<MllpSender> connections = new ArrayList<>();
    try {
      for (int i = 0; i < MLLP_CONNECTIONS_PER_SENDER; i++) {
        connections.add(MllpSender.from(host, MLLP_PORT));
      }
      Await.until("the sender's connections served", DEADLINE, () -> servedFrom(host) == MLLP_CONNECTIONS_PER_SENDER);

      try (MllpSender oneTooMany = MllpSender.from(host, MLLP_PORT)) {
        Await.until("the connection beyond the limit closed", DEADLINE, oneTooMany::closedByService);
      }
      assertThat(servedFrom(host)).isEqualTo(MLLP_CONNECTIONS_PER_SENDER);
      assertThat(ackCode(connections.get(0).send(new Admission("NORTHSIDE").message()))).isEqualTo("AA");

      // Once one of its connections closes, the sender may open another.
      connections.remove(0).close();
      String admission = new Admission("NORTHSIDE").message();
      Await.until("a new connection served after one closed", DEADLINE, () -> {
        try (MllpSender another = MllpSender.from(host, MLLP_PORT)) {
          return ackCode(another.send(admission)).equals("AA");
        } catch (IOException | UncheckedIOException refused) {
          return false;
        }
      });
    } finally {
      for (MllpSender connection : connections) {
        connection.close();
      }
    }
  }

  @Test
  void aMessageOverTheSizeLimitIsAnsweredArWithErr104AndOnlyAShortRecordOfItIsKept() throws IOException {
    int adtDeadLetters = deadLetters("adt").size();
    Admission admission = new Admission("NORTHSIDE");
    // A Z-segment of 1.5 MB: the message is read whole, then refused before it is parsed.
    String oversized = admission.message() + "ZPD|" + "x".repeat(1_500_000) + "\r";
    int size = oversized.getBytes(StandardCharsets.UTF_8).length;
    try (MllpSender hospital = new MllpSender(MLLP_PORT)) {
      String ack = hospital.send(oversized);

      assertThat(ackCode(ack)).as(ack).isEqualTo("AR");
      assertThat(field(ack, "MSA", 2)).isEqualTo(admission.controlId);
      assertThat(field(ack, "ERR", 3)).isEqualTo("104^Value too long^HL70357");
      assertThat(field(ack, "ERR", 4)).isEqualTo("E");
      assertThat(field(ack, "ERR", 8)).isEqualTo("message exceeds " + MAX_MESSAGE_BYTES + " bytes (it has " + size + ")");
      // The frame was read to its end, so the connection goes on.
      assertThat(ackCode(hospital.send(new Admission("NORTHSIDE").message()))).isEqualTo("AA");
    }

    assertThat(search(Encounter.class, "Encounter?identifier=" + NORTHSIDE_VISIT + "|" + admission.visit)).isEmpty();
    assertThat(deadLetters("adt")).hasSize(adtDeadLetters);
    Map<String, Object> record = refusalRecordOf(admission.controlId);
    assertThat((String) record.get("reason")).contains("AR 104", String.valueOf(size));
    assertThat((String) record.get("source")).startsWith("mllp /127.0.0.1:");
    assertThat(payloadOf(record)).isEmpty();
  }

  @Test
  void aFrameOverTheFrameLimitResetsItsConnectionWithoutAnAnswerAndLeavesTheSenderFreeToGoOn() throws IOException {
    String host = "127.0.1.60";
    String tooLarge = new Admission("NORTHSIDE").message() + "ZPD|" + "x".repeat(MAX_FRAME_BYTES + 100_000) + "\r";
    try (MllpSender hospital = MllpSender.from(host, MLLP_PORT)) {
      Throwable cutOff = catchThrowable(() -> hospital.send(tooLarge));
      // Reset by the service, not left waiting for an answer.
      assertThat(cutOff).isInstanceOf(UncheckedIOException.class);
      assertThat(cutOff.getCause()).isNotInstanceOf(SocketTimeoutException.class);
    }
    // Nothing of the cut-off connection is left counting against its host.
    Await.until("the cut-off connection gone", DEADLINE, () -> servedFrom(host) == 0);
    try (MllpSender hospital = MllpSender.from(host, MLLP_PORT)) {
      assertThat(ackCode(hospital.send(new Admission("NORTHSIDE").message()))).isEqualTo("AA");
    }
  }

  @Test
  void aHostAllowedForOneFacilityGetsArWithErr103ForAnotherAndKeepsItsConnection() throws IOException {
    Admission riverview = new Admission("RIVERVIEW");
    try (MllpSender northsideEngine = MllpSender.from("127.0.2.9", MLLP_PORT)) {
      String ack = northsideEngine.send(riverview.message());

      assertThat(ackCode(ack)).as(ack).isEqualTo("AR");
      assertThat(field(ack, "MSA", 2)).isEqualTo(riverview.controlId);
      assertThat(field(ack, "ERR", 2)).isEqualTo("MSH^1^4");
      assertThat(field(ack, "ERR", 3)).isEqualTo("103^Table value not found^HL70357");
      assertThat(field(ack, "ERR", 8)).isEqualTo("sending facility 'RIVERVIEW' is not allowed from 127.0.2.9");
      assertThat(ackCode(northsideEngine.send(new Admission("NORTHSIDE").message()))).isEqualTo("AA");
    }
    assertThat((String) refusalRecordOf(riverview.controlId).get("reason")).contains("AR 103", "RIVERVIEW");
  }

  @Test
  void aHostNoAllowedSenderNamesIsClosedBeforeItSendsAnything() throws IOException {
    try (MllpSender stranger = MllpSender.from("127.0.3.9", MLLP_PORT)) {
      Await.until("the stranger's connection closed", DEADLINE, stranger::closedByService);
    }
    assertThat(servedFrom("127.0.3.9")).isZero();
  }

  @Test
  void noMessageContentReachesTheLogWhateverHappensToTheMessage(CapturedOutput output) throws IOException {
    // A family name and a birth date no log line may show.
    String name = "Zz" + uniqueValue();
    String birthDate = "19" + uniqueValue();
    Admission recorded = new Admission("NORTHSIDE", name);
    try (MllpSender hospital = new MllpSender(MLLP_PORT)) {
      // Bytes outside a frame, which camel-mllp reports and drops.
      hospital.write(("PID|1||" + name + "\r").getBytes(StandardCharsets.UTF_8));
      assertThat(ackCode(hospital.send(recorded.message()))).isEqualTo("AA");
      String badBirthDate = new Admission("NORTHSIDE", name).message().replace("|19860517|", "|" + birthDate + "|");
      String refused = hospital.send(badBirthDate);
      assertThat(ackCode(refused)).isEqualTo("AE");
      assertThat(refused).as("the sender is told which value").contains(birthDate);
      String oversized = new Admission("NORTHSIDE", name).message() + "ZPD|" + name.repeat(100_000) + "\r";
      assertThat(ackCode(hospital.send(oversized))).isEqualTo("AR");
    }
    try (MllpSender stalled = new MllpSender(MLLP_PORT)) {
      // A frame that starts and never ends: camel-mllp gives up on it after its read timeout.
      stalled.write(("\u000b" + new Admission("NORTHSIDE", name).message()).getBytes(StandardCharsets.UTF_8));
      Await.until("the stalled frame given up", DEADLINE, stalled::closedByService);
    }

    assertThat(output.getAll()).as("the intake's log line of the recorded message").contains(recorded.controlId);
    assertThat(output.getAll()).doesNotContain(name).doesNotContain(birthDate);
  }

  /** Connections the listener serves now from a host, as camel-mllp's consumer lists them. */
  private long servedFrom(String host) {
    MllpTcpServerConsumer listener = (MllpTcpServerConsumer) camel.getRoute("adt-mllp").getConsumer();
    return listener.getConsumerRunnables().keySet().stream().map(TcpSocketConsumerRunnable::getSocket)
        .filter(socket -> !socket.isClosed() && socket.getInetAddress().getHostAddress().equals(host)).count();
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> deadLetters(String feed) {
    return Arrays.asList(admin().getForObject(
        baseUrl() + "/admin/dead-letters?feed=" + feed + "&status=ALL&limit=1000", Map[].class));
  }

  /** The short record of a refused message: found by its control id, which the reason names. */
  private Map<String, Object> refusalRecordOf(String controlId) {
    List<Map<String, Object>> records = deadLetters("adt-refused").stream()
        .filter(letter -> ((String) letter.get("reason")).contains("'" + controlId + "'")).toList();
    assertThat(records).hasSize(1);
    return records.get(0);
  }

  @SuppressWarnings("unchecked")
  private String payloadOf(Map<String, Object> letter) {
    Map<String, Object> whole = admin().getForObject(baseUrl() + "/admin/dead-letters/" + letter.get("id"),
        Map.class);
    return (String) whole.get("payload");
  }

  /** A new client's admission to Northside's (or Riverview's) psychiatric unit. */
  private static final class Admission {
    final String facility;
    final String familyName;
    final String visit = "V" + uniqueValue();
    final String controlId = UUID.randomUUID().toString().replace("-", "").substring(0, 20);

    Admission(String facility) {
      this(facility, "Rivera");
    }

    Admission(String facility, String familyName) {
      this.facility = facility;
      this.familyName = familyName;
    }

    String message() {
      String[] pv1 = new String[45];
      Arrays.fill(pv1, "");
      pv1[1] = "1";
      pv1[2] = "I";                     // inpatient
      pv1[3] = "5EAST^501^A";           // the psychiatric unit
      pv1[10] = "PSY";                  // hospital service
      pv1[19] = visit;                  // visit number
      pv1[44] = "20260301080000-0600";  // admitted
      return String.join("\r",
          "MSH|^~\\&|EPIC|" + facility + "|CASEMGMT|AGENCY|20260301083000-0600||ADT^A01^ADT_A01|" + controlId
              + "|P|2.5.1",
          "EVN|A01|20260301083000-0600",
          "PID|1||M" + uniqueValue() + "^^^" + facility + "^MR||" + familyName + "^Dana^M||19860517|F",
          "PV1|" + String.join("|", Arrays.copyOfRange(pv1, 1, 45))) + "\r";
    }
  }
}
