package org.casemgmt.adapter.claims;

import java.util.Date;
import java.util.List;
import org.casemgmt.adapter.claims.evidence.ClaimDiagnosis;
import org.casemgmt.adapter.claims.evidence.ClaimEpisode;
import org.casemgmt.adapter.claims.evidence.ClaimEpisodeKind;
import org.casemgmt.adapter.claims.evidence.ClaimProvider;
import org.casemgmt.adapter.claims.evidence.EpisodeProviders;
import org.casemgmt.adapter.security.Part2Labels;
import org.casemgmt.profiles.ImplementationGuide;
import org.casemgmt.routes.clientrecord.EncounterKind;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.PositiveIntType;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * The FHIR form of claims evidence on the client record: an Encounter per psychiatric episode or outpatient
 * mental-health visit, a Condition per diagnosis seen on claims, and Provenance naming the claims and files each came
 * from. Each carries an identifier made of the member and the evidence's key, so re-derivation finds and updates it
 * rather than adding another.
 */
final class EvidenceResources {
  static final String EPISODE_SYSTEM = ImplementationGuide.CANONICAL + "/sid/claims-episode";
  static final String DIAGNOSIS_SYSTEM = ImplementationGuide.CANONICAL + "/sid/claims-diagnosis";
  static final String CLAIM_SYSTEM = ImplementationGuide.CANONICAL + "/sid/medicaid-claim";
  static final String FILE_SYSTEM = ImplementationGuide.CANONICAL + "/sid/claim-file";
  private static final String CASE_MANAGEMENT = ImplementationGuide.CANONICAL + "/CodeSystem/case-management";
  private static final String PROFILE = ImplementationGuide.CANONICAL + "/StructureDefinition/";
  private static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
  private static final String ICD_10_CM = "http://hl7.org/fhir/sid/icd-10-cm";
  private static final String NPI = "http://hl7.org/fhir/sid/us-npi";
  private static final String PARTICIPATION_TYPE = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";

  private EvidenceResources() {
  }

  /** The key of an episode among its member's evidence: kind and first day (an adjustment moving it is a new one). */
  static String key(ClaimEpisode episode) {
    return episode.kind() + "|" + episode.start();
  }

  static String key(ClaimDiagnosis diagnosis) {
    return "DX|" + diagnosis.system() + "|" + diagnosis.code();
  }

  static Encounter encounter(String memberId, String client, ClaimEpisode episode) {
    Encounter encounter = new Encounter();
    encounter.addIdentifier(new Identifier().setSystem(EPISODE_SYSTEM).setValue(memberId + "|" + key(episode)));
    encounter.setStatus(Encounter.EncounterStatus.FINISHED);
    // Ambulatory (AMB) is what follow-up measures read an outpatient visit by; hospital contacts keep the
    // hospitalization profile, whose classes are inpatient and emergency only.
    String actClass = switch (episode.kind()) {
      case INPATIENT -> "IMP";
      case EMERGENCY -> "EMER";
      case CRISIS, MENTAL_HEALTH_OUTPATIENT -> "AMB";
    };
    encounter.setClass_(new Coding(ACT_CODE, actClass, null));
    // Code only, no display: the evidence digests on record were taken of it so.
    encounter.addType(new CodeableConcept(new Coding(EncounterKind.SYSTEM, episode.kind().code(), null)));
    if (episode.kind() == ClaimEpisodeKind.INPATIENT || episode.kind() == ClaimEpisodeKind.EMERGENCY) {
      encounter.getMeta().addProfile(PROFILE + "hospitalization");
    }
    encounter.setSubject(new Reference(client));
    encounter.getPeriod().setStartElement(new DateTimeType(episode.start().toString()))
        .setEndElement(new DateTimeType(episode.end().toString()));
    if (episode.principalDiagnosis() != null) {
      encounter.addReasonCode(new CodeableConcept(new Coding(ICD_10_CM, episode.principalDiagnosis(), null)));
    }
    providers(encounter, episode.providers());
    if (episode.denied()) {
      encounter.getMeta().addTag(CASE_MANAGEMENT, "denied-claims", "From denied claims only");
    }
    if (episode.substanceUseProgram()) {
      // A substance-use program's service shows on the claim (HF, an SUD facility...), not on the Encounter, so the
      // storage labeller could not tell; the label is given here and the labeller keeps it.
      Part2Labels.label(encounter);
    }
    return encounter;
  }

  /**
   * The providers of the episode's claims, by NPI (claims do not say whether a provider is a person or an
   * organization, so the references are identifiers only). R4 gives an Encounter one service provider: the billing
   * provider of the claim that speaks for the episode. Every other one is a participant, typed by its part: attending
   * (ATND), rendering (PPRF), or the billing provider of another of the episode's claims (PART). All of them are
   * on the Encounter because the Part 2 labeller reads them there: a program among them makes it a Part 2 record.
   */
  private static void providers(Encounter encounter, EpisodeProviders providers) {
    if (providers.billingNpi() != null) {
      encounter.setServiceProvider(npi(providers.billingNpi()));
    }
    for (ClaimProvider provider : providers.others()) {
      String type = switch (provider.role()) {
        case ATTENDING -> "ATND";
        case RENDERING -> "PPRF";
        case BILLING -> "PART";
      };
      encounter.addParticipant().setIndividual(npi(provider.npi()))
          .addType(new CodeableConcept(new Coding(PARTICIPATION_TYPE, type, null)));
    }
  }

  private static Reference npi(String npi) {
    return new Reference().setIdentifier(new Identifier().setSystem(NPI).setValue(npi));
  }

  static Condition condition(String memberId, String client, ClaimDiagnosis diagnosis) {
    Condition condition = new Condition();
    condition.addIdentifier(new Identifier().setSystem(DIAGNOSIS_SYSTEM).setValue(memberId + "|" + key(diagnosis)));
    if (ICD_10_CM.equals(diagnosis.system())) {
      condition.getMeta().addProfile(PROFILE + "diagnosis");
    }
    condition.addCategory(new CodeableConcept(new Coding(
        "http://terminology.hl7.org/CodeSystem/condition-category", "encounter-diagnosis", null)));
    condition.setCode(new CodeableConcept(new Coding(diagnosis.system(), diagnosis.code(), null)));
    condition.setSubject(new Reference(client));
    // Claims say when a diagnosis was billed, not when it began: recorded, not onset.
    condition.setRecordedDateElement(new DateTimeType(diagnosis.firstService().toString()));
    Extension summary = condition.addExtension().setUrl(PROFILE + "claims-summary");
    summary.addExtension("first-service", new DateType(diagnosis.firstService().toString()));
    summary.addExtension("last-service", new DateType(diagnosis.lastService().toString()));
    summary.addExtension("claim-count", new PositiveIntType(diagnosis.claimCount()));
    if (diagnosis.deniedOnly()) {
      condition.getMeta().addTag(CASE_MANAGEMENT, "denied-claims", "From denied claims only");
    }
    return condition;
  }

  /** Evidence the claims in force no longer support: kept, marked as never having been true, not deleted. */
  static Resource retracted(Resource stored) {
    if (stored instanceof Encounter encounter) {
      encounter.setStatus(Encounter.EncounterStatus.ENTEREDINERROR);
    } else if (stored instanceof Condition condition) {
      condition.setClinicalStatus(null);
      condition.setVerificationStatus(new CodeableConcept(new Coding(
          "http://terminology.hl7.org/CodeSystem/condition-ver-status", "entered-in-error", null)));
    }
    return stored;
  }

  /** Where a piece of evidence came from: the claims (by claim id) and the files they were last sent in. */
  static Provenance provenance(Date recorded, String activity, List<String> claimIds, List<String> files) {
    Provenance provenance = new Provenance();
    provenance.setRecorded(recorded);
    provenance.setActivity(new CodeableConcept(new Coding(
        "http://terminology.hl7.org/CodeSystem/v3-DataOperation", activity, null)));
    provenance.addAgent().setType(new CodeableConcept(new Coding(
            "http://terminology.hl7.org/CodeSystem/provenance-participant-type", "assembler", null)))
        .setWho(new Reference().setDisplay("Claims feed of the case-management adapter"));
    claimIds.forEach(claimId -> provenance.addEntity().setRole(Provenance.ProvenanceEntityRole.SOURCE)
        .setWhat(new Reference().setIdentifier(new Identifier().setSystem(CLAIM_SYSTEM).setValue(claimId))
            .setDisplay("Medicaid claim " + claimId)));
    files.forEach(file -> provenance.addEntity().setRole(Provenance.ProvenanceEntityRole.SOURCE)
        .setWhat(new Reference().setIdentifier(new Identifier().setSystem(FILE_SYSTEM).setValue(file))
            .setDisplay("claim file " + file)));
    return provenance;
  }
}
