package org.casemgmt.adapter.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SMART scopes (v2 letters, v1 words, granular searches) and how a role cuts them down. */
class SmartScopeTest {

  @ParameterizedTest(name = "{0} opens {2} on {1}: {3}")
  @CsvSource(delimiter = ';', value = {
      "patient/Observation.rs; Observation; READ; true",
      "patient/Observation.rs; Observation; SEARCH; true",
      "patient/Observation.rs; Observation; CREATE; false",
      "patient/Observation.rs; Condition; READ; false",
      "user/*.cruds; Condition; DELETE; true",
      "user/*.cruds; AuditEvent; READ; false",
      "system/AuditEvent.rs; AuditEvent; SEARCH; true",
      "user/*.read; Patient; SEARCH; true",
      "user/*.read; Patient; UPDATE; false",
      "user/Patient.write; Patient; UPDATE; true",
      "user/Patient.write; Patient; READ; false",
      "system/*.*; Encounter; CREATE; true",
      "user/Observation.rs?category=http://terminology.hl7.org/CodeSystem/observation-category|laboratory;"
          + " Observation; READ; true"})
  void aScopeOpensItsTypesAndInteractions(String scope, String type, Interaction interaction, boolean opens) {
    assertThat(SmartScope.parse(scope).orElseThrow().opens(type, interaction)).isEqualTo(opens);
  }

  @ParameterizedTest(name = "{0} is no data scope")
  @CsvSource({"openid", "fhirUser", "launch/patient", "offline_access", "user/Patient.sr", "user/Patient.x",
      "nurse/Patient.rs"})
  void scopesNotAboutDataOrMalformedOpenNothing(String scope) {
    assertThat(SmartScope.parse(scope)).isEmpty();
  }

  @ParameterizedTest(name = "{0} with role permissions {1}: {2} {3} -> {4}")
  @CsvSource(delimiter = ';', value = {
      "system/*.cruds; Patient.rs; Patient; READ; true",
      "system/*.cruds; Patient.rs; Patient; UPDATE; false",
      "system/Patient.r; *.cruds; Patient; SEARCH; false",
      "system/*.rs; ; Patient; READ; false"})
  void aRoleOnlyNarrowsAScope(String scope, String permission, String type, Interaction interaction,
      boolean allowed) {
    SecurityProperties.RoleDefinition definition = new SecurityProperties.RoleDefinition("all",
        permission == null ? List.of() : List.of(permission), List.of(), false, false, List.of());
    AccessGrant grant = AccessGrant.of(new Caller("s", "c", "r", null, null, null, List.of(scope), null),
        Role.of("r", definition));
    assertThat(grant.allows(type, interaction)).isEqualTo(allowed);
  }

  @ParameterizedTest
  @CsvSource({"Patient.rx", "Patient.rs?category=x", "patient/Patient.rs"})
  void aMisspeltRolePermissionStopsStartUp(String permission) {
    assertThatThrownBy(() -> Role.of("feeds", new SecurityProperties.RoleDefinition("all", List.of(permission),
        List.of(), false, false, List.of()))).hasMessageContaining("adapter.security.roles.feeds.permissions");
  }

  @ParameterizedTest(name = "{0} with role permissions {1} and exports {2}: export {3} -> {4}")
  @CsvSource(delimiter = ';', value = {
      "system/*.rs; ; *; Condition; true",
      "system/*.rs; ; *; AuditEvent; false",
      "system/AuditEvent.rs; ; AuditEvent; AuditEvent; true",
      "system/*.rs; ; *; Subscription; false",
      "system/Patient.rs; ; *; Condition; false",
      "system/*.rs; Patient.rs; ; Patient; true",
      "system/*.rs; Patient.rs; ; Condition; false",
      "system/*.read; Patient.rs; ; Patient; true",
      "system/Patient.c; ; *; Patient; false"})
  void anExportNeedsTheRoleToExportOrSearchATypeAndAScopeToSearchIt(String scope, String permission, String exports,
      String type, boolean allowed) {
    SecurityProperties.RoleDefinition definition = new SecurityProperties.RoleDefinition("all",
        permission == null ? List.of() : List.of(permission), List.of("export"), false, false,
        exports == null ? List.of() : List.of(exports));
    AccessGrant grant = AccessGrant.of(new Caller("s", "c", "r", null, null, null, List.of(scope), null),
        Role.of("r", definition));
    assertThat(grant.allowsExport(type)).isEqualTo(allowed);
  }
}
