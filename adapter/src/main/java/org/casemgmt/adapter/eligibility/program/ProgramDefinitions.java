package org.casemgmt.adapter.eligibility.program;

import java.util.Collection;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** The programs in force, by id. Made by {@link ProgramDefinitionLoader}, which has checked them. */
public final class ProgramDefinitions {
  private final Map<String, ProgramDefinition> byId = new TreeMap<>();

  ProgramDefinitions(Collection<ProgramDefinition> definitions) {
    definitions.forEach(definition -> byId.put(definition.id(), definition));
  }

  public Optional<ProgramDefinition> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The program with this id; an unknown id is the caller's mistake (e.g. a bad {@code program} parameter). */
  public ProgramDefinition get(String id) {
    return find(id).orElseThrow(() -> new NoSuchElementException(
        "no program '" + id + "'; the programs are " + String.join(", ", byId.keySet())));
  }

  public Set<String> ids() {
    return Set.copyOf(byId.keySet());
  }

  /** All programs, ordered by id. */
  public Collection<ProgramDefinition> all() {
    return byId.values();
  }
}
