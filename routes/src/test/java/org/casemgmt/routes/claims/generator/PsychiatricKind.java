package org.casemgmt.routes.claims.generator;

/** The kinds of psychiatric service use the manifest counts (the adapter's EpisodeKind, without state hospitals). */
enum PsychiatricKind {
  /** A psychiatric inpatient stay, however many bills and hospitals it took. */
  INPATIENT,
  /** An emergency-department visit with a psychiatric principal diagnosis that did not turn into an admission. */
  EMERGENCY,
  /** A crisis service: mobile crisis, crisis intervention per hour or per diem, crisis psychotherapy. */
  CRISIS
}
