package org.casemgmt.routes.ehr;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The EHR FHIR pull ({@code adapter.ehr.*}): the EHRs polled and the site tables their resources are mapped with
 * ({@code config/ehr-mapping.yml}). Every problem in any source is listed at once and stops start-up, so a
 * deployment finds out before the first poll rather than at it.
 *
 * @param sources      the EHRs; none by default
 * @param initialDelay pause between start-up and each source's first poll (default 5 s)
 * @param mapping      how received resources become the client record
 */
@ConfigurationProperties("adapter.ehr")
public record EhrSettings(List<EhrSource> sources, Duration initialDelay, EhrMappingTables mapping) {

  public EhrSettings {
    sources = List.copyOf(Objects.requireNonNullElse(sources, List.of()));
    initialDelay = Objects.requireNonNullElse(initialDelay, Duration.ofSeconds(5));
    mapping = Objects.requireNonNullElse(mapping, new EhrMappingTables(null, null));
    List<String> problems = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < sources.size(); i++) {
      EhrSource source = sources.get(i);
      String name = "adapter.ehr.sources[" + i + "]" + (source.id() == null ? "" : " (" + source.id() + ")");
      source.problems().forEach(problem -> problems.add(name + ": " + problem));
      if (source.id() != null && !ids.add(source.id())) {
        problems.add(name + ": id '" + source.id() + "' is used by another source");
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("The EHR sources cannot be used:\n  " + String.join("\n  ", problems));
    }
  }
}
