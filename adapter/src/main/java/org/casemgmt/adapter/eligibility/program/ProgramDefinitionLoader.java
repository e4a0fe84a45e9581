package org.casemgmt.adapter.eligibility.program;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads and checks every program definition at once, so an operator sees all problems in one start-up rather than
 * one per restart: each file's first problem, and ids defined twice.
 */
public final class ProgramDefinitionLoader {
  private final ProgramReader reader;

  /** A loader for programs that list their diagnosis codes and name no value set. */
  public ProgramDefinitionLoader() {
    this(url -> Optional.empty());
  }

  public ProgramDefinitionLoader(DiagnosisValueSets valueSets) {
    this.reader = new ProgramReader(valueSets);
  }

  /** The definitions in the sources; throws {@link ProgramDefinitionException} listing every problem found. */
  public ProgramDefinitions load(List<ProgramSource> sources) {
    List<String> problems = new ArrayList<>();
    Map<String, ProgramDefinition> byId = new HashMap<>();
    for (ProgramSource source : sources) {
      try {
        ProgramDefinition definition = reader.read(source);
        ProgramDefinition earlier = byId.putIfAbsent(definition.id(), definition);
        if (earlier != null) {
          problems.add(source.name() + ": id: program id '" + definition.id() + "' is already defined in "
              + earlier.source());
        }
      } catch (ProgramDefinitionException e) {
        problems.addAll(e.problems());
      }
    }
    if (!problems.isEmpty()) {
      throw new ProgramDefinitionException(problems);
    }
    return new ProgramDefinitions(byId.values());
  }

  /** Every {@code *.yaml} and {@code *.yml} file directly in the directory, in name order. */
  public ProgramDefinitions loadDirectory(Path directory) {
    if (!Files.isDirectory(directory)) {
      throw new ProgramDefinitionException(directory + ": no such directory of program definitions");
    }
    try (Stream<Path> files = Files.list(directory)) {
      List<ProgramSource> sources = new ArrayList<>();
      for (Path file : files.filter(ProgramDefinitionLoader::isYaml).sorted().toList()) {
        sources.add(new ProgramSource(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8)));
      }
      return load(sources);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read program definitions in " + directory, e);
    }
  }

  private static boolean isYaml(Path file) {
    String name = file.getFileName().toString();
    return Files.isRegularFile(file) && (name.endsWith(".yaml") || name.endsWith(".yml"));
  }
}
