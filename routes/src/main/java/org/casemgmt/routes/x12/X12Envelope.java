package org.casemgmt.routes.x12;

/**
 * The envelopes a transaction set came in: enough for Provenance, for a report and for a person to find it in the file.
 *
 * @param interchangeControlNumber    ISA13
 * @param groupControlNumber          GS06
 * @param transactionSetControlNumber ST02
 * @param version                     ST03, or GS08 when ST03 is not sent
 */
public record X12Envelope(String fileName, String interchangeControlNumber, String groupControlNumber,
    String transactionSetControlNumber, String version) {

  /** {@code ISA 000010216 GS 20213 ST 0001}. */
  @Override
  public String toString() {
    return "ISA " + interchangeControlNumber + " GS " + groupControlNumber + " ST " + transactionSetControlNumber;
  }
}
