package org.casemgmt.adapter.claims.evidence;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code config/claims-evidence.yml} as bound: where each code list comes from, the diagnosis prefixes and the
 * numbers. A misspelt key stops start-up (ignoreUnknownFields = false) instead of silently leaving a default in force;
 * everything else is checked by {@link ClaimEvidencePolicyLoader}.
 *
 * @param codeLists                    by code-list key ({@code inpatient-bill-types}...): value set and code system
 * @param psychiatricDiagnoses         by code system key ({@code icd-10-cm}, {@code icd-9-cm}): code prefixes
 * @param recordedDiagnoses            the same shape
 * @param transferGapDays              see {@link ClaimEvidencePolicy#transferGapDays()}
 * @param emergencyBeforeAdmissionDays see {@link ClaimEvidencePolicy#emergencyBeforeAdmissionDays()}
 * @param deniedClaims                 {@code mark} or {@code ignore}
 */
@ConfigurationProperties(prefix = "adapter.claims.evidence", ignoreUnknownFields = false)
record ClaimEvidenceProperties(
    Map<String, CodeListSource> codeLists,
    Map<String, List<String>> psychiatricDiagnoses,
    Map<String, List<String>> recordedDiagnoses,
    @DefaultValue("1") int transferGapDays,
    @DefaultValue("1") int emergencyBeforeAdmissionDays,
    @DefaultValue("mark") DeniedClaims deniedClaims) {

  /**
   * Where one code list comes from: the codes a value set of the guide lists for one code system.
   *
   * @param valueSet canonical URL of the value set
   * @param system   code system URL, as in the value set's compose.include
   */
  record CodeListSource(String valueSet, String system) {}
}
