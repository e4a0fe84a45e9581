package org.casemgmt.adapter.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which records are 42 CFR Part 2 records ({@code config/part2.yml}).
 *
 * @param diagnosisSystems the code systems whose codes are read as ICD-10 diagnoses
 * @param diagnosisPrefixes substance-use diagnoses, as code prefixes ("F10" takes F10.10, F10.239...)
 * @param programNpis providers (NPI) that are Part 2 programs: their claims and encounters are Part 2 records
 * @param programOrganizations organizations that are Part 2 programs, as references ("Organization/12") or
 *     identifiers ("system|value")
 * @param claimSignals what shows a Medicaid claim to be a substance-use program's, whoever billed it
 */
@ConfigurationProperties("adapter.part2")
public record Part2Properties(
    @DefaultValue({"http://hl7.org/fhir/sid/icd-10-cm", "http://hl7.org/fhir/sid/icd-10"}) List<String> diagnosisSystems,
    @DefaultValue List<String> diagnosisPrefixes,
    @DefaultValue List<String> programNpis,
    @DefaultValue List<String> programOrganizations,
    @DefaultValue ClaimSignals claimSignals) {

  /**
   * Substance-use program services as claims show them, on any line (read by the claims evidence rules).
   *
   * @param procedureCodes  HCPCS/CPT codes ({@code H0005})
   * @param modifiers       procedure modifiers ({@code HF})
   * @param revenueCodes    NUBC revenue codes, four digits ({@code 1002})
   * @param placesOfService two digits ({@code 57})
   */
  public record ClaimSignals(
      @DefaultValue List<String> procedureCodes,
      @DefaultValue List<String> modifiers,
      @DefaultValue List<String> revenueCodes,
      @DefaultValue List<String> placesOfService) {}
}
