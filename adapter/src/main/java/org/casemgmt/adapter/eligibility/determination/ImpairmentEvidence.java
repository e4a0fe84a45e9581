package org.casemgmt.adapter.eligibility.determination;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.casemgmt.adapter.eligibility.CriterionResult;
import org.casemgmt.adapter.eligibility.Determination;
import org.casemgmt.adapter.eligibility.EvidenceUsed;
import org.casemgmt.adapter.eligibility.Judgement;
import org.casemgmt.adapter.eligibility.Lookback;
import org.casemgmt.profiles.ImplementationGuide;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Type;

/**
 * The impairment measures a determination judged, each as an impairment-evidence Observation: what was measured
 * (episodes counted, a need recorded or not, the latest score) over which lookback window. One per client, program,
 * measure and window, kept under an identifier so each evaluation adds a version. A measure that could not be
 * judged (no assessment on record) measured nothing and gets none.
 */
final class ImpairmentEvidence {
  static final String SYSTEM = ImplementationGuide.CANONICAL + "/sid/impairment-evidence";
  static final String PROFILE = ImplementationGuide.CANONICAL + "/StructureDefinition/impairment-evidence";
  private static final String US_CORE_CATEGORY = "http://hl7.org/fhir/us/core/CodeSystem/us-core-category";
  private static final String CASE_MANAGEMENT = ImplementationGuide.CANONICAL + "/CodeSystem/case-management";

  private ImpairmentEvidence() {
  }

  /**
   * @param client the Patient reference
   * @param birthDate the start of a whole-history window (a lookback of the client's lifetime); when unknown, such a
   *     window has no start and the profile cannot hold it, so it is left out
   */
  static List<Observation> of(Determination determination, String client, LocalDate birthDate, Date issued) {
    Map<String, Observation> byIdentifier = new LinkedHashMap<>();
    CriterionCodes.all(determination.criteria())
        .filter(judgement -> CriterionCodes.isImpairmentMeasure(judgement.criterion()))
        .forEach(judgement -> {
          Type value = value(judgement);
          LocalDate from = judgement.lookback().from() != null ? judgement.lookback().from() : birthDate;
          if (value == null || from == null || from.isAfter(judgement.lookback().to())) {
            return;
          }
          String identifier = identifier(determination.program(), client, judgement);
          // The same measure over the same window in two places of one program measures the same thing.
          byIdentifier.putIfAbsent(identifier,
              observation(determination, client, judgement, value, from, identifier, issued));
        });
    return new ArrayList<>(byIdentifier.values());
  }

  private static Observation observation(Determination determination, String client, Judgement judgement,
      Type value, LocalDate from, String identifier, Date issued) {
    Observation evidence = new Observation();
    evidence.getMeta().addProfile(PROFILE);
    evidence.addIdentifier().setSystem(SYSTEM).setValue(identifier);
    evidence.setStatus(Observation.ObservationStatus.FINAL);
    evidence.addCategory(new CodeableConcept(new Coding(US_CORE_CATEGORY, "functional-status", null)));
    evidence.addCategory(new CodeableConcept(new Coding(CASE_MANAGEMENT, "impairment-evidence", null)));
    evidence.setCode(new CodeableConcept(new Coding(CriterionCodes.EVIDENCE_KIND, judgement.criterion(), null)));
    evidence.setSubject(new Reference(client));
    evidence.setEffective(new Period().setStartElement(new DateTimeType(from.toString()))
        .setEndElement(new DateTimeType(judgement.lookback().to().toString())));
    evidence.setIssued(issued);
    evidence.setValue(value);
    evidence.getMethod().setText(judgement.criterion() + " as judged by the " + determination.program()
        + " rules, version " + determination.programVersion());
    evidence.addNote().setText(judgement.explanation());
    judgement.evidence().stream().map(EvidenceUsed::reference).distinct()
        .filter(DeterminationObservation::derivableFrom)
        .forEach(reference -> evidence.addDerivedFrom(new Reference(reference)));
    return evidence;
  }

  /** Counts as integers, scores as quantities, a social need as whether it is recorded. */
  private static Type value(Judgement judgement) {
    String criterion = judgement.criterion();
    BigDecimal measured = judgement.value();
    if (CriterionCodes.EPISODE_COUNTS.contains(criterion)) {
      return measured == null ? null : new IntegerType(measured.intValueExact());
    }
    if (CriterionCodes.SCORES.contains(criterion)) {
      return measured == null ? null : new Quantity().setValue(measured).setUnit("score")
          .setSystem("http://unitsofmeasure.org").setCode("{score}");
    }
    return judgement.result() == CriterionResult.UNKNOWN ? null
        : new BooleanType(judgement.result() == CriterionResult.MET);
  }

  /** {@code <program>/<patient id>/<measure>/<window>}, the window as its ISO period or "lifetime". */
  private static String identifier(String program, String client, Judgement judgement) {
    Lookback lookback = judgement.lookback();
    return program + "/" + client.substring(client.indexOf('/') + 1) + "/" + judgement.criterion() + "/"
        + (lookback.length() == null ? "lifetime" : lookback.length().toString());
  }
}
