package org.casemgmt.routes.clientrecord;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The identity policy at start-up: a key it used to have under the ADT or EHR mapping stops the start and names the
 * key that replaced it (a deployment still setting one would otherwise run on the shipped Medicaid system); a
 * misspelt key stops it too; the policy in effect is logged.
 */
@ExtendWith(OutputCaptureExtension.class)
class IdentityPolicyInForceTest {

  @Configuration
  @EnableConfigurationProperties(IdentityPolicy.class)
  @Import(IdentityPolicyInForce.class)
  static class PolicyOnly {
  }

  private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(PolicyOnly.class);

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {
      // a retired setting as a deployment may still set it; the retired key named; the key to set instead
      "adapter.adt.mapping.medicaid.system=urn:oid:2.16.840.1.113883.3.249; adapter.adt.mapping.medicaid;"
          + " adapter.identity.medicaid",
      "adapter.adt.mapping.medicaid.authorities[0]=IL-MEDICAID; adapter.adt.mapping.medicaid; adapter.identity.medicaid",
      "adapter.adt.mapping.medicaid.identifier-types=MA,MB; adapter.adt.mapping.medicaid; adapter.identity.medicaid",
      "adapter.adt.mapping.ignored-identifier-types[0]=SS; adapter.adt.mapping.ignored-identifier-types;"
          + " adapter.identity.ignored-identifier-types",
      "adapter.adt.mapping.ignoredIdentifierTypes=SS; adapter.adt.mapping.ignored-identifier-types;"
          + " adapter.identity.ignored-identifier-types",
      "adapter.ehr.mapping.medicaid-system=urn:oid:2.16.840.1.113883.3.249; adapter.ehr.mapping.medicaid-system;"
          + " adapter.identity.medicaid.system",
      "adapter.ehr.mapping.ignored-identifier-types=SS; adapter.ehr.mapping.ignored-identifier-types;"
          + " adapter.identity.ignored-identifier-types",
      "adapter.ehr.mapping.ignored-identifier-systems[0]=http://hl7.org/fhir/sid/us-ssn;"
          + " adapter.ehr.mapping.ignored-identifier-systems; adapter.identity.ignored-identifier-systems"})
  void aRetiredKeyStopsTheStartNamingItsReplacement(String setting, String retired, String replacement) {
    runner.withPropertyValues(setting).run(context -> {
      assertThat(context).hasFailed();
      assertThat(context.getStartupFailure()).getRootCause().hasMessageContaining(
          retired + " is no longer read: set " + replacement + " (config/client-identity.yml) instead");
    });
  }

  @Test
  void everyRetiredKeyIsListedAtOnce() {
    runner.withPropertyValues("adapter.adt.mapping.medicaid.system=urn:x", "adapter.ehr.mapping.medicaid-system=urn:x")
        .run(context -> assertThat(context.getStartupFailure()).getRootCause()
            .hasMessageContaining("adapter.adt.mapping.medicaid is no longer read")
            .hasMessageContaining("adapter.ehr.mapping.medicaid-system is no longer read"));
  }

  @Test
  void aMisspeltKeyStopsTheStart() {
    runner.withPropertyValues("adapter.identity.medicaid.sytem=urn:x")
        .run(context -> assertThat(context.getStartupFailure())
            .hasStackTraceContaining("adapter.identity.medicaid.sytem"));
  }

  @Test
  void theMappingsOwnKeysAndTheNewOnesStartAndThePolicyIsLogged(CapturedOutput output) {
    runner.withPropertyValues("adapter.identity.medicaid.system=urn:oid:2.16.840.1.113883.3.249",
            "adapter.identity.ignored-identifier-types=SS", "adapter.adt.mapping.time-zone=UTC",
            "adapter.ehr.mapping.psychiatric-codes[0]=http://snomed.info/sct|394587001")
        .run(context -> assertThat(context).hasNotFailed());
    assertThat(output).contains("Client identity policy: Medicaid system urn:oid:2.16.840.1.113883.3.249"
        + " (authorities [], types []), ignored types [SS], ignored systems []");
  }
}
