package org.casemgmt.adapter.enrollment;

import java.util.Map;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The enrollment feed's settings ({@code adapter.enrollment.*}; the policy part in {@code config/enrollment.yml}).
 *
 * @param inbox             the folder 834 files are dropped into
 * @param memberIdQualifier the REF01 qualifier under which the member loop carries the Medicaid member id (0F)
 * @param coverageType      the Coverage.type coding ({@code system|code}) of the enrollment's coverage; it must be
 *                          one that {@code adapter.eligibility.coverage-types.medicaid} lists
 * @param countyCodes       county names by the code a sender writes in N406 (N405 CY), so that residency rules,
 *                          which name counties, read them; a code not listed is kept as sent
 * @param chunkSize         members recorded per transaction: the unit a killed job resumes after
 * @param progressEvery     log progress every this many members
 * @param writers           writers recording a file's members side by side, each its own share of the members
 */
@ConfigurationProperties("adapter.enrollment")
record EnrollmentProperties(String inbox, String memberIdQualifier, String coverageType,
    Map<String, String> countyCodes, int chunkSize, int progressEvery, int writers) {

  EnrollmentProperties {
    memberIdQualifier = Objects.requireNonNullElse(memberIdQualifier, "0F");
    coverageType = Objects.requireNonNullElse(coverageType, "https://nahdo.org/sopt|2");
    countyCodes = Map.copyOf(Objects.requireNonNullElse(countyCodes, Map.of()));
    chunkSize = chunkSize <= 0 ? 100 : chunkSize;
    progressEvery = progressEvery <= 0 ? 10_000 : progressEvery;
    writers = writers <= 0 ? 2 : writers;
  }

  /** The county a residence's N406 names: the name for a listed code, else N406 as sent. */
  String county(String n406) {
    return n406 == null ? null : countyCodes.getOrDefault(n406.trim(), n406.trim());
  }
}
