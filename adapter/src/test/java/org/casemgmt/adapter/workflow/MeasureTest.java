package org.casemgmt.adapter.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.casemgmt.adapter.testing.Tokens;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.ListResource;
import org.hl7.fhir.r4.model.MeasureReport;
import org.hl7.fhir.r4.model.Reference;

/**
 * The agency's measures through {@code Measure/{id}/$evaluate-measure} as its callers ask for them, and what the
 * reports say: population counts, scores, strata and subject lists. The measure tests share the service (one Spring
 * context) with every other workflow test.
 */
abstract class MeasureTest extends WorkflowTest {
  private final HttpClient http = HttpClient.newHttpClient();

  /** A test user's token: the case manager of the test users ({@code Practitioner/test-cm}). */
  String caseManagerToken() {
    return Tokens.user(baseUrl(), "test-workspace", "http://127.0.0.1/callback", "test-cm", "test-cm-password",
        "user/*.read");
  }

  /** The report of {@code GET /fhir/Measure/<measure>/$evaluate-measure?<query>}, answered with this status. */
  MeasureReport evaluate(String token, String measure, String query, int status) throws Exception {
    HttpResponse<String> response = send(token, "/fhir/Measure/" + measure + "/$evaluate-measure?" + query);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return fhirContext.newJsonParser().parseResource(MeasureReport.class, response.body());
  }

  HttpResponse<String> send(String token, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Authorization", "Bearer " + token)
        .header("Accept", "application/fhir+json").GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Makes a stay a 42 CFR Part 2 record: provided by a Part 2 program, it is labelled as it is stored, and from then
   * on withheld from callers without the client's consent (the test administrator too).
   */
  void part2(String stay) {
    Encounter encounter = read(Encounter.class, stay);
    encounter.setServiceProvider(new Reference().setIdentifier(new Identifier()
        .setSystem("http://hl7.org/fhir/sid/us-npi").setValue(PART2_PROGRAM_NPI)));
    update(encounter);
  }

  static MeasureReport.MeasureReportGroupComponent group(MeasureReport report, String id) {
    return report.getGroup().stream().filter(g -> id.equals(g.getId())).findFirst().orElseThrow();
  }

  static Map<String, Integer> counts(MeasureReport report, String group) {
    return group(report, group).getPopulation().stream().collect(Collectors.toMap(
        population -> population.getCode().getCodingFirstRep().getCode(),
        MeasureReport.MeasureReportGroupPopulationComponent::getCount));
  }

  /** The stratum of a group's stratifier (by its code) whose value is given. */
  static MeasureReport.StratifierGroupComponent stratum(MeasureReport report, String group, String stratifier,
      String value) {
    return group(report, group).getStratifier().stream()
        .filter(s -> stratifier.equals(s.getCodeFirstRep().getText())).findFirst().orElseThrow()
        .getStratum().stream().filter(s -> value.equals(s.getValue().getText())).findFirst()
        .orElseThrow(() -> new AssertionError("no stratum " + value + " of " + stratifier + " in " + group));
  }

  static Map<String, Integer> counts(MeasureReport.StratifierGroupComponent stratum) {
    return stratum.getPopulation().stream().collect(Collectors.toMap(
        population -> population.getCode().getCodingFirstRep().getCode(),
        MeasureReport.StratifierGroupPopulationComponent::getCount));
  }

  /** The subject-list entries of a population (a List contained in the report). */
  static List<ListResource.ListEntryComponent> entries(MeasureReport report, String group, String population) {
    String list = group(report, group).getPopulation().stream()
        .filter(p -> p.getCode().getCodingFirstRep().getCode().equals(population)).findFirst().orElseThrow()
        .getSubjectResults().getReference().substring(1);
    return report.getContained().stream().filter(r -> r.getIdElement().getIdPart().equals(list))
        .map(ListResource.class::cast).findFirst().orElseThrow().getEntry();
  }

  /** The clients of a population's subject list. */
  static List<String> members(MeasureReport report, String group, String population) {
    return entries(report, group, population).stream().map(entry -> entry.getItem().getReference()).toList();
  }
}
