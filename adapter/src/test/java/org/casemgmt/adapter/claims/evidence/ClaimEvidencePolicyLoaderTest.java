package org.casemgmt.adapter.claims.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.casemgmt.adapter.claims.evidence.ClaimEvidenceProperties.CodeListSource;
import org.casemgmt.profiles.ImplementationGuide;
import org.casemgmt.routes.claims.Diagnosis;
import org.hl7.fhir.r4.model.ValueSet;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The shipped policy reads what the guide lists, and a policy that cannot work stops start-up with every reason. */
class ClaimEvidencePolicyLoaderTest {
  private static final String SIGNALS = ImplementationGuide.CANONICAL + "/ValueSet/psychiatric-inpatient-signals";
  private static final String CRISIS = ImplementationGuide.CANONICAL + "/ValueSet/crisis-services";
  private static final String HCPCS = "https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets";

  @Test
  void theShippedPolicyHoldsTheGuidesCodeLists() {
    ClaimEvidencePolicy policy = ClaimEvidenceFixtures.shippedPolicy();

    assertThat(policy.inpatientBillTypes()).containsExactly("0111", "0112", "0113", "0114", "0117", "0118");
    assertThat(policy.psychiatricRoomAndBoard()).containsExactly("0114", "0124", "0134", "0154");
    assertThat(policy.psychiatricDrgs())
        .containsExactly("876", "880", "881", "882", "883", "884", "885", "886", "887");
    assertThat(policy.inpatientPlacesOfService()).containsExactly("21", "51");
    assertThat(policy.emergencyRevenueCodes())
        .containsExactly("0450", "0451", "0452", "0453", "0454", "0455", "0456", "0457", "0458", "0459");
    assertThat(policy.emergencyPlacesOfService()).containsExactly("23");
    assertThat(policy.crisisProcedures()).containsExactly("H2011", "S9484", "S9485");
    // CPT and HCPCS from one value set, as one list: claims carry procedure codes without their code system.
    assertThat(policy.outpatientMentalHealthProcedures()).hasSize(31).contains("90791", "90834", "90870", "99496",
        "H0031", "H2020", "T1016").doesNotContain("H2011", "99213");
    assertThat(policy.outpatientMentalHealthPlacesOfService()).containsExactly("52", "53");
    assertThat(policy.psychiatricDiagnoses().bySystem()).containsOnlyKeys(Diagnosis.CodeSystem.ICD_10_CM);
    assertThat(policy.recordedDiagnoses().bySystem().get(Diagnosis.CodeSystem.ICD_9_CM))
        .containsExactlyInAnyOrder("29", "30", "31", "V60", "V62");
    assertThat(policy.transferGapDays()).isEqualTo(1);
    assertThat(policy.emergencyBeforeAdmissionDays()).isEqualTo(1);
    assertThat(policy.deniedClaims()).isEqualTo(DeniedClaims.MARK);
    assertThat(policy.summary()).isEqualTo("inpatient bill types 6, psychiatric room-and-board revenue codes 4,"
        + " psychiatric DRGs 9, inpatient places of service 2, emergency revenue codes 10,"
        + " emergency places of service 1, crisis procedures 3, outpatient mental-health procedures 31,"
        + " outpatient mental-health places of service 2, psychiatric diagnosis prefixes 11,"
        + " recorded diagnosis prefixes 17, transfer gap 1 d, emergency before admission 1 d, denied claims mark");
  }

  @Test
  void aValueSetTheGuideLacksStopsStartUp() {
    ClaimEvidenceProperties properties = withCodeList(shipped(), "crisis-procedures",
        new CodeListSource(ImplementationGuide.CANONICAL + "/ValueSet/crisis-service", HCPCS));

    assertThatThrownBy(() -> load(properties)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("adapter.claims.evidence")
        .hasMessageContaining("code-lists.crisis-procedures: value set "
            + ImplementationGuide.CANONICAL + "/ValueSet/crisis-service is not in the implementation guide");
  }

  @Test
  void aCodeSystemTheValueSetDoesNotListStopsStartUp() {
    ClaimEvidenceProperties properties = withCodeList(shipped(), "crisis-procedures",
        new CodeListSource(SIGNALS, HCPCS));

    assertThatThrownBy(() -> load(properties))
        .hasMessageContaining("code-lists.crisis-procedures: value set " + SIGNALS + " lists no codes of system "
            + HCPCS);
  }

  @Test
  void anUnknownOrMissingCodeListStopsStartUp() {
    Map<String, CodeListSource> lists = new LinkedHashMap<>(shipped().codeLists());
    lists.put("crisis-codes", lists.remove("crisis-procedures"));
    ClaimEvidenceProperties properties = new ClaimEvidenceProperties(lists, shipped().psychiatricDiagnoses(),
        shipped().recordedDiagnoses(), 1, 1, DeniedClaims.MARK);

    assertThatThrownBy(() -> load(properties))
        .hasMessageContaining("code-lists.crisis-codes is not a code list the rules read (they read "
            + "inpatient-bill-types, psychiatric-room-and-board, psychiatric-drgs, inpatient-places-of-service, "
            + "emergency-revenue-codes, emergency-places-of-service, crisis-procedures, "
            + "outpatient-mental-health-procedures, community-mental-health-services, "
            + "outpatient-mental-health-places-of-service)")
        .hasMessageContaining("code-lists.crisis-procedures needs value-set and system");
  }

  /** A filter such as "011x" cannot be expanded here; reading only the listed codes would silently miss some. */
  @Test
  void aValueSetThatDoesNotListItsCodesIsRefused() {
    ValueSet filtered = new ValueSet();
    filtered.getCompose().addInclude().setSystem(HCPCS).addFilter().setProperty("concept")
        .setOp(ValueSet.FilterOperator.ISA).setValue("H2011");
    ClaimEvidencePolicyLoader loader = new ClaimEvidencePolicyLoader(url -> url.equals(CRISIS)
        ? Optional.of(filtered) : ClaimEvidenceFixtures.guide().valueSet(url));

    assertThatThrownBy(() -> loader.load(shipped()))
        .hasMessageContaining("code-lists.crisis-procedures: value set " + CRISIS + " does not list its " + HCPCS
            + " codes one by one");
  }

  @Test
  void diagnosisPrefixesOfAnUnknownCodeSystemOrThatCanNeverMatchStopStartUp() {
    ClaimEvidenceProperties properties = new ClaimEvidenceProperties(shipped().codeLists(),
        Map.of("icd-10", List.of("F2")), Map.of("icd-10-cm", List.of("F", "F209", "Z59.0", " z60 ")), 1, 1,
        DeniedClaims.MARK);

    assertThatThrownBy(() -> load(properties))
        .hasMessageContaining("psychiatric-diagnoses.icd-10 is not a code system (icd-10-cm, icd-9-cm)")
        .hasMessageContaining("recorded-diagnoses.icd-10-cm: 'F209' can never match a code as claims carry it")
        .message().doesNotContain("'F'").doesNotContain("Z59.0").doesNotContain("z60");
  }

  @Test
  void prefixesAreReadInTheFormClaimsCarry() {
    ClaimEvidenceProperties properties = new ClaimEvidenceProperties(shipped().codeLists(),
        Map.of("icd-10-cm", List.of(" f32.2 ")), Map.of("icd-9-cm", List.of("E950", "295.3")), 1, 1,
        DeniedClaims.MARK);

    ClaimEvidencePolicy policy = load(properties);

    assertThat(policy.psychiatricDiagnoses().bySystem()).containsEntry(Diagnosis.CodeSystem.ICD_10_CM,
        Set.of("F32.2"));
    assertThat(policy.recordedDiagnoses().bySystem()).containsEntry(Diagnosis.CodeSystem.ICD_9_CM,
        Set.of("E950", "295.3"));
  }

  @Test
  void everyProblemIsListedAtOnce() {
    ClaimEvidenceProperties properties = new ClaimEvidenceProperties(null, null, Map.of(), -1, -2,
        DeniedClaims.MARK);

    assertThatThrownBy(() -> load(properties)).message()
        .contains("code-lists.inpatient-bill-types needs value-set and system")
        .contains("code-lists.crisis-procedures needs value-set and system")
        .contains("psychiatric-diagnoses names no code system and prefixes")
        .contains("recorded-diagnoses names no code system and prefixes")
        .contains("transfer-gap-days cannot be negative")
        .contains("emergency-before-admission-days cannot be negative");
  }

  @Configuration
  @EnableConfigurationProperties(ClaimEvidenceProperties.class)
  static class Binding {}

  /** The binding start-up uses: what is left out takes its default, an unknown key or value stops it. */
  @Test
  void configurationKeysAreCheckedWhenBound() {
    ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Binding.class);

    runner.run(context -> assertThat(context.getBean(ClaimEvidenceProperties.class))
        .extracting(ClaimEvidenceProperties::transferGapDays, ClaimEvidenceProperties::emergencyBeforeAdmissionDays,
            ClaimEvidenceProperties::deniedClaims)
        .containsExactly(1, 1, DeniedClaims.MARK));
    runner.withPropertyValues("adapter.claims.evidence.denied-claims=ignore", "adapter.claims.evidence.code-lists"
            + ".crisis-procedures.value-set=" + CRISIS, "adapter.claims.evidence.recorded-diagnoses.icd-10-cm=F,Z59")
        .run(context -> {
          ClaimEvidenceProperties properties = context.getBean(ClaimEvidenceProperties.class);
          assertThat(properties.deniedClaims()).isEqualTo(DeniedClaims.IGNORE);
          assertThat(properties.codeLists().get("crisis-procedures").valueSet()).isEqualTo(CRISIS);
          assertThat(properties.recordedDiagnoses()).containsEntry("icd-10-cm", List.of("F", "Z59"));
        });
    runner.withPropertyValues("adapter.claims.evidence.transfer-gap-day=2")
        .run(context -> assertThat(context).getFailure().hasStackTraceContaining(
            "adapter.claims.evidence.transfer-gap-day"));
    runner.withPropertyValues("adapter.claims.evidence.code-lists.crisis-procedures.value-set=" + CRISIS,
            "adapter.claims.evidence.code-lists.crisis-procedures.code-system=" + HCPCS)
        .run(context -> assertThat(context).getFailure().hasStackTraceContaining(
            "adapter.claims.evidence.code-lists.crisis-procedures.code-system"));
    runner.withPropertyValues("adapter.claims.evidence.denied-claims=count")
        .run(context -> assertThat(context).getFailure().hasStackTraceContaining(
            "adapter.claims.evidence.denied-claims"));
  }

  private static ClaimEvidenceProperties shipped() {
    return ClaimEvidenceFixtures.bind(ClaimEvidenceFixtures.CONFIG);
  }

  private static ClaimEvidenceProperties withCodeList(ClaimEvidenceProperties properties, String key,
      CodeListSource source) {
    Map<String, CodeListSource> lists = new LinkedHashMap<>(properties.codeLists());
    lists.put(key, source);
    return new ClaimEvidenceProperties(lists, properties.psychiatricDiagnoses(), properties.recordedDiagnoses(),
        properties.transferGapDays(), properties.emergencyBeforeAdmissionDays(), properties.deniedClaims());
  }

  private static ClaimEvidencePolicy load(ClaimEvidenceProperties properties) {
    return new ClaimEvidencePolicyLoader(ClaimEvidenceFixtures.guide()::valueSet).load(properties);
  }
}
