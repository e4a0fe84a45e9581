package org.casemgmt.adapter.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casemgmt.adapter.testing.FeedInbox;
import org.casemgmt.adapter.testing.FeedInbox.Report;
import org.casemgmt.adapter.testing.FhirServerTest;
import org.casemgmt.adapter.testing.GuideExamples;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Provenance;
import org.casemgmt.routes.claims.generator.ClaimFileFormat;
import org.casemgmt.routes.claims.generator.ClaimFileGenerator;
import org.casemgmt.routes.claims.generator.ClaimFileManifest;
import org.casemgmt.routes.claims.generator.ClaimFileRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestTemplate;

/**
 * Medicaid claim files dropped into the inbox (a real folder) load through their batch job into staging, and the
 * psychiatric evidence they hold appears on the unified client record over FHIR, with provenance back to the claims.
 */
class ClaimsFeedTest extends FhirServerTest {
  private static final String MEDICAID = "urn:oid:2.16.840.1.113883.4.927";
  private static final String EPISODES = "https://fhir.casemgmt-adapter.org/sid/claims-episode";
  private static final String DIAGNOSES = "https://fhir.casemgmt-adapter.org/sid/claims-diagnosis";
  private static final FeedInbox INBOX = new FeedInbox(CLAIMS_INBOX);

  @Autowired
  private JdbcTemplate jdbc;

  @Test
  void aPsychiatricStayOnAClaimBecomesAnEncounterOnANewClientWithItsDiagnosisAndProvenance() throws Exception {
    String member = member();
    String claim = claimId();
    String file = drop(new ClaimsCsv()
        // 0111 admit-through-discharge bill, 0124 psychiatric semi-private room and board, schizophrenia principal
        .stay(member, claim, "0111", "0124", "1:F20.9;2:Z59.00", "2025-03-02", "2025-03-10", "paid"));

    Report report = awaitReport("processed", file);
    assertThat(report.value("outcome")).isEqualTo("LOADED");
    assertThat(report.value("claims staged")).isEqualTo("1");
    assertThat(report.value("lines staged")).isEqualTo("1");
    assertThat(report.value("evidence written")).isEqualTo("3"); // the stay, F20.9 and Z59.00

    Patient client = single(Patient.class, "Patient?identifier=" + MEDICAID + "|" + member);
    assertThat(client.getGender()).isEqualTo(org.hl7.fhir.r4.model.Enumerations.AdministrativeGender.UNKNOWN);
    Encounter stay = single(Encounter.class, "Encounter?identifier=" + EPISODES + "|" + member + "|INPATIENT|2025-03-02");
    assertThat(stay.getSubject().getReference()).isEqualTo("Patient/" + client.getIdPart());
    assertThat(stay.getTypeFirstRep().getCodingFirstRep().getCode()).isEqualTo("psychiatric-inpatient");
    assertThat(stay.getClass_().getCode()).isEqualTo("IMP");
    assertThat(stay.getPeriod().getStartElement().getValueAsString()).isEqualTo("2025-03-02");
    assertThat(stay.getPeriod().getEndElement().getValueAsString()).isEqualTo("2025-03-10");
    assertThat(stay.getReasonCodeFirstRep().getCodingFirstRep().getCode()).isEqualTo("F20.9");

    Condition diagnosis = single(Condition.class, "Condition?identifier=" + DIAGNOSES + "|" + member
        + "|DX|http://hl7.org/fhir/sid/icd-10-cm|F20.9");
    Extension summary = diagnosis.getExtensionByUrl(
        "https://fhir.casemgmt-adapter.org/StructureDefinition/claims-summary");
    assertThat(summary.getExtensionByUrl("first-service").getValue().primitiveValue()).isEqualTo("2025-03-02");
    assertThat(summary.getExtensionByUrl("claim-count").getValue().primitiveValue()).isEqualTo("1");

    Provenance provenance = single(Provenance.class, "Provenance?target=Encounter/" + stay.getIdPart());
    assertThat(provenance.getEntity()).extracting(entity -> entity.getWhat().getIdentifier().getValue())
        .containsExactly(claim, file);
  }

  /** The follow-up evidence of FUH: an ambulatory Encounter, found the way the measure searches for follow-ups. */
  @Test
  void anOutpatientPsychotherapyClaimBecomesAnAmbulatoryMentalHealthVisit() throws Exception {
    String member = member();
    String claim = claimId();
    String file = drop(new ClaimsCsv().service(member, claim, "11", "90834", "1:F20.9", "2025-07-15", "paid"));

    Report report = awaitReport("processed", file);
    assertThat(report.value("outcome")).isEqualTo("LOADED");
    assertThat(report.value("evidence written")).isEqualTo("2"); // the visit and F20.9

    Patient client = single(Patient.class, "Patient?identifier=" + MEDICAID + "|" + member);
    Encounter visit = single(Encounter.class, "Encounter?identifier=" + EPISODES + "|" + member
        + "|MENTAL_HEALTH_OUTPATIENT|2025-07-15");
    assertThat(visit.getSubject().getReference()).isEqualTo("Patient/" + client.getIdPart());
    assertThat(visit.getClass_().getSystem()).isEqualTo("http://terminology.hl7.org/CodeSystem/v3-ActCode");
    assertThat(visit.getClass_().getCode()).isEqualTo("AMB");
    assertThat(visit.getTypeFirstRep().getCodingFirstRep().getSystem())
        .isEqualTo("https://fhir.casemgmt-adapter.org/CodeSystem/encounter-kind");
    assertThat(visit.getTypeFirstRep().getCodingFirstRep().getCode()).isEqualTo("mental-health-outpatient");
    assertThat(visit.getPeriod().getStartElement().getValueAsString()).isEqualTo("2025-07-15");
    assertThat(visit.getReasonCodeFirstRep().getCodingFirstRep().getCode()).isEqualTo("F20.9");
    assertThat(search(Encounter.class, "Encounter?subject=Patient/" + client.getIdPart()
        + "&class=AMB,VR,HH,FLD&date=2025-07-15")).extracting(Encounter::getIdPart)
        .containsExactly(visit.getIdPart());

    Provenance provenance = single(Provenance.class, "Provenance?target=Encounter/" + visit.getIdPart());
    assertThat(provenance.getEntity()).extracting(entity -> entity.getWhat().getIdentifier().getValue())
        .containsExactly(claim, file);
  }

  @Test
  void theSameFileDroppedAgainChangesNothing() throws Exception {
    String member = member();
    ClaimsCsv claims = new ClaimsCsv().stay(member, claimId(), "0111", "0124", "1:F31.9", "2025-01-05",
        "2025-01-09", "paid");
    String first = drop(claims);
    assertThat(awaitReport("processed", first).value("outcome")).isEqualTo("LOADED");
    Encounter before = single(Encounter.class, "Encounter?identifier=" + EPISODES + "|" + member
        + "|INPATIENT|2025-01-05");

    String again = drop(claims); // same bytes, another name
    Report report = awaitReport("processed", again);
    assertThat(report.value("outcome")).isEqualTo("ALREADY_LOADED");
    Encounter after = single(Encounter.class, "Encounter?identifier=" + EPISODES + "|" + member
        + "|INPATIENT|2025-01-05");
    assertThat(after.getMeta().getVersionId()).isEqualTo(before.getMeta().getVersionId());
    assertThat(search(Patient.class, "Patient?identifier=" + MEDICAID + "|" + member)).hasSize(1);
  }

  @Test
  void aReplacementUpdatesTheStayAndAVoidRetractsItWithoutDeletingAnything() throws Exception {
    String member = member();
    String original = claimId();
    awaitReport("processed", drop(new ClaimsCsv()
        .stay(member, original, "0111", "0124", "1:F33.2", "2025-05-01", "2025-05-04", "paid")));
    String query = "Encounter?identifier=" + EPISODES + "|" + member + "|INPATIENT|2025-05-01";
    assertThat(single(Encounter.class, query).getPeriod().getEndElement().getValueAsString()).isEqualTo("2025-05-04");

    // Frequency 7: the payer corrected the discharge date.
    String replacement = claimId();
    awaitReport("processed", drop(new ClaimsCsv()
        .adjustment(member, replacement, original, "7", "0124", "1:F33.2", "2025-05-01", "2025-05-08")));
    Encounter corrected = single(Encounter.class, query);
    assertThat(corrected.getPeriod().getEndElement().getValueAsString()).isEqualTo("2025-05-08");
    assertThat(corrected.getMeta().getVersionId()).isEqualTo("2");
    assertThat(currentClaims(member)).containsExactly(replacement);

    // Frequency 8: the replacement is voided; nothing of the stay is in force any more.
    Report voided = awaitReport("processed", drop(new ClaimsCsv()
        .adjustment(member, claimId(), replacement, "8", "0124", "1:F33.2", "2025-05-01", "2025-05-08")));
    assertThat(voided.value("evidence retracted")).isEqualTo("2");
    assertThat(single(Encounter.class, query).getStatus()).isEqualTo(Encounter.EncounterStatus.ENTEREDINERROR);
    Condition diagnosis = single(Condition.class, "Condition?identifier=" + DIAGNOSES + "|" + member
        + "|DX|http://hl7.org/fhir/sid/icd-10-cm|F33.2");
    assertThat(diagnosis.getVerificationStatus().getCodingFirstRep().getCode()).isEqualTo("entered-in-error");
    assertThat(currentClaims(member)).isEmpty();
    assertThat(jdbc.queryForObject("SELECT count(*) FROM cm_claim WHERE member_id = ?", Integer.class, member))
        .isEqualTo(3);
  }

  @Test
  void adjustmentsApplyWhateverOrderTheyArriveInAndTheLastLoadedOfTwoStands() throws Exception {
    String member = member();
    String original = claimId();
    String first = claimId();
    String second = claimId();
    // The corrections arrive before the claim they correct (files from different senders), the second one later.
    awaitReport("processed", drop(new ClaimsCsv()
        .adjustment(member, first, original, "7", "0124", "1:F20.9", "2025-11-01", "2025-11-05")));
    awaitReport("processed", drop(new ClaimsCsv()
        .adjustment(member, second, original, "7", "0124", "1:F20.9", "2025-11-01", "2025-11-07")));
    awaitReport("processed", drop(new ClaimsCsv()
        .stay(member, original, "0111", "0124", "1:F20.9", "2025-11-01", "2025-11-03", "paid")));

    assertThat(currentClaims(member)).containsExactly(second);
    Encounter stay = single(Encounter.class, "Encounter?identifier=" + EPISODES + "|" + member
        + "|INPATIENT|2025-11-01");
    assertThat(stay.getPeriod().getEndElement().getValueAsString()).isEqualTo("2025-11-07");
  }

  @Test
  void interimBillsAndATransferNextDayAreOneEpisodeAndCrisisServicesCountPerDay() throws Exception {
    String member = member();
    awaitReport("processed", drop(new ClaimsCsv()
        // one long stay billed in three interim bills (0112 first, 0113 continuing, 0114 last) ...
        .stay(member, claimId(), "0112", "0124", "1:F25.0", "2025-02-01", "2025-02-10", "paid")
        .stay(member, claimId(), "0113", "0124", "1:F25.0", "2025-02-11", "2025-02-20", "paid")
        .stay(member, claimId(), "0114", "0124", "1:F25.0", "2025-02-21", "2025-02-25", "paid")
        // ... then a transfer: admitted to another hospital the day after discharge
        .stay(member, claimId(), "0111", "0114", "1:F25.0", "2025-02-26", "2025-03-05", "paid")
        // two crisis services on one day, one on the next: two crisis episodes
        .service(member, claimId(), "15", "H2011", "1:F25.0", "2025-04-01", "paid")
        .service(member, claimId(), "15", "S9484", "1:F25.0", "2025-04-01", "paid")
        .service(member, claimId(), "15", "H2011", "1:F25.0", "2025-04-02", "paid")));

    Patient client = single(Patient.class, "Patient?identifier=" + MEDICAID + "|" + member);
    List<Encounter> episodes = search(Encounter.class, "Encounter?subject=Patient/" + client.getIdPart());
    assertThat(episodes).extracting(e -> e.getTypeFirstRep().getCodingFirstRep().getCode() + " "
        + e.getPeriod().getStartElement().getValueAsString() + ".." + e.getPeriod().getEndElement().getValueAsString())
        .containsExactlyInAnyOrder("psychiatric-inpatient 2025-02-01..2025-03-05",
            "crisis-service 2025-04-01..2025-04-01", "crisis-service 2025-04-02..2025-04-02");
  }

  @Test
  void aDeniedClaimIsKeptAndItsEvidenceIsMarkedForTheProgramsToDecide() throws Exception {
    String member = member();
    awaitReport("processed", drop(new ClaimsCsv()
        .stay(member, longClaimId(), "0111", "0124", "1:F20.0", "2025-06-01", "2025-06-03", "denied")));
    Encounter stay = single(Encounter.class, "Encounter?identifier=" + EPISODES + "|" + member
        + "|INPATIENT|2025-06-01");
    assertThat(stay.getMeta().getTag()).extracting(tag -> tag.getCode()).containsExactly("denied-claims");
    assertThat(jdbc.queryForObject("SELECT status FROM cm_current_claim WHERE member_id = ?", String.class, member))
        .isEqualTo("DENIED");
  }

  @Test
  void aClaimWithAnInvalidDateIsRejectedWithItsReasonTheRestLoadsAndTheCorrectedFileLoadsIt() throws Exception {
    String member = member();
    String good = claimId();
    String bad = claimId();
    ClaimsCsv withError = new ClaimsCsv()
        .stay(member, good, "0111", "0124", "1:F31.2", "2025-07-01", "2025-07-05", "paid")
        .stay(member, bad, "0111", "0124", "1:F31.2", "2025-02-30", "2025-09-05", "paid");
    Report report = awaitReport("processed", drop(withError));
    assertThat(report.value("outcome")).isEqualTo("LOADED_WITH_REJECTIONS");
    assertThat(report.value("claims staged")).isEqualTo("1");
    assertThat(report.value("claims rejected")).isEqualTo("1");
    String rejection = report.rejections().get(0);
    // The stay's admission date is its first day too, and admit_date is read first. The member id tells the sender
    // whose claim it is.
    assertThat(rejection).contains("|CLAIM|" + bad + "|" + member + "|line 3 column admit_date|")
        .contains("2025-02-30");
    assertThat(currentClaims(member)).containsExactly(good);

    Report corrected = awaitReport("processed", drop(new ClaimsCsv()
        .stay(member, good, "0111", "0124", "1:F31.2", "2025-07-01", "2025-07-05", "paid")
        .stay(member, bad, "0111", "0124", "1:F31.2", "2025-09-01", "2025-09-05", "paid")));
    assertThat(corrected.value("claims rejected")).isEqualTo("0");
    assertThat(corrected.value("outcome")).isEqualTo("LOADED");
    assertThat(currentClaims(member)).containsExactlyInAnyOrder(good, bad);
    assertThat(search(Encounter.class, "Encounter?identifier=" + EPISODES + "|" + member + "|INPATIENT|2025-09-01"))
        .hasSize(1);
  }

  @Test
  void aFileThatIsNeitherX12NorTheCsvLayoutGoesToTheErrorFolderWholeWithItsReason() throws Exception {
    String name = drop("garbage-" + UUID.randomUUID() + ".txt", "this,is\nnot,a claim file\n");
    Report report = awaitReport("error", name);
    assertThat(report.value("outcome")).isEqualTo("UNREADABLE");
    assertThat(report.value("reason")).contains("unrecognized format: neither X12")
        .contains("names none of the extract's columns");

    // Listed, and replayable from the error folder: it is read again (and refused again, being what it is).
    String file = baseUrl() + "/admin/claims/files/" + report.value("file id");
    assertThat(admin().getForObject(file, Map.class)).containsEntry("status", "FAILED");
    assertThat(admin().postForEntity(file + "/replay", null, Map.class).getStatusCode().value())
        .isEqualTo(202);
    assertThat(awaitReport("error", name).value("outcome")).isEqualTo("UNREADABLE");
    assertThat(admin().getForObject(file, Map.class)).containsEntry("runs", 2);
  }

  @Test
  void aClaimsExtractMissingAColumnSaysWhichOne() throws Exception {
    String text = new ClaimsCsv().stay(member(), claimId(), "0111", "0124", "1:F20.9", "2025-03-02", "2025-03-10",
        "paid").text().replaceFirst("member_id", "member");
    Report report = awaitReport("error", drop("claims-" + UUID.randomUUID() + ".csv", text));
    assertThat(report.value("outcome")).isEqualTo("UNREADABLE");
    assertThat(report.value("reason")).contains("the header has no column 'member_id'");
  }

  @Test
  void aClientKnownFromAnotherFeedGetsTheClaimsEvidenceOnTheSameRecord() throws Exception {
    String member = member();
    Patient known = new Patient();
    known.addIdentifier().setSystem(MEDICAID).setValue(member).getType().addCoding()
        .setSystem("http://terminology.hl7.org/CodeSystem/v2-0203").setCode("MB");
    known.setGender(org.hl7.fhir.r4.model.Enumerations.AdministrativeGender.FEMALE);
    known.addName().setFamily("Known");
    String id = fhir().create().resource(known).execute().getId().getIdPart();

    awaitReport("processed", drop(new ClaimsCsv()
        .service(member, claimId(), "23", "99284", "1:F32.2", "2025-08-14", "paid")));
    Encounter visit = single(Encounter.class, "Encounter?identifier=" + EPISODES + "|" + member
        + "|EMERGENCY|2025-08-14");
    assertThat(visit.getSubject().getReference()).isEqualTo("Patient/" + id);
    assertThat(search(Patient.class, "Patient?identifier=" + MEDICAID + "|" + member)).hasSize(1);
  }

  @Test
  void theFileListShowsEachJobsStateAndCounts() throws Exception {
    String member = member();
    String name = drop(new ClaimsCsv()
        .stay(member, claimId(), "0111", "0124", "1:F20.9", "2025-10-01", "2025-10-02", "paid"));
    Report report = awaitReport("processed", name);
    List<Map<String, Object>> files = admin().exchange(baseUrl() + "/admin/claims/files",
        org.springframework.http.HttpMethod.GET, null,
        new ParameterizedTypeReference<List<Map<String, Object>>>() { }).getBody();
    Map<String, Object> file = files.stream().filter(f -> f.get("id").toString().equals(report.value("file id")))
        .findFirst().orElseThrow();
    assertThat(file.get("name")).isEqualTo(name);
    assertThat(file.get("status")).isEqualTo("COMPLETED");
    assertThat(file.get("claimsStaged")).isEqualTo(1);
    assertThat(file.get("evidenceWritten")).isEqualTo(2);
  }

  @Test
  void aGeneratedFileOfKnownContentGivesExactlyTheEpisodesItWasBuiltWith(@TempDir Path folder) throws Exception {
    // 300 members, 30% with a psychiatric history; one claim in ten adjusted (replaced or voided), one episode in ten
    // denied, one claim in a hundred malformed. The generator counts what it wrote; the pipeline must agree.
    ClaimFileManifest manifest = new ClaimFileGenerator(ClaimFileRequest.of(ClaimFileFormat.CSV, 300, 6000, 1129)
        .withPsychiatricShare(0.3).withAdjustmentShare(0.1).withDeniedShare(0.1).withMalformedShare(0.01))
        .write(folder.resolve("generated.csv"));
    String name = "generated-" + UUID.randomUUID() + ".csv";
    Files.move(manifest.files().get(0), CLAIMS_INBOX.resolve(name));

    Report report = awaitReport("processed", name);
    assertThat(report.value("items read")).isEqualTo(String.valueOf(manifest.claims()));
    assertThat(report.value("claims staged")).isEqualTo(String.valueOf(manifest.acceptedClaims()));
    assertThat(report.value("lines staged")).isEqualTo(String.valueOf(manifest.acceptedLines()));
    assertThat(report.value("claims rejected")).isEqualTo(String.valueOf(manifest.malformedClaims()));
    assertThat(report.value("members refused")).isEqualTo("0");

    Map<String, Long> episodes = new java.util.TreeMap<>();
    long outpatientVisits = 0;
    for (Encounter episode : all(Encounter.class, "Encounter?identifier=" + EPISODES + "|")) {
      if (episode.getIdentifierFirstRep().getValue().matches("MCD\\d{9}\\|.*")
          && episode.getStatus() == Encounter.EncounterStatus.FINISHED) {
        String kind = episode.getTypeFirstRep().getCodingFirstRep().getCode();
        if (kind.equals("mental-health-outpatient")) {
          // The generator's psychotherapy claims are ordinary care to it: it does not count the visits they make.
          outpatientVisits++;
          continue;
        }
        episodes.merge(kind + (episode.getMeta().getTag().isEmpty() ? "" : " denied"), 1L, Long::sum);
      }
    }
    assertThat(outpatientVisits).isPositive();
    assertThat(episodes).containsExactlyInAnyOrderEntriesOf(withoutZeros(Map.of(
        "psychiatric-inpatient", manifest.inpatientEpisodes(),
        "psychiatric-inpatient denied", manifest.deniedInpatientEpisodes(),
        "psychiatric-emergency", manifest.emergencyVisitDays(),
        "psychiatric-emergency denied", manifest.deniedEmergencyVisitDays(),
        "crisis-service", manifest.crisisServiceDays(),
        "crisis-service denied", manifest.deniedCrisisServiceDays())));
  }

  // ---------------------------------------------------------------------------------------------------------------

  /**
   * Every page of a search. Other tests' Part 2 records among the matches are withheld, and a page says so in an
   * OperationOutcome entry, which is not one of the matches.
   */
  private <T extends org.hl7.fhir.r4.model.Resource> List<T> all(Class<T> type, String url) {
    List<T> found = new java.util.ArrayList<>();
    org.hl7.fhir.r4.model.Bundle page = fhir().search().byUrl(url + "&_count=200")
        .returnBundle(org.hl7.fhir.r4.model.Bundle.class).execute();
    while (page != null) {
      page.getEntry().stream().map(org.hl7.fhir.r4.model.Bundle.BundleEntryComponent::getResource)
          .filter(type::isInstance).forEach(resource -> found.add(type.cast(resource)));
      page = page.getLink("next") == null ? null : fhir().loadPage().next(page).execute();
    }
    return found;
  }

  private static Map<String, Long> withoutZeros(Map<String, Long> counts) {
    Map<String, Long> nonZero = new java.util.TreeMap<>(counts);
    nonZero.values().removeIf(count -> count == 0);
    return nonZero;
  }

  private static String member() {
    return "MCD" + GuideExamples.uniqueValue();
  }

  /** Identifiers of any length: the staging tables must not refuse what the parser took. */
  private static String longClaimId() {
    return claimId() + "-" + "X".repeat(80);
  }

  private static String claimId() {
    return "C" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase();
  }

  private List<String> currentClaims(String member) {
    return jdbc.queryForList("SELECT claim_id FROM cm_current_claim WHERE member_id = ?", String.class, member);
  }

  private static String drop(ClaimsCsv claims) throws IOException {
    return drop("claims-" + UUID.randomUUID() + ".csv", claims.text());
  }

  private static String drop(String name, String content) throws IOException {
    return INBOX.drop(name, content);
  }

  private static Report awaitReport(String folder, String name) throws Exception {
    return INBOX.awaitReport(folder, name);
  }
}
