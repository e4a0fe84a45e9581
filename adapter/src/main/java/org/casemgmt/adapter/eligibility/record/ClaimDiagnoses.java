package org.casemgmt.adapter.eligibility.record;

import java.util.List;
import java.util.Map;

/**
 * The diagnoses billed on Medicaid members' claims in force: what eligibility needs of the claims feed, said here and
 * answered there. Confirming a diagnosis counts claims and service days by setting and denial, which the feed's
 * summary Conditions cannot tell apart, so eligibility asks for one row per claim and code. Which bills are inpatient
 * and whether denied claims count at all are the claims policy's to decide ({@code config/claims-evidence.yml}), and
 * its staging tables are the feed's own: eligibility reads neither.
 */
public interface ClaimDiagnoses {

  /**
   * The ICD-10-CM codes the members' claims in force give as principal or other diagnoses, by member id; members
   * without any are absent, and so are claims with no date of service. Admitting diagnoses and reasons for visit
   * are left out (they are what brought the person in, before anyone diagnosed them), as are external causes (not
   * diagnoses of the person). One call for many members: a population run reads a chunk of clients at a time.
   */
  Map<String, List<BilledDiagnosis>> byMember(List<String> memberIds);
}
