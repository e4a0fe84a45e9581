package org.casemgmt.adapter.eligibility;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.casemgmt.adapter.eligibility.program.ProgramDefinitionLoader;
import org.casemgmt.adapter.eligibility.program.ProgramDefinitions;
import org.casemgmt.adapter.eligibility.program.ProgramSource;
import org.casemgmt.profiles.ImplementationGuide;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternUtils;

/**
 * The program definitions, read and checked while the service starts: a definition with a problem stops start-up
 * with every problem listed, rather than surfacing as a wrong determination later.
 */
@Configuration
class EligibilityConfig {
  private static final Logger log = LoggerFactory.getLogger(EligibilityConfig.class);

  @Bean
  ProgramDefinitions programDefinitions(EligibilityProperties properties, ResourceLoader resourceLoader,
      ImplementationGuide guide) {
    ResourcePatternResolver resources = ResourcePatternUtils.getResourcePatternResolver(resourceLoader);
    String location = location(properties.programs());
    if (!resources.getResource(location + "/").exists()) {
      throw new IllegalStateException("adapter.eligibility.programs: no directory of program definitions at "
          + properties.programs());
    }
    ProgramDefinitions programs = new ProgramDefinitionLoader(new GuideDiagnosisValueSets(guide))
        .load(sources(resources, location));
    log.info("Eligibility programs from {}: {}", properties.programs(), programs.all().stream()
        .map(program -> program.id() + " " + program.version()).collect(Collectors.joining(", ")));
    return programs;
  }

  @Bean
  EligibilityEngine eligibilityEngine() {
    return new EligibilityEngine();
  }

  /** A bare path is a directory on the file system, relative to the working directory. */
  private static String location(String programs) {
    String trimmed = programs.endsWith("/") ? programs.substring(0, programs.length() - 1) : programs;
    return trimmed.startsWith("classpath:") || trimmed.startsWith("file:") ? trimmed : "file:" + trimmed;
  }

  private static List<ProgramSource> sources(ResourcePatternResolver resources, String location) {
    try {
      List<Resource> files = new ArrayList<>();
      files.addAll(Arrays.asList(resources.getResources(location + "/*.yaml")));
      files.addAll(Arrays.asList(resources.getResources(location + "/*.yml")));
      files.sort(Comparator.comparing(Resource::getFilename));
      List<ProgramSource> sources = new ArrayList<>();
      for (Resource file : files) {
        sources.add(new ProgramSource(file.getFilename(), file.getContentAsString(StandardCharsets.UTF_8)));
      }
      return sources;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read program definitions at " + location, e);
    }
  }
}
