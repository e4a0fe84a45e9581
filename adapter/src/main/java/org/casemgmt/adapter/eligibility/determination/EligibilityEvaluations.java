package org.casemgmt.adapter.eligibility.determination;

import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import java.time.LocalDate;
import org.casemgmt.adapter.eligibility.Determination;
import org.casemgmt.adapter.eligibility.EligibilityEngine;
import org.casemgmt.adapter.eligibility.evidence.ClientEvidence;
import org.casemgmt.adapter.eligibility.program.ProgramDefinition;
import org.casemgmt.adapter.eligibility.record.ClientRecordReader;
import org.hibernate.exception.ConstraintViolationException;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
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
  private static final int ATTEMPTS = 4;

  private final ClientRecordReader record;
  private final EligibilityEngine engine;
  private final DeterminationRecorder recorder;
  private final TransactionTemplate transaction;

  EligibilityEvaluations(ClientRecordReader record, EligibilityEngine engine, DeterminationRecorder recorder,
      PlatformTransactionManager transactionManager) {
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
    for (int attempt = 1; ; attempt++) {
      try {
        return transaction.execute(status -> evaluateOnce(patientId, program, date));
      } catch (ResourceVersionConflictException | DataIntegrityViolationException
          | ConstraintViolationException collision) {
        if (attempt == ATTEMPTS) {
          throw collision;
        }
      }
    }
  }

  private Observation evaluateOnce(String patientId, ProgramDefinition program, LocalDate date) {
    Patient client = record.client(patientId);
    String reference = "Patient/" + client.getIdElement().getIdPart();
    ClientEvidence evidence = record.evidence(client);
    Determination determination = engine.evaluate(program, evidence, date);
    Observation stored = recorder.record(reference, program, determination, evidence.birthDate());
    // Ids and counts only: the outcome of an SMI determination is itself health information.
    log.info("Eligibility of {} under {} {} on {} recorded as Observation/{} version {} ({} evidence references)",
        reference, program.id(), program.version(), date, stored.getIdElement().getIdPart(),
        stored.getIdElement().getVersionIdPart(), determination.evidence().size());
    return stored;
  }
}
