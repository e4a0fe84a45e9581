package org.casemgmt.adapter.reporting.mhcld;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.casemgmt.adapter.security.AccessGrant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes one MH-CLD submission: the period's records as the state's layout has them, compared with what was last
 * submitted for the period (new records are added, changed ones changed, vanished ones deleted, the rest not sent
 * again), written with its report to the outbox, and remembered, all in one transaction: a submission that cannot
 * be delivered changes nothing, and two at once (two nodes, a schedule and a request) wait for each other.
 */
@Component
class MhcldSubmissions {
  static final String OUTBOX = "direct:mhcld-outbox";
  private static final Logger log = LoggerFactory.getLogger(MhcldSubmissions.class);
  private static final String ID_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  private static final int ID_LENGTH = 12;

  @PersistenceContext
  private EntityManager entityManager;
  private final MhcldProperties properties;
  private final MhcldReader reader;
  private final ProducerTemplate producer;
  private final Clock clock;
  private final TransactionTemplate transaction;
  private final TransactionTemplate ownTransaction;
  private final SecureRandom random = new SecureRandom();

  MhcldSubmissions(MhcldProperties properties, MhcldReader reader, ProducerTemplate producer, Clock clock,
      PlatformTransactionManager transactionManager) {
    this.properties = properties;
    this.reader = reader;
    this.producer = producer;
    this.clock = clock;
    this.transaction = new TransactionTemplate(transactionManager);
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * What a submission did.
   *
   * @param fileName null when nothing had changed since the last submission (no file was written)
   */
  record Outcome(MhcldFile file, ReportingPeriod period, String fileName, int added, int changed, int deleted,
      int unchanged, int excluded, int withheld) {}

  /**
   * @param grant the recipient's (null: everything is used)
   * @param scheduledDay the day a schedule fired, null when asked for: a day already served is not served again
   */
  Outcome submit(MhcldFile file, ReportingPeriod period, AccessGrant grant, LocalDate scheduledDay) {
    String seriesId = SubmissionSeries.id(file, period);
    createSeries(seriesId);
    return transaction.execute(status -> {
      SubmissionSeries series = entityManager.find(SubmissionSeries.class, seriesId, LockModeType.PESSIMISTIC_WRITE);
      if (series.served(scheduledDay)) {
        return null;
      }
      SubmissionReport report = new SubmissionReport();
      RecordLayout records = records(file);
      Outcome outcome = deliver(file, period, series, records, lines(file, records, period, grant, report), report);
      series.scheduledOn(scheduledDay);
      log.info("MH-CLD {} for the period ending {}: {} added, {} changed, {} deleted, {} unchanged, {} excluded,"
          + " {} records withheld; file {}", file, period.end(), outcome.added(), outcome.changed(),
          outcome.deleted(), outcome.unchanged(), outcome.excluded(), outcome.withheld(), outcome.fileName());
      return outcome;
    });
  }

  /** The period's records by key: the served clients' BCI records, or their discharges' SHR records. */
  private Map<String, RecordLayout.Line> lines(MhcldFile file, RecordLayout records, ReportingPeriod period,
      AccessGrant grant, SubmissionReport report) {
    List<String> enrolled = reader.enrolled(period, grant);
    Map<String, String> ids = clientIds(enrolled.stream().map(client -> client.substring(client.indexOf('/') + 1))
        .toList());
    Map<String, RecordLayout.Line> lines = new TreeMap<>();
    reader.read(enrolled, period, grant, LocalDate.now(clock.withZone(ZoneId.systemDefault())), report, client -> {
      String id = ids.get(client.client().substring(client.client().indexOf('/') + 1));
      if (!client.served()) {
        report.leftOut(id, "enrolled in the period, no service recorded in it");
        return;
      }
      List<Map<String, List<String>>> facts = file == MhcldFile.BCI ? List.of(client.facts()) : client.discharges();
      for (Map<String, List<String>> record : facts) {
        Map<String, List<String>> all = new HashMap<>(record);
        all.put("client-id", List.of(id));
        all.put("state", List.of(properties.state()));
        RecordLayout.Line line = records.render(id, all, report);
        if (line != null) {
          lines.put(line.key(), line);
        }
      }
    });
    return lines;
  }

  private Outcome deliver(MhcldFile file, ReportingPeriod period, SubmissionSeries series, RecordLayout records,
      Map<String, RecordLayout.Line> lines, SubmissionReport report) {
    String seriesId = SubmissionSeries.id(file, period);
    Map<String, SubmittedRecord> previous = new HashMap<>();
    entityManager.createQuery("select r from SubmittedRecord r where r.series = :series", SubmittedRecord.class)
        .setParameter("series", seriesId).getResultStream().forEach(record -> previous.put(record.key(), record));
    List<String> body = new ArrayList<>();
    int added = 0;
    int changed = 0;
    for (RecordLayout.Line line : lines.values()) {
      SubmittedRecord before = previous.remove(line.key());
      if (before == null) {
        added++;
        body.add(records.withTransaction(line.text(), "A"));
        entityManager.persist(new SubmittedRecord(seriesId, line.key(), line.text()));
      } else if (!before.line().equals(line.text())) {
        changed++;
        body.add(records.withTransaction(line.text(), "C"));
        before.line(line.text());
      }
    }
    for (SubmittedRecord gone : previous.values()) {
      body.add(records.withTransaction(gone.line(), "D"));
      entityManager.remove(gone);
    }
    int unchanged = lines.size() - added - changed;
    if (body.isEmpty() && series.submissions() > 0) {
      return new Outcome(file, period, null, 0, 0, 0, unchanged, report.excludedCount(), report.withheldCount());
    }
    series.submitted(clock.instant());
    String name = fileName(file, period, series.submissions());
    send(name, header(file, period, body.size()) + String.join("\n", body) + (body.isEmpty() ? "" : "\n"));
    send(name + ".report.csv", report.text());
    return new Outcome(file, period, name, added, changed, previous.size(), unchanged, report.excludedCount(),
        report.withheldCount());
  }

  private RecordLayout records(MhcldFile file) {
    MhcldProperties.Layout layout = properties.layout(file);
    return new RecordLayout(layout.fields(), layout.key(), properties);
  }

  private String header(MhcldFile file, ReportingPeriod period, int count) {
    MhcldProperties.Layout layout = properties.layout(file);
    if (layout.header().isEmpty()) {
      return "";
    }
    Map<String, List<String>> facts = Map.of("state", List.of(properties.state()),
        "period-start", List.of(period.start().toString()), "period-end", List.of(period.end().toString()),
        "record-count", List.of(Integer.toString(count)));
    RecordLayout.Line line = new RecordLayout(layout.header(), List.of(), properties)
        .render("", facts, new SubmissionReport());
    if (line == null) {
      throw new IllegalStateException("adapter.mhcld: the " + file + " header lacks a required field (state?)");
    }
    return line.text() + "\n";
  }

  private String fileName(MhcldFile file, ReportingPeriod period, int sequence) {
    return properties.fileName().replace("{state}", properties.state()).replace("{file}", file.name())
        .replace("{period-end}", period.end().format(RecordLayout.MMDDYYYY))
        .replace("{sequence}", String.format("%02d", sequence));
  }

  private void send(String name, String text) {
    producer.sendBodyAndHeader(OUTBOX, text.getBytes(StandardCharsets.US_ASCII), Exchange.FILE_NAME, name);
  }

  /** The clients' MH-CLD ids by Patient id, drawn for those who have none yet. */
  private Map<String, String> clientIds(List<String> patients) {
    Map<String, String> ids = new HashMap<>();
    for (int first = 0; first < patients.size(); first += 1000) {
      entityManager.createQuery("select c from MhcldClient c where c.patientId in :ids", MhcldClient.class)
          .setParameter("ids", patients.subList(first, Math.min(patients.size(), first + 1000)))
          .getResultStream().forEach(client -> ids.put(client.patientId(), client.clientId()));
    }
    for (String patient : patients) {
      if (!ids.containsKey(patient)) {
        String id = newClientId();
        entityManager.persist(new MhcldClient(patient, id));
        ids.put(patient, id);
      }
    }
    return ids;
  }

  /**
   * 12 characters of 32 (60 bits): among a million clients two draw the same id with a chance of about 1 in 2
   * million, and then the id's unique column fails the submission rather than mix two clients.
   */
  private String newClientId() {
    StringBuilder id = new StringBuilder(ID_LENGTH);
    for (int i = 0; i < ID_LENGTH; i++) {
      id.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
    }
    return id.toString();
  }

  /** The series' row, made once: by whichever node or request comes first. */
  private void createSeries(String id) {
    try {
      ownTransaction.executeWithoutResult(status -> {
        if (entityManager.find(SubmissionSeries.class, id) == null) {
          entityManager.persist(new SubmissionSeries(id));
        }
      });
    } catch (DataIntegrityViolationException madeMeanwhile) {
      log.debug("MH-CLD series {} was made by another node meanwhile", id);
    }
  }
}
