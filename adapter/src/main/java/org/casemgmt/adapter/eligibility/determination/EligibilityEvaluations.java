package org.casemgmt.adapter.eligibility.determination;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.casemgmt.adapter.eligibility.EligibilityEngine;
import org.casemgmt.adapter.eligibility.evidence.ClientEvidence;
import org.casemgmt.adapter.eligibility.program.ProgramDefinition;
import org.casemgmt.adapter.eligibility.record.ClientRecordReader;
import org.casemgmt.adapter.identity.ConcurrentWrites;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One client's evaluation under one program on one date: the evidence read from the record, judged by the engine,
 * and the determination recorded, all in one database transaction so the determination matches the record it read.
 * Two evaluations of the same client writing at once collide on versions; the loser runs again on the newer record.
 */
@Component
public class EligibilityEvaluations {
  private static final Logger log = LoggerFactory.getLogger(EligibilityEvaluations.class);

  private final ClientRecordReader record;
  private final EligibilityEngine engine;
  private final DeterminationRecorder recorder;
  private final DaoRegistry daos;
  private final TransactionTemplate transaction;

  EligibilityEvaluations(ClientRecordReader record, EligibilityEngine engine, DeterminationRecorder recorder,
      DaoRegistry daos, PlatformTransactionManager transactionManager) {
    this.daos = daos;
    this.record = record;
    this.engine = engine;
    this.recorder = recorder;
    this.transaction = new TransactionTemplate(transactionManager);
  }

  /**
   * Evaluates the client a Patient id stands for (the survivor, when it was merged away) and records the
   * determination.
   *
   * @return the determination as stored: the new version of the client's determination for the program
   */
  public Observation evaluate(String patientId, ProgramDefinition program, LocalDate date) {
    return withRetries(() -> {
      RecordedDetermination recorded = evaluateOnce(List.of(record.client(patientId)), program, date).get(0);
      // Ids and counts only: the outcome of an SMI determination is itself health information.
      log.info("Eligibility of {} under {} {} on {}: Observation/{} version {} ({})", recorded.client(),
          program.id(), program.version(), date, recorded.determination().getIdPart(),
          recorded.determination().getVersionIdPart(), recorded.written() ? "changed" : "unchanged");
      return (Observation) daos.getResourceDao(Observation.class)
          .read(recorded.determination(), new SystemRequestDetails());
    });
  }

  /**
   * Evaluates several clients together, reading their records with one search per kind of resource and recording
   * their determinations in one transaction: a population run's chunk. A Patient merged away is left out (the
   * client that replaced it stands for it and is evaluated under its own id); so is one that no longer exists.
   */
  public List<RecordedDetermination> evaluateAll(List<String> patientIds, ProgramDefinition program,
      LocalDate date) {
    return withRetries(() -> evaluateOnce(record.survivingClients(patientIds), program, date));
  }

  private <T> T withRetries(Supplier<T> evaluation) {
    return ConcurrentWrites.retried(() -> transaction.execute(status -> evaluation.get()));
  }

  private List<RecordedDetermination> evaluateOnce(List<Patient> clients, ProgramDefinition program,
      LocalDate date) {
    List<ClientEvidence> evidence = record.evidence(clients);
    List<DeterminationRecorder.Judged> judged = new ArrayList<>();
    for (int i = 0; i < clients.size(); i++) {
      judged.add(new DeterminationRecorder.Judged("Patient/" + clients.get(i).getIdElement().getIdPart(),
          engine.evaluate(program, evidence.get(i), date), evidence.get(i).birthDate()));
    }
    return recorder.record(program, judged);
  }
}
