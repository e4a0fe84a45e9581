package org.casemgmt.adapter.eligibility.determination;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;

/**
 * What a determination says, apart from when it was made: the outcome, the rule version, each criterion's result,
 * what is missing, the last day it holds, and the records it was judged on (its Provenance's entities). Two
 * evaluations with the same substance are one determination, so a re-evaluation that finds nothing new leaves the
 * stored version alone instead of adding a version per feed event.
 *
 * <p>The explanations' wording is left out on purpose: it names the lookback window's first day, which moves every
 * day without anything having changed; a different count or a different record shows in the evidence.
 */
record DeterminationSubstance(String outcome, String ruleVersion, List<String> criteria, List<String> missing,
    String validUntil, Set<String> evidence) {

  static DeterminationSubstance of(Observation determination, Provenance provenance) {
    return new DeterminationSubstance(
        determination.getValueCodeableConcept().getCodingFirstRep().getCode(),
        determination.getMethod().getCodingFirstRep().getCode() + "|"
            + determination.getMethod().getCodingFirstRep().getVersion(),
        determination.getComponent().stream().map(component -> component.getCode().getCodingFirstRep().getCode()
            + " " + component.getValueCodeableConcept().getCodingFirstRep().getCode()).toList(),
        determination.getNote().stream().map(Annotation::getText).toList(),
        determination.getEffectivePeriod().getEndElement().getValueAsString(),
        provenance == null ? Set.of() : evidence(provenance));
  }

  private static Set<String> evidence(Provenance provenance) {
    Set<String> records = new TreeSet<>();
    provenance.getEntity().forEach(entity -> records.add(what(entity.getWhat())));
    return records;
  }

  /** A record by reference, a claim by identifier (claims are not FHIR resources here). */
  private static String what(Reference what) {
    return what.hasReference() ? what.getReferenceElement().toUnqualifiedVersionless().getValue()
        : what.getIdentifier().getSystem() + "|" + what.getIdentifier().getValue();
  }
}
