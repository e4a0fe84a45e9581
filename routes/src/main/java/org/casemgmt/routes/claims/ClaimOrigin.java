package org.casemgmt.routes.claims;

/**
 * Where a claim (or a rejection) was read: enough for Provenance and for a person to find it in the file.
 *
 * @param interchangeControlNumber X12 ISA13; null for CSV
 * @param groupControlNumber       X12 GS06; null for CSV
 * @param transactionSetControlNumber X12 ST02; null for CSV
 * @param firstLine                the line of the claim's first segment (CLM, or HL when the claim is missing) or of
 *                                 its first CSV row, 1-based. An X12 file written without line breaks is one line:
 *                                 the rejection's segment position then locates it.
 * @param lastLine                 the line of its last segment or row
 */
public record ClaimOrigin(
    String fileName,
    ClaimFormat format,
    String interchangeControlNumber,
    String groupControlNumber,
    String transactionSetControlNumber,
    int firstLine,
    int lastLine) {

  @Override
  public String toString() {
    String lines = firstLine == lastLine ? "line " + firstLine : "lines " + firstLine + "-" + lastLine;
    return format == ClaimFormat.CSV ? fileName + " " + lines
        : fileName + " ISA " + interchangeControlNumber + " GS " + groupControlNumber + " ST "
            + transactionSetControlNumber + " " + lines;
  }
}
