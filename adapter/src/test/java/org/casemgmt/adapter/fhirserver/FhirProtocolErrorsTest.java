package org.casemgmt.adapter.fhirserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.casemgmt.adapter.testing.FhirServerTest;
import org.casemgmt.profiles.ImplementationGuide;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/** What a client sees at the edges: bad input, unknown types, and the statement of what is served. */
class FhirProtocolErrorsTest extends FhirServerTest {
  private final HttpClient http = HttpClient.newHttpClient();

  @Autowired
  private FhirServerProperties properties;

  @Autowired
  private ImplementationGuide guide;

  @Test
  void malformedJsonIsRefusedWith400AndAnOperationOutcome() throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(fhirBase() + "/Patient"))
        .header("Content-Type", "application/fhir+json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"resourceType\":\"Patient\",\"name\":[{\"family\":")));

    assertThat(response.statusCode()).isEqualTo(400);
    OperationOutcome outcome = fhirContext.newJsonParser().parseResource(OperationOutcome.class, response.body());
    assertThat(outcome.getIssueFirstRep().getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR);
    assertThat(outcome.getIssueFirstRep().getDiagnostics()).containsIgnoringCase("parse");
  }

  @ParameterizedTest(name = "GET /fhir/{0} is 404")
  @ValueSource(strings = {"NoSuchType", "Medicine"})
  void aResourceTypeThatIsNotServedIs404WithAnOperationOutcome(String type) throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(fhirBase() + "/" + type)).GET());

    assertThat(response.statusCode()).isEqualTo(404);
    OperationOutcome outcome = fhirContext.newJsonParser().parseResource(OperationOutcome.class, response.body());
    assertThat(outcome.getIssueFirstRep().getDiagnostics()).contains(type);
  }

  /** Every R4 type is served by default (none is configured in the tests). */
  @Test
  void theCapabilityStatementListsEveryR4Type() {
    assertThat(properties.resourceTypes()).isEmpty();
    CapabilityStatement statement = fhir().capabilities().ofType(CapabilityStatement.class).execute();

    assertThat(servedTypes(statement)).isEqualTo(new TreeSet<>(fhirContext.getResourceTypes()));
    assertThat(statement.getFhirVersion().toCode()).isEqualTo("4.0.1");
  }

  @Test
  void onlyTheConfiguredAndTheGuidesSearchParametersAreOffered() throws Exception {
    CapabilityStatement statement = fhir().capabilities().ofType(CapabilityStatement.class).execute();
    Set<String> patientParams = statement.getRestFirstRep().getResource().stream()
        .filter(r -> r.getType().equals("Patient")).findFirst().orElseThrow()
        .getSearchParam().stream().map(p -> p.getName()).filter(name -> !name.startsWith("_"))
        .collect(Collectors.toCollection(TreeSet::new));
    Set<String> offered = new TreeSet<>(properties.searchParameters().get("Patient"));
    guide.searchParameters().stream().filter(p -> p.hasBase("Patient")).forEach(p -> offered.add(p.getCode()));
    assertThat(offered).contains("address-county");
    assertThat(patientParams).isEqualTo(offered);

    // 'language' is a standard Patient parameter that config/search-parameters.yml does not list.
    HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(fhirBase() + "/Patient?language=en")).GET());
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("language");
  }

  @Test
  void everyServedTypeAnswersASearch() throws Exception {
    CapabilityStatement statement = fhir().capabilities().ofType(CapabilityStatement.class).execute();
    List<String> notAnswering = servedTypes(statement).stream()
        .filter(type -> statusOf(fhirBase() + "/" + type + "?_count=1") != 200)
        .toList();
    assertThat(notAnswering).isEmpty();
  }

  private static Set<String> servedTypes(CapabilityStatement statement) {
    return statement.getRestFirstRep().getResource().stream()
        .map(CapabilityStatementRestResourceComponent::getType)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private int statusOf(String url) {
    try {
      return send(HttpRequest.newBuilder(URI.create(url)).GET()).statusCode();
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return http.send(asAdmin(request).header("Accept", "application/fhir+json").build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
