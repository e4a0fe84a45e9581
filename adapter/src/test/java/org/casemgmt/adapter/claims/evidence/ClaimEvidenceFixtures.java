package org.casemgmt.adapter.claims.evidence;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
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
 * The shipped policy, built as start-up builds it but without Spring: config/claims-evidence.yml bound the way
 * Spring Boot binds it (unknown keys refused), code lists from the real guide's value sets. A change to either that
 * changes the rules' results shows in the cases. Paths are relative to the adapter module, where Maven runs tests.
 */
final class ClaimEvidenceFixtures {
  static final Path CONFIG = Path.of("../config/claims-evidence.yml");

  private static ImplementationGuide guide;
  private static ClaimEvidencePolicy shipped;

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

  static ClaimEvidenceProperties bind(Path yaml) {
    try {
      List<PropertySource<?>> sources =
          new YamlPropertySourceLoader().load(yaml.toString(), new FileSystemResource(yaml));
      return new Binder(ConfigurationPropertySources.from(sources))
          .bind(ClaimEvidencePolicyLoader.PREFIX, Bindable.of(ClaimEvidenceProperties.class),
              new NoUnboundElementsBindHandler(BindHandler.DEFAULT))
          .orElseThrow(() -> new IllegalStateException(yaml + " has no " + ClaimEvidencePolicyLoader.PREFIX));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
