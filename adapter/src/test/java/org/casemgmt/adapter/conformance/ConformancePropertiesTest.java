package org.casemgmt.adapter.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConformancePropertiesTest {

  @Test
  void aBlankProfileTurnsTheRequirementOff() {
    Map<String, String> configured = new HashMap<>();
    configured.put("Patient", "");
    configured.put("Encounter", "https://fhir.casemgmt-adapter.org/StructureDefinition/hospitalization");

    assertThat(new ConformanceProperties(configured).requiredProfiles())
        .containsOnlyKeys("Encounter");
  }
}
