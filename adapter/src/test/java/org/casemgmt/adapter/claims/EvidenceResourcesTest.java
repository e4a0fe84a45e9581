package org.casemgmt.adapter.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import ca.uhn.fhir.context.FhirContext;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.casemgmt.adapter.claims.evidence.ClaimDiagnosis;
import org.casemgmt.adapter.claims.evidence.ClaimEpisode;
import org.casemgmt.adapter.claims.evidence.ClaimEpisodeKind;
import org.casemgmt.adapter.claims.evidence.ClaimProvider;
import org.casemgmt.adapter.claims.evidence.EpisodeProviders;
import org.casemgmt.adapter.eligibility.evidence.EpisodeKind;
import org.casemgmt.profiles.ImplementationGuide;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * What the claims feed writes on the client record conforms to the guide's profiles it claims, in every shape it
 * builds: the service trusts this and does not validate these resources again on each write (see
 * {@code ProfileEnforcement.BUILT_TO_PROFILE}).
 */
class EvidenceResourcesTest {
  private static final ImplementationGuide GUIDE = new ImplementationGuide(FhirContext.forR4Cached());

  /** A hospital (billing), its attending physician, a psychiatrist (rendering) and the psychiatrist's group. */
  private static final EpisodeProviders PROVIDERS = new EpisodeProviders("1234567893", List.of(
      new ClaimProvider("1987100015", ClaimProvider.Role.RENDERING),
      new ClaimProvider("1245319599", ClaimProvider.Role.ATTENDING),
      new ClaimProvider("1987000215", ClaimProvider.Role.BILLING)));

  @ParameterizedTest
  @EnumSource(ClaimEpisodeKind.class)
  void episodesConform(ClaimEpisodeKind kind) {
    ClaimEpisode episode = new ClaimEpisode(kind, LocalDate.of(2025, 3, 2), LocalDate.of(2025, 3, 10), true,
        "F20.9", List.of("C2", "C1"), EpisodeProviders.NONE, false);
    assertConforms(EvidenceResources.encounter("MCD1", "Patient/1", episode));
  }

  @ParameterizedTest
  @EnumSource(ClaimEpisodeKind.class)
  void episodesWithProvidersAndPart2LabelsConform(ClaimEpisodeKind kind) {
    ClaimEpisode episode = new ClaimEpisode(kind, LocalDate.of(2025, 3, 2), LocalDate.of(2025, 3, 10), false,
        "F20.9", List.of("C1"), PROVIDERS, true);
    assertConforms(EvidenceResources.encounter("MCD1", "Patient/1", episode));
  }

  @Test
  void anEpisodeNamesItsBillingProviderAsServiceProviderAndTheOthersAsParticipantsByNpi() {
    Encounter stay = EvidenceResources.encounter("MCD1", "Patient/1", new ClaimEpisode(ClaimEpisodeKind.INPATIENT,
        LocalDate.of(2025, 3, 2), LocalDate.of(2025, 3, 10), false, "F20.9", List.of("C1"), PROVIDERS, false));

    assertThat(stay.getServiceProvider().getIdentifier().getSystem()).isEqualTo("http://hl7.org/fhir/sid/us-npi");
    assertThat(stay.getServiceProvider().getIdentifier().getValue()).isEqualTo("1234567893");
    assertThat(stay.getServiceProvider().hasReference()).isFalse();
    assertThat(stay.getParticipant()).extracting(
            participant -> participant.getTypeFirstRep().getCodingFirstRep().getCode(),
            participant -> participant.getIndividual().getIdentifier().getSystem()
                + "|" + participant.getIndividual().getIdentifier().getValue())
        .containsExactly(
            tuple("PART", "http://hl7.org/fhir/sid/us-npi|1987000215"),
            tuple("ATND", "http://hl7.org/fhir/sid/us-npi|1245319599"),
            tuple("PPRF", "http://hl7.org/fhir/sid/us-npi|1987100015"));
    assertThat(stay.getMeta().getSecurity()).isEmpty();
  }

  /** Follow-up measures read outpatient visits by class; eligibility must not read them as an episode kind. */
  @Test
  void anOutpatientVisitIsAmbulatoryOfItsOwnKindAndNoHospitalization() {
    Encounter visit = EvidenceResources.encounter("MCD1", "Patient/1", new ClaimEpisode(
        ClaimEpisodeKind.MENTAL_HEALTH_OUTPATIENT, LocalDate.of(2025, 3, 2), LocalDate.of(2025, 3, 2), false, "F20.9",
        List.of("C1"), EpisodeProviders.NONE, false));

    assertThat(visit.getClass_().getSystem()).isEqualTo("http://terminology.hl7.org/CodeSystem/v3-ActCode");
    assertThat(visit.getClass_().getCode()).isEqualTo("AMB");
    assertThat(visit.getTypeFirstRep().getCoding()).extracting(Coding::getSystem, Coding::getCode).containsExactly(
        tuple(ImplementationGuide.CANONICAL + "/CodeSystem/encounter-kind", "mental-health-outpatient"));
    assertThat(visit.getMeta().getProfile()).isEmpty();
    assertThat(visit.getIdentifierFirstRep().getValue()).isEqualTo("MCD1|MENTAL_HEALTH_OUTPATIENT|2025-03-02");
    assertThat(Arrays.stream(EpisodeKind.values()).map(EpisodeKind::code)).doesNotContain("mental-health-outpatient");
  }

  @Test
  void anEpisodeWithNoProviderNamesNone() {
    Encounter visit = EvidenceResources.encounter("MCD1", "Patient/1", new ClaimEpisode(ClaimEpisodeKind.CRISIS,
        LocalDate.of(2025, 3, 2), LocalDate.of(2025, 3, 2), false, null, List.of("C1"), EpisodeProviders.NONE,
        false));

    assertThat(visit.hasServiceProvider()).isFalse();
    assertThat(visit.hasParticipant()).isFalse();
  }

  @Test
  void anEpisodeOfASubstanceUseProgramsClaimIsBuiltWithThePart2Labels() {
    Encounter crisis = EvidenceResources.encounter("MCD1", "Patient/1", new ClaimEpisode(ClaimEpisodeKind.CRISIS,
        LocalDate.of(2025, 3, 2), LocalDate.of(2025, 3, 2), false, "F31.9", List.of("C1"), EpisodeProviders.NONE,
        true));

    assertThat(crisis.getMeta().getSecurity()).extracting(Coding::getSystem, Coding::getCode).containsExactly(
        tuple("http://terminology.hl7.org/CodeSystem/v3-Confidentiality", "R"),
        tuple("http://terminology.hl7.org/CodeSystem/v3-ActCode", "ETH"),
        tuple("http://terminology.hl7.org/CodeSystem/v3-ActCode", "42CFRPart2"));
  }

  @Test
  void diagnosesConformAndOnlyIcd10ClaimsTheDiagnosisProfile() {
    ClaimDiagnosis icd10 = new ClaimDiagnosis("F31.9", "http://hl7.org/fhir/sid/icd-10-cm", LocalDate.of(2024, 1, 2),
        LocalDate.of(2025, 6, 30), 3, false, List.of("C1", "C2", "C3"));
    ClaimDiagnosis icd9 = new ClaimDiagnosis("296.7", "http://hl7.org/fhir/sid/icd-9-cm", LocalDate.of(2014, 1, 2),
        LocalDate.of(2014, 1, 2), 1, true, List.of("C9"));
    assertConforms(EvidenceResources.condition("MCD1", "Patient/1", icd10));
    assertConforms(EvidenceResources.condition("MCD1", "Patient/1", icd9));
    assertThat(EvidenceResources.condition("MCD1", "Patient/1", icd10).getMeta().getProfile()).hasSize(1);
    assertThat(EvidenceResources.condition("MCD1", "Patient/1", icd9).getMeta().getProfile()).isEmpty();
  }

  @Test
  void retractedEvidenceStillConforms() {
    ClaimDiagnosis diagnosis = new ClaimDiagnosis("F20.9", "http://hl7.org/fhir/sid/icd-10-cm",
        LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 2), 1, false, List.of("C1"));
    assertConforms(EvidenceResources.retracted(EvidenceResources.condition("MCD1", "Patient/1", diagnosis)));
  }

  private static void assertConforms(Resource resource) {
    assertThat(GUIDE.errors(resource)).as(resource.fhirType()).isEmpty();
  }
}
