package org.casemgmt.adapter.claims.evidence;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.casemgmt.adapter.security.Part2Properties;
import org.casemgmt.profiles.ImplementationGuide;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;

/**
 * The shipped policy, built as start-up builds it but without Spring: config/claims-evidence.yml (and the claim
 * signals of config/part2.yml) bound the way Spring Boot binds it (unknown keys refused), code lists from the real
 * guide's value sets. A change to either that
 * changes the rules' results shows in the cases. Paths are relative to the adapter module, where Maven runs tests.
 */
final class ClaimEvidenceFixtures {
  static final Path CONFIG = Path.of("../config/claims-evidence.yml");
  static final Path PART2_CONFIG = Path.of("../config/part2.yml");

  private static ImplementationGuide guide;
  private static ClaimEvidencePolicy shipped;
  private static SubstanceUseSignals shippedSignals;

  private ClaimEvidenceFixtures() {}

  /** Loaded once: building the guide's validation chain takes seconds. */
  static synchronized ImplementationGuide guide() {
    if (guide == null) {
      guide = new ImplementationGuide(FhirContext.forR4Cached());
    }
    return guide;
  }

  static synchronized ClaimEvidencePolicy shippedPolicy() {
    if (shipped == null) {
      shipped = new ClaimEvidencePolicyLoader(guide()::valueSet).load(bind(CONFIG));
    }
    return shipped;
  }

  /** The substance-use program signals of config/part2.yml, checked as start-up checks them. */
  static synchronized SubstanceUseSignals shippedSignals() {
    if (shippedSignals == null) {
      Part2Properties.ClaimSignals signals = bind(PART2_CONFIG, SubstanceUseSignals.PREFIX,
          Part2Properties.ClaimSignals.class);
      shippedSignals = SubstanceUseSignals.checked(signals.procedureCodes(), signals.modifiers(),
          signals.revenueCodes(), signals.placesOfService());
    }
    return shippedSignals;
  }

  /** The shipped rules: both policies. */
  static ClaimEvidenceRules shippedRules() {
    return new ClaimEvidenceRules(shippedPolicy(), shippedSignals());
  }

  static ClaimEvidenceProperties bind(Path yaml) {
    return bind(yaml, ClaimEvidencePolicyLoader.PREFIX, ClaimEvidenceProperties.class);
  }

  private static <T> T bind(Path yaml, String prefix, Class<T> type) {
    try {
      List<PropertySource<?>> sources =
          new YamlPropertySourceLoader().load(yaml.toString(), new FileSystemResource(yaml));
      return new Binder(ConfigurationPropertySources.from(sources))
          .bind(prefix, Bindable.of(type), new NoUnboundElementsBindHandler(BindHandler.DEFAULT))
          .orElseThrow(() -> new IllegalStateException(yaml + " has no " + prefix));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
