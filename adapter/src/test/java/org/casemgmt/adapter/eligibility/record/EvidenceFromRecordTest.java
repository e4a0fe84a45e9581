package org.casemgmt.adapter.eligibility.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.casemgmt.adapter.eligibility.evidence.ClientEvidence;
import org.casemgmt.adapter.eligibility.evidence.DiagnosisFact;
import org.casemgmt.adapter.eligibility.evidence.PayerKind;
import org.casemgmt.routes.clientrecord.EncounterKind;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

/** A whole client record as the engine's evidence: each kind of fact from its own source. */
class EvidenceFromRecordTest {
  private static final EvidenceFromRecord MAPPING = new EvidenceFromRecord(new CoverageTypes(
      List.of("https://nahdo.org/sopt|21"), List.of()));

  @Test
  void everyKindOfFactComesFromItsSourceWithItsReference() {
    Patient client = new Patient().setBirthDateElement(new DateType("1986-05-17"));
    client.setId("Patient/1");
    client.addAddress().setState("IL").setDistrict("Sangamon");
    Encounter stay = new Encounter().setStatus(Encounter.EncounterStatus.FINISHED)
        .addType(new CodeableConcept(new Coding(EncounterKind.SYSTEM, "psychiatric-inpatient", null)));
    stay.getPeriod().setStartElement(new DateTimeType("2025-03-02")).setEndElement(new DateTimeType("2025-03-10"));
    stay.setId("Encounter/2");
    Condition diagnosis = new Condition().setCode(new CodeableConcept(new Coding(ConditionDiagnoses.ICD_10_CM,
        "F25.0", null))).setRecordedDateElement(new DateTimeType("2025-03-02"));
    diagnosis.setId("Condition/3");
    Coverage medicaid = new Coverage().setStatus(Coverage.CoverageStatus.ACTIVE)
        .setType(new CodeableConcept(new Coding("https://nahdo.org/sopt", "21", null)));
    medicaid.setId("Coverage/4");
    List<BilledDiagnosis> claims = List.of(
        // an institutional inpatient bill and an outpatient claim the payer denied
        new BilledDiagnosis("IP-1", "F20.9", LocalDate.of(2025, 1, 5), true, false),
        new BilledDiagnosis("OP-2", "F20.9", LocalDate.of(2025, 2, 6), false, true));

    ClientEvidence evidence = MAPPING.evidence(new ClientRecord(client, List.of(stay), List.of(diagnosis),
        List.of(medicaid), List.of(), List.of(), claims));

    assertThat(evidence.birthDate()).hasToString("1986-05-17");
    assertThat(evidence.episodes()).extracting(episode -> episode.kind() + " " + episode.reference())
        .containsExactly("INPATIENT Encounter/2");
    assertThat(evidence.diagnoses()).extracting(DiagnosisEvidence::describe).containsExactly(
        "F25.0 CLINICIAN_CONDITION 2025-03-02 Condition/3",
        "F20.9 INPATIENT_CLAIM 2025-01-05 https://fhir.casemgmt-adapter.org/sid/medicaid-claim|IP-1",
        "F20.9 OUTPATIENT_CLAIM 2025-02-06 denied https://fhir.casemgmt-adapter.org/sid/medicaid-claim|OP-2");
    assertThat(evidence.coverage()).extracting(span -> span.payer() + " " + span.reference())
        .containsExactly(PayerKind.MEDICAID + " Coverage/4");
    assertThat(evidence.addresses()).extracting(address -> address.county() + " " + address.reference())
        .containsExactly("Sangamon Patient/1");
    assertThat(evidence.scores()).isEmpty();
    assertThat(evidence.screeningAnswers()).isEmpty();
  }

  @Test
  void aBirthYearAloneIsNoBirthDate() {
    Patient client = new Patient().setBirthDateElement(new DateType("1986"));
    client.setId("Patient/1");

    ClientEvidence evidence = MAPPING.evidence(new ClientRecord(client, List.of(), List.of(), List.of(), List.of(),
        List.of(), List.of()));

    assertThat(evidence.birthDate()).isNull();
  }

  @Test
  void claimReferencesNameTheClaimAndGiveItsIdBack() {
    String reference = ClaimReference.of("IP-1");

    assertThat(ClaimReference.claimId(reference)).contains("IP-1");
    assertThat(ClaimReference.claimId("Encounter/2")).isEmpty();
  }

  private static final class DiagnosisEvidence {
    static String describe(DiagnosisFact fact) {
      return fact.code() + " " + fact.source() + " " + fact.date() + (fact.denied() ? " denied " : " ")
          + fact.reference();
    }
  }
}
