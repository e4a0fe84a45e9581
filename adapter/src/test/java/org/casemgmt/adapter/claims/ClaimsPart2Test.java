package org.casemgmt.adapter.claims;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.param.TokenParam;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.casemgmt.adapter.testing.FeedInbox;
import org.casemgmt.adapter.testing.FeedInbox.Report;
import org.casemgmt.adapter.testing.FhirServerTest;
import org.casemgmt.adapter.testing.GuideExamples;
import org.casemgmt.adapter.testing.Tokens;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 42 CFR Part 2 and the claims feed: claims evidence names the providers of its claims, so a stay a Part 2 program
 * billed or attended (adapter.part2.program-npis, {@link FhirServerTest#PART2_PROGRAM_NPI} here) is labelled as it
 * is stored and withheld without the client's consent; so is an episode whose claim shows a substance-use program's
 * service (config/part2.yml claim-signals). The same care from other providers is not.
 */
class ClaimsPart2Test extends FhirServerTest {
  private static final String EPISODES = "https://fhir.casemgmt-adapter.org/sid/claims-episode";
  private static final String DIAGNOSES = "https://fhir.casemgmt-adapter.org/sid/claims-diagnosis";
  private static final String NPI = "http://hl7.org/fhir/sid/us-npi";
  private static final String HOSPITAL = "1234567893";
  private static final String ATTENDING = "1245319599";
  private static final FeedInbox INBOX = new FeedInbox(CLAIMS_INBOX);

  @Autowired
  private DaoRegistry daos;

  @Test
  void aPsychiatricStayBilledByAPart2ProgramIsLabelledAndWithheldWithoutConsent() throws Exception {
    String member = member();
    Report report = load(new ClaimsCsv().billedBy(PART2_PROGRAM_NPI, ATTENDING)
        // 0111 admit-through-discharge, 0124 psychiatric room and board, major depression principal
        .stay(member, claimId(), "0111", "0124", "1:F33.2", "2025-03-02", "2025-03-10", "paid"));
    assertThat(report.value("evidence written")).isEqualTo("2"); // the stay and F33.2

    String stayId = member + "|INPATIENT|2025-03-02";
    Encounter stay = stored(stayId);
    assertThat(stay.getServiceProvider().getIdentifier().getSystem()).isEqualTo(NPI);
    assertThat(stay.getServiceProvider().getIdentifier().getValue()).isEqualTo(PART2_PROGRAM_NPI);
    assertThat(stay.getMeta().getSecurity()).extracting(Coding::getCode).contains("R", "ETH", "42CFRPart2");

    Bundle found = supervisor().search().byUrl("Encounter?identifier=" + EPISODES + "|" + stayId)
        .returnBundle(Bundle.class).execute();
    assertThat(resources(found, Encounter.class)).isEmpty();
    assertThat(issues(found)).anyMatch(text -> text.startsWith("1 resource(s) withheld"));
    // The diagnosis names no provider and is no substance-use diagnosis: it does not say who treated the client.
    assertThat(resources(supervisor().search().byUrl("Condition?identifier=" + DIAGNOSES + "|" + member
        + "|DX|http://hl7.org/fhir/sid/icd-10-cm|F33.2").returnBundle(Bundle.class).execute(), Condition.class))
        .hasSize(1);

    // A later file for the member re-derives the evidence: unchanged (the label is the store's, not the digest's),
    // so nothing is written again.
    Report again = load(new ClaimsCsv()
        .service(member, claimId(), "11", "99213", "1:J06.9", "2025-04-01", "paid"));
    assertThat(again.value("evidence written")).isEqualTo("0");
    assertThat(stored(stayId).getMeta().getVersionId()).isEqualTo("1");
  }

  @Test
  void theSameStayBilledByAnotherHospitalIsNotLabelledAndNamesItsProviders() throws Exception {
    String member = member();
    load(new ClaimsCsv().billedBy(HOSPITAL, ATTENDING)
        .stay(member, claimId(), "0111", "0124", "1:F33.2", "2025-03-02", "2025-03-10", "paid"));

    String stayId = member + "|INPATIENT|2025-03-02";
    assertThat(stored(stayId).getMeta().getSecurity()).isEmpty();
    List<Encounter> released = resources(supervisor().search()
        .byUrl("Encounter?identifier=" + EPISODES + "|" + stayId).returnBundle(Bundle.class).execute(),
        Encounter.class);
    assertThat(released).hasSize(1);
    Encounter stay = released.get(0);
    assertThat(stay.getServiceProvider().getIdentifier().getValue()).isEqualTo(HOSPITAL);
    assertThat(stay.getParticipant()).extracting(participant -> participant.getTypeFirstRep().getCodingFirstRep()
        .getCode() + " " + participant.getIndividual().getIdentifier().getValue())
        .containsExactly("ATND " + ATTENDING);
  }

  @Test
  void aPart2ProgramAsTheAttendingProviderMakesTheStayPart2() throws Exception {
    String member = member();
    load(new ClaimsCsv().billedBy(HOSPITAL, PART2_PROGRAM_NPI)
        .stay(member, claimId(), "0111", "0124", "1:F20.9", "2025-05-02", "2025-05-06", "paid"));

    assertThat(stored(member + "|INPATIENT|2025-05-02").getMeta().getSecurity()).extracting(Coding::getCode)
        .contains("42CFRPart2");
  }

  @Test
  void aCrisisServiceAtASubstanceUseTreatmentFacilityIsPart2WhoeverBilledIt() throws Exception {
    String member = member();
    load(new ClaimsCsv()
        // H2011 crisis intervention at place of service 57, a non-residential substance-use treatment facility
        .service(member, claimId(), "57", "H2011", "1:F31.9", "2025-06-01", "paid")
        // ... and at 15, a mobile unit
        .service(member, claimId(), "15", "H2011", "1:F31.9", "2025-06-08", "paid"));

    assertThat(stored(member + "|CRISIS|2025-06-01").getMeta().getSecurity()).extracting(Coding::getCode)
        .contains("R", "ETH", "42CFRPart2");
    assertThat(stored(member + "|CRISIS|2025-06-08").getMeta().getSecurity()).isEmpty();
  }

  // ---------------------------------------------------------------------------------------------------------------

  /** The claims episode as stored, read past the release control. */
  private Encounter stored(String episode) {
    List<?> found = daos.getResourceDao(Encounter.class).searchForResources(SearchParameterMap.newSynchronous(
        Encounter.SP_IDENTIFIER, new TokenParam(EPISODES, episode)), new SystemRequestDetails());
    assertThat(found).as(episode).hasSize(1);
    return (Encounter) found.get(0);
  }

  private IGenericClient supervisor() {
    return fhirAs(Tokens.client(baseUrl(), "test-supervisor"));
  }

  private static <T> List<T> resources(Bundle bundle, Class<T> type) {
    return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance)
        .map(type::cast).toList();
  }

  private static List<String> issues(Bundle bundle) {
    return resources(bundle, OperationOutcome.class).stream().flatMap(outcome -> outcome.getIssue().stream())
        .map(OperationOutcome.OperationOutcomeIssueComponent::getDiagnostics).toList();
  }

  private static Report load(ClaimsCsv claims) throws IOException, InterruptedException {
    String name = INBOX.drop("claims-" + UUID.randomUUID() + ".csv", claims.text());
    Report report = INBOX.awaitReport("processed", name);
    assertThat(report.value("outcome")).isEqualTo("LOADED");
    return report;
  }

  private static String member() {
    return "MCD" + GuideExamples.uniqueValue();
  }

  private static String claimId() {
    return "C" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase();
  }
}
