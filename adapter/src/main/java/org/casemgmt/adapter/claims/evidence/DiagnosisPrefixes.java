package org.casemgmt.adapter.claims.evidence;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.casemgmt.routes.claims.Diagnosis;

/**
 * A set of diagnoses given as code prefixes per code system. Prefixes, because ICD header codes are not billable
 * and a category or block ({@code F2}, {@code F31}, {@code Z59.0}) is what policies name (REFERENCE 1.1). A code
 * system with no prefixes matches nothing: ICD-9-CM codes are not ICD-10-CM codes with other text.
 *
 * @param bySystem prefixes in the form claims carry codes (upper case, with the dot after the category)
 */
public record DiagnosisPrefixes(Map<Diagnosis.CodeSystem, Set<String>> bySystem) {

  public DiagnosisPrefixes {
    EnumMap<Diagnosis.CodeSystem, Set<String>> copy = new EnumMap<>(Diagnosis.CodeSystem.class);
    bySystem.forEach((system, prefixes) -> copy.put(system, Set.copyOf(prefixes)));
    bySystem = Collections.unmodifiableMap(copy);
  }

  public boolean matches(Diagnosis diagnosis) {
    return bySystem.getOrDefault(diagnosis.system(), Set.of()).stream().anyMatch(diagnosis.code()::startsWith);
  }

  /** How many prefixes in all code systems. */
  public int size() {
    return bySystem.values().stream().mapToInt(Set::size).sum();
  }
}
