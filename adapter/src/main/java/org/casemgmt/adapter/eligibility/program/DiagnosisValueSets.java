package org.casemgmt.adapter.eligibility.program;

import java.util.Optional;
import java.util.Set;

/**
 * Expands a diagnosis value set named in a program ({@code diagnosis.value-set}) into ICD-10-CM prefixes. The shell
 * provides it from the implementation guide's ValueSets (an is-a filter is a prefix, a listed concept is itself);
 * the engine only ever sees prefixes.
 */
@FunctionalInterface
public interface DiagnosisValueSets {

  /** The prefixes of the value set, or empty when it is not known. */
  Optional<Set<String>> prefixes(String canonicalUrl);
}
