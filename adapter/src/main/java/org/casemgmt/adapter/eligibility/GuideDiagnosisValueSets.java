package org.casemgmt.adapter.eligibility;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.casemgmt.adapter.eligibility.program.DiagnosisValueSets;
import org.casemgmt.profiles.ImplementationGuide;
import org.hl7.fhir.r4.model.ValueSet;

/**
 * A program's {@code diagnosis.value-set} read from the implementation guide's ValueSets as ICD-10-CM prefixes: an
 * {@code is-a} filter (F20 and everything under it) is its code as a prefix, a listed concept (F32.2) is itself. A
 * value set built any other way (excludes, other filters, other value sets, other code systems) would need a
 * terminology server; it is reported as unavailable, which stops start-up with a message saying to list the codes.
 */
public final class GuideDiagnosisValueSets implements DiagnosisValueSets {
  private static final String ICD_10_CM = "http://hl7.org/fhir/sid/icd-10-cm";

  private final ImplementationGuide guide;

  public GuideDiagnosisValueSets(ImplementationGuide guide) {
    this.guide = guide;
  }

  @Override
  public Optional<Set<String>> prefixes(String canonicalUrl) {
    return guide.valueSet(canonicalUrl).flatMap(GuideDiagnosisValueSets::prefixes);
  }

  private static Optional<Set<String>> prefixes(ValueSet valueSet) {
    ValueSet.ValueSetComposeComponent compose = valueSet.getCompose();
    if (compose.hasExclude() || compose.getInclude().isEmpty()) {
      return Optional.empty();
    }
    Set<String> prefixes = new TreeSet<>();
    for (ValueSet.ConceptSetComponent include : compose.getInclude()) {
      if (!ICD_10_CM.equals(include.getSystem()) || include.hasValueSet()) {
        return Optional.empty();
      }
      for (ValueSet.ConceptSetFilterComponent filter : include.getFilter()) {
        if (!"concept".equals(filter.getProperty()) || filter.getOp() != ValueSet.FilterOperator.ISA) {
          return Optional.empty();
        }
        prefixes.add(filter.getValue());
      }
      include.getConcept().forEach(concept -> prefixes.add(concept.getCode()));
    }
    return Optional.of(prefixes);
  }
}
