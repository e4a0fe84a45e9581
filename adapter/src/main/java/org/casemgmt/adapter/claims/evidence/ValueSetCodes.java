package org.casemgmt.adapter.claims.evidence;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.casemgmt.adapter.claims.evidence.ClaimEvidenceProperties.CodeListSource;
import org.hl7.fhir.r4.model.ValueSet;
import org.hl7.fhir.r4.model.ValueSet.ConceptReferenceComponent;
import org.hl7.fhir.r4.model.ValueSet.ConceptSetComponent;

/**
 * A code list read from a value set: the codes it lists for one code system. Only listed concepts can be read that
 * way; a filter (011x) or an included value set would need a terminology server to expand, so they are refused
 * rather than half read.
 */
final class ValueSetCodes {
  private final Function<String, Optional<ValueSet>> valueSets;

  ValueSetCodes(Function<String, Optional<ValueSet>> valueSets) {
    this.valueSets = valueSets;
  }

  /** The codes, or an empty set with the reason added to {@code problems} under {@code key}. */
  Set<String> listed(String key, CodeListSource source, List<String> problems) {
    if (source == null || isBlank(source.valueSet()) || isBlank(source.system())) {
      problems.add(key + " needs value-set and system");
      return Set.of();
    }
    Optional<ValueSet> valueSet = valueSets.apply(source.valueSet());
    if (valueSet.isEmpty()) {
      problems.add(key + ": value set " + source.valueSet() + " is not in the implementation guide");
      return Set.of();
    }
    ValueSet.ValueSetComposeComponent compose = valueSet.get().getCompose();
    List<ConceptSetComponent> includes = compose.getInclude().stream()
        .filter(include -> source.system().equals(include.getSystem())).toList();
    if (includes.stream().anyMatch(include -> include.hasFilter() || include.hasValueSet())
        || compose.getExclude().stream().anyMatch(exclude -> source.system().equals(exclude.getSystem()))) {
      problems.add(key + ": value set " + source.valueSet() + " does not list its " + source.system()
          + " codes one by one (filters, excludes and included value sets cannot be read as a code list)");
      return Set.of();
    }
    Set<String> codes = includes.stream().flatMap(include -> include.getConcept().stream())
        .map(ConceptReferenceComponent::getCode).collect(Collectors.toCollection(TreeSet::new));
    if (codes.isEmpty()) {
      problems.add(key + ": value set " + source.valueSet() + " lists no codes of system " + source.system());
    }
    return codes;
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
