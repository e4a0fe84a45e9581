package org.casemgmt.routes.enrollment;

import java.util.Arrays;
import java.util.Optional;

/**
 * The dates an 834 (005010X220A1) carries, by DTP01 qualifier and loop, and what each does here. The guide lists them;
 * only those that say when this member's coverage or record holds are kept. The others (employment, COBRA, Medicare,
 * schooling) describe an employer's or another payer's coverage and leave the Medicaid coverage alone: they are read
 * and checked no further, so a file is never refused for a date the feed does not use.
 */
enum EnrollmentDate {
  // Member level (loop 2000)
  RECEIVED("050", Level.MEMBER, Use.NOT_KEPT),
  RETIREMENT("286", Level.MEMBER, Use.NOT_KEPT),
  DISABILITY_RETURN_TO_WORK("296", Level.MEMBER, Use.NOT_KEPT),
  DISABILITY_LAST_DAY_WORKED("297", Level.MEMBER, Use.NOT_KEPT),
  ENROLLMENT_SIGNATURE("300", Level.MEMBER, Use.NOT_KEPT),
  COBRA_QUALIFYING_EVENT("301", Level.MEMBER, Use.NOT_KEPT),
  /** From when what the member loop says holds (a new address, say). */
  MAINTENANCE_EFFECTIVE("303", Level.MEMBER, Use.EFFECTIVE),
  EMPLOYMENT_BEGIN("336", Level.MEMBER, Use.NOT_KEPT),
  EMPLOYMENT_END("337", Level.MEMBER, Use.NOT_KEPT),
  MEDICARE_BEGIN("338", Level.MEMBER, Use.NOT_KEPT),
  MEDICARE_END("339", Level.MEMBER, Use.NOT_KEPT),
  COBRA_BEGIN("340", Level.MEMBER, Use.NOT_KEPT),
  COBRA_END("341", Level.MEMBER, Use.NOT_KEPT),
  EDUCATION_BEGIN("350", Level.MEMBER, Use.NOT_KEPT),
  EDUCATION_END("351", Level.MEMBER, Use.NOT_KEPT),
  /** The member's eligibility begins: the begin of a coverage loop that gives none of its own. */
  ELIGIBILITY_BEGIN("356", Level.MEMBER, Use.ELIGIBILITY_BEGIN),
  /** The member's eligibility ends: the end of a termination that gives no benefit end. */
  ELIGIBILITY_END("357", Level.MEMBER, Use.ELIGIBILITY_END),
  ADJUSTED_HIRE("383", Level.MEMBER, Use.NOT_KEPT),
  CREDITED_SERVICE_BEGIN("385", Level.MEMBER, Use.NOT_KEPT),
  CREDITED_SERVICE_END("386", Level.MEMBER, Use.NOT_KEPT),
  PLAN_PARTICIPATION_SUSPENSION("393", Level.MEMBER, Use.NOT_KEPT),
  REHIRE("394", Level.MEMBER, Use.NOT_KEPT),
  /** Kept out: a Medicaid agency's file states the coverage in its coverage loops (348/349), which are kept. */
  MEDICAID_BEGIN("473", Level.MEMBER, Use.NOT_KEPT),
  MEDICAID_END("474", Level.MEMBER, Use.NOT_KEPT),
  // Coverage level (loop 2300)
  COVERAGE_ENROLLMENT_SIGNATURE("300", Level.COVERAGE, Use.NOT_KEPT),
  COVERAGE_MAINTENANCE_EFFECTIVE("303", Level.COVERAGE, Use.NOT_KEPT),
  PREMIUM_PAID_TO_END("343", Level.COVERAGE, Use.NOT_KEPT),
  BENEFIT_BEGIN("348", Level.COVERAGE, Use.BENEFIT_BEGIN),
  BENEFIT_END("349", Level.COVERAGE, Use.BENEFIT_END),
  LAST_PREMIUM_PAID("543", Level.COVERAGE, Use.NOT_KEPT),
  PREVIOUS_PERIOD("695", Level.COVERAGE, Use.NOT_KEPT);

  /** The loop a date belongs to. */
  enum Level { MEMBER, COVERAGE }

  /** What the feed makes of a date. */
  enum Use { EFFECTIVE, ELIGIBILITY_BEGIN, ELIGIBILITY_END, BENEFIT_BEGIN, BENEFIT_END, NOT_KEPT }

  private final String qualifier;
  private final Level level;
  private final Use use;

  EnrollmentDate(String qualifier, Level level, Use use) {
    this.qualifier = qualifier;
    this.level = level;
    this.use = use;
  }

  String qualifier() {
    return qualifier;
  }

  Level level() {
    return level;
  }

  /** What a DTP01 in the given loop is used for; a qualifier the guide does not list there is not kept either. */
  static Use use(String qualifier, Level level) {
    return of(qualifier, level).map(date -> date.use).orElse(Use.NOT_KEPT);
  }

  static Optional<EnrollmentDate> of(String qualifier, Level level) {
    return Arrays.stream(values()).filter(date -> date.level == level && date.qualifier.equals(qualifier.trim()))
        .findFirst();
  }
}
