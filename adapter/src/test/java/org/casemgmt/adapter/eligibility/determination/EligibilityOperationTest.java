package org.casemgmt.adapter.eligibility.determination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casemgmt.adapter.testing.GuideExamples.uniqueValue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.casemgmt.adapter.claims.ClaimsCsv;
import org.casemgmt.adapter.eligibility.EligibilityServerTest;
import org.casemgmt.profiles.ImplementationGuide;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationDefinition;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A client's data goes in through the public interfaces (ADT over MLLP, claim files in the inbox, the FHIR API), and
 * {@code POST /fhir/Patient/{id}/$evaluate-eligibility} gives back the determination, which a FHIR client then finds
 * by program, outcome and date, with its history and its Provenance.
 */
class EligibilityOperationTest extends EligibilityServerTest {
  private static final String PROGRAM = "claims-driven-tailored";
  private static final String PROGRAM_SYSTEM = "https://fhir.casemgmt-adapter.org/CodeSystem/program";

  @Autowired
  private ImplementationGuide guide;

  @Test
  void twoPsychiatricAdmissionsAnSmiDiagnosisAResidenceInTheServiceAreaAndMedicaidMakeAClientEligible() {
    String mrn = "M" + uniqueValue();
    String medicaidId = uniqueValue();
    // Two stays on Northside's psychiatric unit within 24 months of the evaluation, schizophrenia as final diagnosis,
    // the client living in Sangamon county (IL), one of the program's counties.
    admitAndDischarge(mrn, medicaidId, "20250902", "20250912");
    admitAndDischarge(mrn, medicaidId, "20260203", "20260210");
    Patient client = single(Patient.class, "Patient?identifier=" + NORTHSIDE_MRN + "|" + mrn);
    String coverage = createMedicaidCoverage(client.getIdPart(), medicaidId, "2025-01-01");

    Observation determination = evaluate(client.getIdPart(), PROGRAM, "2026-06-01");

    assertThat(outcome(determination)).isEqualTo("eligible");
    assertThat(results(determination)).containsExactly("diagnosis met", "functional-impairment met",
        "residency met", "payer met", "age met");
    assertThat(explanation(determination, 1)).contains("2 psychiatric inpatient episodes within 24 months");
    assertThat(explanation(determination, 0)).contains("F20.9 on an active clinician-entered Condition");
    assertThat(explanation(determination, 2)).contains("Sangamon");
    assertThat(determination.getSubject().getReference()).isEqualTo("Patient/" + client.getIdPart());
    assertThat(determination.getEffectivePeriod().getStartElement().getValueAsString()).isEqualTo("2026-06-01");
    assertThat(determination.getMeta().getVersionId()).isEqualTo("1");
    assertThat(guide.errors(determination)).isEmpty();

    // The Provenance names every record the criteria were judged on.
    Provenance provenance = single(Provenance.class, "Provenance?target=Observation/" + determination.getIdPart());
    List<String> stays = search(Encounter.class, "Encounter?subject=Patient/" + client.getIdPart()).stream()
        .map(stay -> "Encounter/" + stay.getIdPart()).toList();
    List<String> diagnoses = search(Condition.class, "Condition?subject=Patient/" + client.getIdPart()).stream()
        .map(diagnosis -> "Condition/" + diagnosis.getIdPart()).toList();
    assertThat(stays).hasSize(2);
    assertThat(provenance.getEntity()).extracting(entity -> entity.getWhat().getReference())
        .containsAll(stays).containsAll(diagnoses).contains("Patient/" + client.getIdPart(), coverage);
    // The episode count is impairment evidence over the 24-month window, which the determination derives from.
    Observation episodes = impairmentEvidence(determination, "psych-inpatient-episodes");
    assertThat(episodes.getValueIntegerType().getValue()).isEqualTo(2);
    assertThat(episodes.getEffectivePeriod().getStartElement().getValueAsString()).isEqualTo("2024-06-01");
    assertThat(provenance.getTarget()).extracting(Reference::getReference)
        .contains("Observation/" + episodes.getIdPart());
    assertThat(guide.errors(episodes)).isEmpty();
  }

  @Test
  void aVoidedClaimNoLongerCounts() throws Exception {
    String member = "MCD" + uniqueValue();
    String client = createClient(member, true);
    createMedicaidCoverage(client, member, "2024-07-01");
    String first = claimId();
    String second = claimId();
    // Two psychiatric stays billed on 0111 bills with psychiatric room and board; schizophrenia principal diagnosis.
    dropClaims(new ClaimsCsv()
        .stay(member, first, "0111", "0124", "1:F20.9", "2025-05-01", "2025-05-06", "paid")
        .stay(member, second, "0111", "0124", "1:F20.9", "2025-11-03", "2025-11-09", "paid"));
    Observation before = evaluate(client, PROGRAM, "2026-06-01");
    assertThat(outcome(before)).isEqualTo("eligible");
    assertThat(explanation(before, 0)).contains("F20.9 on 2 inpatient claims");

    // Frequency 8: the payer voids the second stay's claim.
    dropClaims(new ClaimsCsv()
        .adjustment(member, claimId(), second, "8", "0124", "1:F20.9", "2025-11-03", "2025-11-09"));
    Observation after = evaluate(client, PROGRAM, "2026-06-01");

    assertThat(outcome(after)).isEqualTo("not-eligible");
    assertThat(explanation(after, 1)).contains("1 psychiatric inpatient episode within 24 months");
    assertThat(explanation(after, 0)).contains("F20.9 on 1 inpatient claim");
    Provenance latest = search(Provenance.class, "Provenance?target=Observation/" + after.getIdPart()
        + "&_sort=-recorded").get(0);
    assertThat(latest.getEntity()).extracting(entity -> entity.getWhat().getIdentifier().getValue())
        .contains(first).doesNotContain(second);
  }

  @Test
  void withoutAnAddressResidencyCannotBeJudgedAndTheDeterminationSaysSo() {
    String member = uniqueValue();
    String client = createClient(member, false);
    createMedicaidCoverage(client, member, "2025-01-01");
    // Everything else through the FHIR API, as an EHR would send it.
    createStay(client, "2025-10-01T10:00:00-05:00", "2025-10-08T09:00:00-05:00");
    createStay(client, "2026-01-12T22:40:00-06:00", "2026-01-20T11:00:00-06:00");
    createDiagnosis(client, "F31.2", "2025-10-02");

    Observation determination = evaluate(client, PROGRAM, "2026-06-01");

    assertThat(outcome(determination)).isEqualTo("insufficient-information");
    assertThat(results(determination)).containsExactly("diagnosis met", "functional-impairment met",
        "residency unknown", "payer met", "age met");
    assertThat(determination.getNote()).extracting(note -> note.getText())
        .containsExactly("Missing: no residency address");
  }

  @Test
  void aReEvaluationIsVersionTwoOfTheSameDeterminationAndVersionOneStaysInItsHistory() {
    String member = uniqueValue();
    String client = createClient(member, true);
    createMedicaidCoverage(client, member, "2025-01-01");

    Observation first = evaluate(client, PROGRAM, "2026-03-01");
    Observation second = evaluate(client, PROGRAM, "2026-04-15");

    assertThat(second.getIdPart()).isEqualTo(first.getIdPart());
    assertThat(first.getMeta().getVersionId()).isEqualTo("1");
    assertThat(second.getMeta().getVersionId()).isEqualTo("2");
    Bundle history = fhir().history().onInstance(new IdType("Observation", first.getIdPart()))
        .returnBundle(Bundle.class).execute();
    assertThat(history.getEntry()).extracting(entry -> ((Observation) entry.getResource()).getEffectivePeriod()
        .getStartElement().getValueAsString()).containsExactly("2026-04-15", "2026-03-01");
    Observation versionOne = fhir().read().resource(Observation.class)
        .withUrl("Observation/" + first.getIdPart() + "/_history/1").execute();
    assertThat(versionOne.getEffectivePeriod().getStartElement().getValueAsString()).isEqualTo("2026-03-01");
    assertThat(search(Observation.class, "Observation?subject=Patient/" + client + "&code=" + DETERMINATION))
        .hasSize(1);
    assertThat(search(Provenance.class, "Provenance?target=Observation/" + first.getIdPart())).hasSize(2);
  }

  @Test
  void determinationsAreFoundByProgramOutcomeAndDate() {
    String member = uniqueValue();
    String client = createClient(member, true);
    createMedicaidCoverage(client, member, "2025-01-01");
    // No hospital stays: not eligible for the claims-driven program, judged on 2026-05-20 and valid for its 90 days.
    Observation determination = evaluate(client, PROGRAM, "2026-05-20");
    String id = "Observation/" + determination.getIdPart();
    String mine = "Observation?subject=Patient/" + client;

    assertThat(ids(mine + "&program=" + PROGRAM_SYSTEM + "|" + PROGRAM + "&outcome=not-eligible")).containsExactly(id);
    assertThat(ids(mine + "&program=" + PROGRAM + "&outcome=eligible")).isEmpty();
    assertThat(ids(mine + "&program=smi-target-population")).isEmpty();
    // The effective period runs from the evaluation date to the last day the determination holds (here 90 days
    // later, 2026-08-18): "in force on a day" is a period overlapping both sides of it.
    assertThat(ids(mine + "&code=" + DETERMINATION + "&date=le2026-06-01&date=ge2026-06-01")).containsExactly(id);
    assertThat(ids(mine + "&code=" + DETERMINATION + "&date=lt2026-05-20")).isEmpty();
    assertThat(ids(mine + "&code=" + DETERMINATION + "&date=gt2026-08-18")).isEmpty();
    assertThat(ids("Observation?program=" + PROGRAM + "&outcome=not-eligible&date=le2026-08-18&date=ge2026-08-18"
        + "&subject=Patient/" + client)).containsExactly(id);
  }

  @Test
  void withoutADateTheClientIsEvaluatedToday() {
    String client = createClient(uniqueValue(), true);
    Parameters parameters = new Parameters();
    parameters.addParameter().setName("program").setValue(new StringType("smi-target-population"));

    Observation determination = fhir().operation().onInstance(new IdType("Patient", client))
        .named("$evaluate-eligibility").withParameters(parameters).returnResourceType(Observation.class).execute();

    assertThat(LocalDate.parse(determination.getEffectivePeriod().getStartElement().getValueAsString()))
        .isBetween(LocalDate.now().minusDays(1), LocalDate.now().plusDays(1));
    assertThat(determination.getMethod().getCodingFirstRep().getCode()).isEqualTo("smi-target-population");
  }

  @Test
  void anUnknownProgramAMissingProgramAndAnUnknownPatientAreRefusedWithAnOperationOutcome() throws Exception {
    String client = createClient(uniqueValue(), true);

    HttpResponse<String> unknownProgram = post("Patient/" + client, "{\"resourceType\":\"Parameters\","
        + "\"parameter\":[{\"name\":\"program\",\"valueCode\":\"no-such-program\"}]}");
    assertThat(unknownProgram.statusCode()).isEqualTo(400);
    assertThat(diagnostics(unknownProgram)).contains("no-such-program").contains("claims-driven-tailored");

    HttpResponse<String> noProgram = post("Patient/" + client, "{\"resourceType\":\"Parameters\"}");
    assertThat(noProgram.statusCode()).isEqualTo(400);
    assertThat(diagnostics(noProgram)).contains("program");

    HttpResponse<String> badDate = post("Patient/" + client, "{\"resourceType\":\"Parameters\",\"parameter\":["
        + "{\"name\":\"program\",\"valueCode\":\"" + PROGRAM + "\"},{\"name\":\"date\",\"valueDate\":\"2026-05\"}]}");
    assertThat(badDate.statusCode()).isEqualTo(400);
    assertThat(diagnostics(badDate)).contains("date");

    HttpResponse<String> unknownPatient = post("Patient/does-not-exist-" + UUID.randomUUID(),
        "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"program\",\"valueCode\":\"" + PROGRAM + "\"}]}");
    assertThat(unknownPatient.statusCode()).isEqualTo(404);
    assertThat(diagnostics(unknownPatient)).contains("does-not-exist");
    assertThat(search(Observation.class, "Observation?subject=Patient/" + client + "&code=" + DETERMINATION))
        .isEmpty();
  }

  @Test
  void aMergedAwayClientIsEvaluatedAsTheClientThatReplacedItWithTheClaimsOfBothMemberIds() throws Exception {
    String oldMember = "MCD" + uniqueValue();
    String newMember = "MCD" + uniqueValue();
    String survivor = createClient(newMember, true);
    String retired = createClient(oldMember, true);
    Patient replaced = fhir().read().resource(Patient.class).withId(retired).execute();
    replaced.setActive(false).addLink().setType(Patient.LinkType.REPLACEDBY).setOther(
        new Reference("Patient/" + survivor));
    fhir().update().resource(replaced).execute();
    Patient kept = fhir().read().resource(Patient.class).withId(survivor).execute();
    kept.addLink().setType(Patient.LinkType.REPLACES).setOther(new Reference("Patient/" + retired));
    fhir().update().resource(kept).execute();
    createMedicaidCoverage(survivor, newMember, "2024-01-01");
    // Outpatient claims on two days, one under each member id: together they confirm the diagnosis.
    dropClaims(new ClaimsCsv()
        .service(oldMember, claimId(), "11", "90837", "1:F25.0", "2025-08-01", "paid")
        .service(newMember, claimId(), "11", "90837", "1:F25.0", "2025-09-01", "paid"));

    Observation determination = evaluate(retired, PROGRAM, "2026-06-01");

    assertThat(determination.getSubject().getReference()).isEqualTo("Patient/" + survivor);
    assertThat(explanation(determination, 0)).startsWith("Qualifying diagnosis confirmed")
        .contains("F25.0 on outpatient claims on 2 days");
  }

  @Test
  void twoFirstEvaluationsAtOnceMakeOneDetermination() throws Exception {
    String client = createClient(uniqueValue(), true);
    ExecutorService callers = Executors.newFixedThreadPool(2);
    try {
      CyclicBarrier together = new CyclicBarrier(2);
      List<Future<Observation>> results = List.of("2026-05-01", "2026-05-02").stream()
          .map(date -> callers.submit(() -> {
            together.await();
            return evaluate(client, PROGRAM, date);
          })).toList();
      for (Future<Observation> result : results) {
        result.get(60, TimeUnit.SECONDS);
      }
    } finally {
      callers.shutdownNow();
    }

    List<Observation> determinations =
        search(Observation.class, "Observation?subject=Patient/" + client + "&code=" + DETERMINATION);
    assertThat(determinations).hasSize(1);
    assertThat(determinations.get(0).getMeta().getVersionId()).isEqualTo("2");
  }

  @Test
  void theOperationIsPublishedWithItsParameters() {
    CapabilityStatement statement = fhir().capabilities().ofType(CapabilityStatement.class).execute();
    CapabilityStatement.CapabilityStatementRestResourceOperationComponent operation = statement.getRestFirstRep()
        .getResource().stream().filter(resource -> resource.getType().equals("Patient")).findFirst().orElseThrow()
        .getOperation().stream().filter(op -> op.getName().equals("evaluate-eligibility")).findFirst().orElseThrow();

    assertThat(operation.getDefinition()).endsWith("OperationDefinition/Patient-i-evaluate-eligibility");
    OperationDefinition definition = fhir().read().resource(OperationDefinition.class)
        .withUrl(new IdType(operation.getDefinition()).toUnqualifiedVersionless().getValue()).execute();

    assertThat(definition.getCode()).isEqualTo("evaluate-eligibility");
    assertThat(definition.getInstance()).isTrue();
    assertThat(definition.getParameter()).extracting(parameter -> parameter.getUse().toCode() + " "
            + parameter.getName() + " " + parameter.getType() + " " + parameter.getMin() + ".." + parameter.getMax())
        .containsExactlyInAnyOrder("in program code 1..1", "in date date 0..1", "out return Observation 1..1");
  }

  // ---------------------------------------------------------------------------------------------------------------

  /** "criterion result" per component, in order. */
  private static List<String> results(Observation determination) {
    return determination.getComponent().stream().map(component -> component.getCode().getCodingFirstRep().getCode()
        + " " + component.getValueCodeableConcept().getCodingFirstRep().getCode()).toList();
  }

  private static String explanation(Observation determination, int component) {
    return determination.getComponent().get(component).getValueCodeableConcept().getText();
  }

  private Observation impairmentEvidence(Observation determination, String kind) {
    return determination.getDerivedFrom().stream()
        .map(reference -> fhir().read().resource(Observation.class).withUrl(reference.getReference()).execute())
        .filter(evidence -> evidence.getCode().getCodingFirstRep().getCode().equals(kind))
        .findFirst().orElseThrow();
  }

  private List<String> ids(String search) {
    return search(Observation.class, search).stream().map(found -> "Observation/" + found.getIdPart()).toList();
  }

  private HttpResponse<String> post(String instance, String parameters) throws Exception {
    HttpRequest request = asAdmin(HttpRequest.newBuilder(URI.create(fhirBase() + "/" + instance
            + "/$evaluate-eligibility")))
        .header("Content-Type", "application/fhir+json").header("Accept", "application/fhir+json")
        .POST(HttpRequest.BodyPublishers.ofString(parameters)).build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  private String diagnostics(HttpResponse<String> response) {
    return fhirContext.newJsonParser().parseResource(OperationOutcome.class, response.body())
        .getIssueFirstRep().getDiagnostics();
  }
}
