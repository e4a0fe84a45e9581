package org.casemgmt.adapter.adt;

import static org.assertj.core.api.Assertions.assertThat;

import org.casemgmt.adapter.testing.FhirServerTest;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The warm-up before readiness runs the whole ADT path but the write, and leaves nothing behind. */
@ExtendWith(OutputCaptureExtension.class)
class AdtWarmUpTest extends FhirServerTest {
  @Autowired
  private AdtWarmUp warmUp;

  @Test
  void theSyntheticAdmissionIsParsedCheckedAndLookedUpWithoutBeingWritten(CapturedOutput output) {
    warmUp.warm();

    assertThat(output.getOut()).contains("ADT path warmed in").doesNotContain("ADT path not warmed");
    assertThat(search(Patient.class, "Patient?identifier=WARMUP-MRN")).isEmpty();
    assertThat(search(Encounter.class, "Encounter?identifier=WARMUP-VISIT")).isEmpty();
  }
}
