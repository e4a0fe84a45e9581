package org.casemgmt.adapter.eligibility.determination;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.casemgmt.adapter.eligibility.Determination;
import org.casemgmt.adapter.eligibility.EvidenceUsed;
import org.casemgmt.adapter.eligibility.program.ProgramDefinition;
import org.casemgmt.adapter.eligibility.record.ClaimReference;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;

/**
 * Where a determination came from: every record a criterion was judged on (R4's derivedFrom cannot point at an
 * Encounter, a Condition or Coverage, and claims are not FHIR resources here, so a Provenance names them all), and
 * the program rules that judged them. Its targets (the determination and its impairment evidence) are added by
 * {@link org.casemgmt.adapter.identity.ClientRecordChanges#withProvenance}.
 */
final class DeterminationProvenance {

  private DeterminationProvenance() {
  }

  static Provenance of(ProgramDefinition program, Determination determination, Date recorded) {
    Provenance provenance = new Provenance();
    provenance.setRecorded(recorded);
    // Text only: v3-DataOperation would have to say CREATE or UPDATE, which only the store knows (the first
    // evaluation creates the determination, later ones add versions).
    provenance.setActivity(new CodeableConcept()
        .setText("eligibility evaluated under the " + program.id() + " rules, version " + program.version()));
    provenance.addAgent().setType(new CodeableConcept(new Coding(
            "http://terminology.hl7.org/CodeSystem/provenance-participant-type", "assembler", null)))
        .setWho(new Reference().setDisplay("Eligibility engine of the case-management adapter"));
    // One entity per record, described by the first fact a criterion read from it.
    Map<String, EvidenceUsed> byReference = new LinkedHashMap<>();
    determination.evidence().forEach(used -> byReference.putIfAbsent(used.reference(), used));
    byReference.values().forEach(used -> provenance.addEntity().setRole(Provenance.ProvenanceEntityRole.SOURCE)
        .setWhat(what(used)));
    return provenance;
  }

  private static Reference what(EvidenceUsed used) {
    String display = used.fact() + (used.date() == null ? "" : " (" + used.date() + ")");
    return ClaimReference.claimId(used.reference())
        .map(claimId -> new Reference().setIdentifier(new Identifier().setSystem(ClaimReference.SYSTEM)
            .setValue(claimId)).setDisplay("Medicaid claim " + claimId + ": " + display))
        .orElseGet(() -> new Reference(used.reference()).setDisplay(display));
  }
}
