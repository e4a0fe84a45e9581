package org.casemgmt.routes.adt;

/**
 * Where a parsed ADT message is handed over to be recorded on the unified client record; the adapter implements it.
 * Recording is synchronous: when it returns, the data is committed, so the sender may be told AA.
 */
public interface HospitalizationRecord {

  /** What became of a message. */
  enum Outcome {
    /** Its facts are now on the client record. */
    RECORDED,
    /** The same sender's message with the same control id was recorded before; nothing was written. */
    DUPLICATE,
    /** An event this adapter does not act on; acknowledged and logged only. */
    IGNORED
  }

  /**
   * Records the message in one transaction.
   *
   * @throws AdtRejection when its content cannot be recorded (for example its identifiers name two different clients)
   * @throws RuntimeException when storage fails; nothing was written and the sender should retry
   */
  Outcome record(AdtMessage message) throws AdtRejection;
}
