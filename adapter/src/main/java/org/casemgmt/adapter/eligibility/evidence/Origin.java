package org.casemgmt.adapter.eligibility.evidence;

/**
 * Where a fact comes from. Denied claims are kept apart because a denial still shows that a service happened, and
 * whether that counts is the program's choice ({@code count-denied-claims}). Voided and replaced claims never reach
 * the engine: the shell resolves them.
 */
public enum Origin {
  CLINICAL,
  CLAIM,
  DENIED_CLAIM
}
