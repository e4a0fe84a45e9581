package org.casemgmt.adapter.eligibility;

import ca.uhn.fhir.context.FhirContext;
import org.casemgmt.adapter.eligibility.program.ProgramDefinitionLoader;
import org.casemgmt.profiles.ImplementationGuide;

/** The loader the service uses: value sets a program names are read from the implementation guide. */
public final class ShippedPrograms {
  private static final ProgramDefinitionLoader LOADER = new ProgramDefinitionLoader(
      new GuideDiagnosisValueSets(new ImplementationGuide(FhirContext.forR4Cached())));

  private ShippedPrograms() {
  }

  public static ProgramDefinitionLoader loader() {
    return LOADER;
  }
}
