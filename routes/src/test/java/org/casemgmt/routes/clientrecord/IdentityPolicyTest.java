package org.casemgmt.routes.clientrecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hl7.fhir.r4.model.Identifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * config/client-identity.yml binds as start-up binds adapter.identity.*, and tells every feed what is a Medicaid id
 * and what is never kept.
 */
class IdentityPolicyTest {
  private final IdentityPolicy shipped = IdentityFixtures.shipped();

  @Test
  void theShippedPolicyBinds() {
    assertThat(shipped.medicaid().system()).isEqualTo("urn:oid:2.16.840.1.113883.4.927");
    assertThat(shipped.medicaid().authorities()).containsExactly("MEDICAID", "IL-MEDICAID");
    assertThat(shipped.medicaid().identifierTypes()).containsExactly("MA", "MB");
    assertThat(shipped.ignoredIdentifierTypes()).containsExactly("SS", "DL", "PPN", "AN", "VN");
    assertThat(shipped.ignoredIdentifierSystems()).containsExactly("http://hl7.org/fhir/sid/us-ssn");
  }

  @ParameterizedTest(name = "authority {0} / {1}, type {2}: Medicaid {3}")
  @CsvSource(nullValues = "-", value = {
      // CX-4 namespace id, CX-4 universal id, CX-5 type, a Medicaid id?
      "IL-MEDICAID, -,           -,  true",
      "il-medicaid, -,           PI, true",   // the authority decides, whatever the type, ignoring case
      "-,           MEDICAID,    -,  true",   // by universal id
      "NORTHSIDE,   -,           MA, true",   // HL7's "patient Medicaid number" from any authority
      "NORTHSIDE,   -,           mb, true",
      "NORTHSIDE,   -,           MR, false",
      "-,           -,           -,  false"})
  void aMedicaidIdIsToldByItsAuthorityOrType(String namespaceId, String universalId, String type, boolean medicaid) {
    assertThat(shipped.medicaid().marks(namespaceId, universalId, type)).isEqualTo(medicaid);
  }

  @ParameterizedTest(name = "type {0}, system {1}: ignored {2}")
  @CsvSource(nullValues = "-", value = {
      "SS,  -,                                 true",
      "ss,  urn:oid:2.16.840.1.113883.19.5,    true",
      "VN,  -,                                 true",   // a visit's number names no person
      "-,   http://hl7.org/fhir/sid/us-ssn,    true",   // an SSN sent by its system alone
      "MR,  http://hl7.org/fhir/sid/us-ssn,    true",
      "MR,  https://northside.example.org/sid/mrn, false",
      "-,   -,                                 false"})
  void identifiersOfIgnoredTypesOrSystemsAreNeverKept(String type, String system, boolean ignored) {
    assertThat(shipped.ignores(type, system)).isEqualTo(ignored);
  }

  @Test
  void aMemberIdIsRecordedInTheMedicaidSystemTypedMb() {
    Identifier id = shipped.medicaidId("IL0012345678");
    assertThat(id.getSystem()).isEqualTo("urn:oid:2.16.840.1.113883.4.927");
    assertThat(id.getValue()).isEqualTo("IL0012345678");
    assertThat(id.getType().getCoding()).singleElement()
        .satisfies(coding -> assertThat(coding.getSystem() + "|" + coding.getCode())
            .isEqualTo(IdentityPolicy.V2_0203 + "|MB"));
  }

  @Test
  void leftOutTheMedicaidSystemIsTheDefaultAndTheListsAreEmpty() {
    IdentityPolicy empty = new IdentityPolicy(null, null, null);
    assertThat(empty.medicaid().system()).isEqualTo(IdentityPolicy.DEFAULT_MEDICAID_SYSTEM);
    assertThat(empty.medicaid().authorities()).isEmpty();
    assertThat(empty.ignoredIdentifierTypes()).isEqualTo(List.of());
    assertThat(empty.ignores("SS", "http://hl7.org/fhir/sid/us-ssn")).isFalse();
  }

  @Test
  void aMisspeltKeyIsRefused(@TempDir Path dir) throws IOException {
    Path yaml = dir.resolve("client-identity.yml");
    Files.writeString(yaml, "adapter:\n  identity:\n    medicaid:\n      sytem: urn:oid:1.2.3\n");
    assertThatThrownBy(() -> IdentityFixtures.bind(yaml)).hasStackTraceContaining("adapter.identity.medicaid.sytem");
  }
}
