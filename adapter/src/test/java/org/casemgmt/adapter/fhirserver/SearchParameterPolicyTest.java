package org.casemgmt.adapter.fhirserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import java.util.Map;
import org.casemgmt.profiles.ImplementationGuide;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.SearchParameter;
import org.junit.jupiter.api.Test;

class SearchParameterPolicyTest {
  private static final SearchParameterPolicy.Defaults NONE = SearchParameterPolicy.Defaults.NONE;
  private final FhirContext r4 = FhirContext.forR4Cached();

  /** A type the list does not name gets the default names it has, and every parameter placing it with a client. */
  @Test
  void aServedTypeTheListDoesNotNameGetsTheDefaultsAndItsPatientCompartmentParameters() {
    SearchParameterPolicy.Defaults defaults = new SearchParameterPolicy.Defaults(
        List.of("Patient", "MedicationAdministration"), List.of("patient", "code", "status", "identifier"));
    Map<String, SearchParameter> parameters =
        new SearchParameterPolicy(r4, Map.of("Patient", List.of("identifier")), defaults, List.of()).searchParameters();

    assertThat(parameters.values()).filteredOn(p -> p.getBase().get(0).getValue().equals("MedicationAdministration"))
        .extracting(SearchParameter::getCode)
        .containsExactlyInAnyOrder("patient", "code", "status", "identifier", "performer", "subject");
    assertThat(parameters.values()).filteredOn(p -> p.getBase().get(0).getValue().equals("Patient"))
        .extracting(SearchParameter::getCode).containsExactly("identifier");
  }

  @Test
  void eachListedNameBecomesTheStandardSearchParameterWithItsCanonicalUrl() {
    Map<String, SearchParameter> parameters =
        new SearchParameterPolicy(r4, Map.of("Patient", List.of("identifier", "birthdate")), NONE, List.of()).searchParameters();

    assertThat(parameters).containsOnlyKeys(
        "http://hl7.org/fhir/SearchParameter/Patient-identifier",
        "http://hl7.org/fhir/SearchParameter/Patient-birthdate");
    SearchParameter identifier = parameters.get("http://hl7.org/fhir/SearchParameter/Patient-identifier");
    assertThat(identifier.getCode()).isEqualTo("identifier");
    assertThat(identifier.getType().toCode()).isEqualTo("token");
    assertThat(identifier.getExpression()).isEqualTo("Patient.identifier");
    assertThat(identifier.getStatus()).isEqualTo(PublicationStatus.ACTIVE);
    assertThat(identifier.getBase()).extracting(b -> b.getValue()).containsExactly("Patient");
  }

  @Test
  void aStarKeepsEveryStandardParameterOfTheType() {
    Map<String, SearchParameter> parameters =
        new SearchParameterPolicy(r4, Map.of("Coverage", List.of("*")), NONE, List.of()).searchParameters();

    assertThat(parameters.values()).extracting(SearchParameter::getCode)
        .contains("beneficiary", "payor", "subscriber", "identifier", "status", "type", "patient");
  }

  @Test
  void aNameThatIsNotAStandardParameterIsRefusedWithTheValidNames() {
    SearchParameterPolicy policy = new SearchParameterPolicy(r4, Map.of("Patient", List.of("medicaid-id")), NONE, List.of());

    assertThatThrownBy(policy::searchParameters)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Patient has no standard search parameter 'medicaid-id'")
        .hasMessageContaining("identifier");
  }

  @Test
  void anUnknownResourceTypeIsRefused() {
    SearchParameterPolicy policy = new SearchParameterPolicy(r4, Map.of("Client", List.of("identifier")), NONE, List.of());

    assertThatThrownBy(policy::searchParameters).hasMessageContaining("unknown resource type: Client");
  }

  @Test
  void anUnchangedListNeedsNoWrites() {
    SearchParameterPolicy policy = new SearchParameterPolicy(r4, Map.of("Patient", List.of("identifier", "name")), NONE, List.of());
    List<SearchParameter> stored = policy.searchParameters().values().stream()
        .map(p -> (SearchParameter) p.copy().setId("SearchParameter/" + p.getCode())).toList();

    assertThat(policy.changesAgainst(stored).getEntry()).isEmpty();
  }

  /** The guide's own carry their package ids; stored, they have the store's ids and meta, and are the same. */
  @Test
  void anUnchangedGuideNeedsNoWrites() {
    List<SearchParameter> guides = new ImplementationGuide(r4).searchParameters();
    SearchParameterPolicy policy = new SearchParameterPolicy(r4, Map.of("Patient", List.of("identifier")), NONE, guides);
    List<SearchParameter> stored = policy.searchParameters().values().stream().map(p -> {
      SearchParameter copy = p.copy();
      copy.setId("SearchParameter/" + (1000 + p.getCode().length()));
      copy.getMeta().setVersionId("1").setSource("#stored");
      return copy;
    }).toList();

    assertThat(guides).isNotEmpty().allMatch(SearchParameter::hasId);
    assertThat(policy.changesAgainst(stored).getEntry()).isEmpty();
  }

  @Test
  void aNewNameIsWrittenAndADroppedStandardNameIsRetired() {
    List<SearchParameter> stored = List.copyOf(
        new SearchParameterPolicy(r4, Map.of("Patient", List.of("identifier", "gender")), NONE, List.of()).searchParameters().values());
    SearchParameterPolicy policy = new SearchParameterPolicy(r4, Map.of("Patient", List.of("identifier", "name")), NONE, List.of());

    Bundle changes = policy.changesAgainst(stored);

    assertThat(changes.getEntry()).extracting(e -> ((SearchParameter) e.getResource()).getCode() + " "
            + ((SearchParameter) e.getResource()).getStatus().toCode() + " " + e.getRequest().getUrl())
        .containsExactlyInAnyOrder(
            "name active SearchParameter?url=http://hl7.org/fhir/SearchParameter/Patient-name",
            "gender retired SearchParameter?url=http://hl7.org/fhir/SearchParameter/Patient-gender");
    assertThat(SearchParameterPolicy.typesToReindex(changes)).containsExactly("Patient");
  }

  @Test
  void searchParametersUsersCreatedAreNeverRetired() {
    SearchParameter theirs = new SearchParameter().setUrl("http://example.org/SearchParameter/Patient-nickname")
        .setCode("nickname").setStatus(PublicationStatus.ACTIVE);
    SearchParameterPolicy policy = new SearchParameterPolicy(r4, Map.of("Patient", List.of("identifier")), NONE, List.of());

    assertThat(policy.changesAgainst(List.of(theirs)).getEntry())
        .extracting(e -> ((SearchParameter) e.getResource()).getCode()).containsExactly("identifier");
  }

  @Test
  void theGuidesSearchParametersAreWrittenAndOnesItNoLongerDefinesAreRetired() {
    SearchParameter county = defined("Patient", "address-county");
    SearchParameter dropped = defined("Task", "owner-role");
    SearchParameterPolicy policy = new SearchParameterPolicy(r4, Map.of("Patient", List.of("identifier")), NONE, List.of(county));

    Bundle changes = policy.changesAgainst(List.of(dropped));

    assertThat(changes.getEntry()).extracting(e -> ((SearchParameter) e.getResource()).getCode() + " "
            + ((SearchParameter) e.getResource()).getStatus().toCode())
        .containsExactlyInAnyOrder("identifier active", "address-county active", "owner-role retired");
    assertThat(SearchParameterPolicy.typesToReindex(changes)).containsExactly("Patient", "Task");
  }

  @Test
  void withoutAListEveryStandardParameterStaysAndOnlyTheGuidesAreWritten() {
    SearchParameter standardStored = new SearchParameter().setUrl("http://hl7.org/fhir/SearchParameter/Patient-gender")
        .setCode("gender").setStatus(PublicationStatus.ACTIVE);
    SearchParameterPolicy policy = new SearchParameterPolicy(r4, Map.of(), NONE, List.of(defined("Patient", "address-county")));

    assertThat(policy.changesAgainst(List.of(standardStored)).getEntry())
        .extracting(e -> ((SearchParameter) e.getResource()).getCode()).containsExactly("address-county");
  }

  private static SearchParameter defined(String base, String code) {
    SearchParameter parameter = new SearchParameter()
        .setUrl(ImplementationGuide.CANONICAL + "/SearchParameter/" + base + "-" + code).setCode(code)
        .setStatus(PublicationStatus.ACTIVE);
    parameter.addBase(base);
    return parameter;
  }
}
