package org.casemgmt.adapter.eligibility.determination;

import java.util.Date;
import java.util.List;
import org.casemgmt.adapter.eligibility.Determination;
import org.casemgmt.adapter.eligibility.DeterminationOutcome;
import org.casemgmt.adapter.eligibility.EvidenceUsed;
import org.casemgmt.adapter.eligibility.CriterionResult;
import org.casemgmt.adapter.eligibility.Judgement;
import org.casemgmt.adapter.eligibility.program.ProgramDefinition;
import org.casemgmt.profiles.ImplementationGuide;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;

/**
 * A determination as the guide's eligibility-determination Observation: the outcome as the value, one component per
 * required criterion with its result and explanation, the program and rule version as the method, the evaluation
 * date to the last day it holds as the effective period, and what is missing as notes.
 */
final class DeterminationObservation {
  static final String SYSTEM = ImplementationGuide.CANONICAL + "/sid/eligibility-determination";
  static final String PROFILE = ImplementationGuide.CANONICAL + "/StructureDefinition/eligibility-determination";
  private static final String CASE_MANAGEMENT = ImplementationGuide.CANONICAL + "/CodeSystem/case-management";

  private DeterminationObservation() {
  }

  /** The identifier one client's determinations for one program share: each evaluation is a version of it. */
  static Identifier identifier(String program, String client) {
    return new Identifier().setSystem(SYSTEM).setValue(program + "/" + client.substring(client.indexOf('/') + 1));
  }

  /**
   * @param client the Patient reference
   * @param impairmentEvidence references of the impairment-evidence Observations written with it
   */
  static Observation of(ProgramDefinition program, Determination determination, String client, Date issued,
      List<String> impairmentEvidence) {
    Observation observation = new Observation();
    observation.getMeta().addProfile(PROFILE);
    observation.addIdentifier(identifier(program.id(), client));
    observation.setStatus(Observation.ObservationStatus.FINAL);
    observation.addCategory(new CodeableConcept(new Coding(CASE_MANAGEMENT, "eligibility", null)));
    observation.setCode(new CodeableConcept(new Coding(CASE_MANAGEMENT, "eligibility-determination", null)));
    observation.setSubject(new Reference(client));
    observation.setEffective(new Period()
        .setStartElement(new DateTimeType(determination.evaluationDate().toString()))
        .setEndElement(new DateTimeType(determination.validUntil().toString())));
    observation.setIssued(issued);
    observation.setValue(new CodeableConcept(new Coding(DeterminationOutcome.CODE_SYSTEM,
        determination.outcome().code(), null)).setText(summary(program, determination)));
    observation.getMethod().addCoding(new Coding(ProgramDefinition.PROGRAM_CODE_SYSTEM, program.id(),
        program.title()).setVersion(program.version()));
    determination.missing().forEach(missing -> observation.addNote().setText("Missing: " + missing));
    for (Judgement criterion : determination.criteria()) {
      observation.addComponent().setCode(CriterionCodes.of(criterion)).setValue(new CodeableConcept(
          new Coding(CriterionResult.CODE_SYSTEM, criterion.result().code(), null))
          .setText(criterion.explanation()));
    }
    impairmentEvidence.forEach(reference -> observation.addDerivedFrom(new Reference(reference)));
    determination.evidence().stream().map(EvidenceUsed::reference).distinct()
        .filter(DeterminationObservation::derivableFrom)
        .forEach(reference -> observation.addDerivedFrom(new Reference(reference)));
    return observation;
  }

  /**
   * Whether R4 lets derivedFrom point at the evidence: scores and responses, yes; Encounters, Conditions, Coverage
   * and claims, no (the Provenance names those).
   */
  static boolean derivableFrom(String reference) {
    return reference.startsWith("Observation/") || reference.startsWith("QuestionnaireResponse/");
  }

  /** "Eligible for Claims-driven tailored plan on 2026-03-01, valid until 2026-05-30". */
  private static String summary(ProgramDefinition program, Determination determination) {
    String outcome = switch (determination.outcome()) {
      case ELIGIBLE -> "Eligible for ";
      case NOT_ELIGIBLE -> "Not eligible for ";
      case INSUFFICIENT_INFORMATION -> "Insufficient information to determine eligibility for ";
    };
    return outcome + program.title() + " on " + determination.evaluationDate() + ", valid until "
        + determination.validUntil();
  }
}
