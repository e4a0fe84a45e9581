package org.casemgmt.adapter.eligibility;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.casemgmt.adapter.eligibility.evidence.ClientEvidence;
import org.casemgmt.adapter.eligibility.program.ProgramDefinition;
import org.casemgmt.adapter.eligibility.program.ProgramDefinitions;
import org.casemgmt.adapter.eligibility.program.ProgramSource;
import org.yaml.snakeyaml.Yaml;

/**
 * One test client judged under one program on one date, with the determination expected. A case file holds a
 * program (the id of a shipped one, or criteria written in place) and its clients:
 *
 * <pre>
 * program: claims-driven-tailored     # or { criteria: [...], valid-for: P90D, count-denied-claims: true }
 * date: 2026-03-01                    # evaluation date for every case that names none
 * cases:
 *   - name: two psychiatric admissions within 24 months make a client eligible
 *     client: { ... }                 # see TestClients
 *     expect:
 *       outcome: eligible             # always required
 *       results: { psych-inpatient-episodes: met }   # first judgement of that criterion, anywhere in the tree
 *       missing: [no coverage data]   # the whole list, in order
 *       valid-until: 2026-05-30
 *       explanation: { payer: "ended 2026-02-28" }   # a part of the sentence
 *       evidence: { psych-inpatient-episodes: [Encounter/1, Encounter/2] }   # the references, in order
 *       value: { age: 17 }
 * </pre>
 */
record EligibilityCase(String name, ProgramDefinition program, LocalDate date, ClientEvidence client,
    Expected expected) {

  static final Path CASES = Path.of("src/test/resources/eligibility/cases");
  static final Path SHIPPED_PROGRAMS = Path.of("../config/programs");

  private static final Set<String> FILE_KEYS = Set.of("program", "date", "cases");
  private static final Set<String> CASE_KEYS = Set.of("name", "date", "client", "expect");
  private static final Set<String> EXPECT_KEYS = Set.of("outcome", "results", "missing", "valid-until",
      "explanation", "evidence", "value");

  record Expected(String outcome, Map<String, String> results, List<String> missing, LocalDate validUntil,
      Map<String, String> explanations, Map<String, List<String>> evidence, Map<String, BigDecimal> values) {}

  @Override
  public String toString() {
    return name;
  }

  static Stream<EligibilityCase> all() {
    ProgramDefinitions shipped = ShippedPrograms.loader().loadDirectory(SHIPPED_PROGRAMS);
    try (Stream<Path> files = Files.list(CASES)) {
      return files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList().stream()
          .flatMap(file -> read(file, shipped).stream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static List<EligibilityCase> read(Path file, ProgramDefinitions shipped) {
    String fileName = file.getFileName().toString();
    Map<String, Object> content;
    try {
      content = new Yaml().load(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    only(content, FILE_KEYS, fileName);
    ProgramDefinition program = content.get("program") instanceof String id ? shipped.get(id)
        : inPlace(fileName, (Map<String, Object>) content.get("program"));
    List<EligibilityCase> cases = new ArrayList<>();
    for (Map<String, Object> item : (List<Map<String, Object>>) content.get("cases")) {
      String name = fileName.replace(".yaml", "") + ": " + item.get("name");
      only(item, CASE_KEYS, name);
      Object date = item.containsKey("date") ? item.get("date") : content.get("date");
      Map<String, Object> client = (Map<String, Object>) item.getOrDefault("client", Map.of());
      cases.add(new EligibilityCase(name, program, TestClients.date(date), TestClients.read(client),
          expected(name, (Map<String, Object>) item.get("expect"))));
    }
    return cases;
  }

  /** Criteria written in the case file, made a program by the real loader so the definition is checked too. */
  private static ProgramDefinition inPlace(String fileName, Map<String, Object> rules) {
    Map<String, Object> program = new LinkedHashMap<>();
    program.put("id", fileName.replace(".yaml", ""));
    program.put("title", "Test program of " + fileName);
    program.put("version", "test");
    program.put("valid-for", "P365D");
    program.putAll(rules);
    String yaml = new Yaml().dump(program);
    return ShippedPrograms.loader().load(List.of(new ProgramSource(fileName, yaml)))
        .get(fileName.replace(".yaml", ""));
  }

  @SuppressWarnings("unchecked")
  private static Expected expected(String name, Map<String, Object> expect) {
    if (expect == null || !expect.containsKey("outcome")) {
      throw new IllegalArgumentException(name + ": every case expects an outcome");
    }
    only(expect, EXPECT_KEYS, name);
    Map<String, BigDecimal> values = new LinkedHashMap<>();
    ((Map<String, Object>) expect.getOrDefault("value", Map.of()))
        .forEach((criterion, value) -> values.put(criterion, new BigDecimal(value.toString())));
    return new Expected(
        (String) expect.get("outcome"),
        (Map<String, String>) expect.getOrDefault("results", Map.of()),
        (List<String>) expect.get("missing"),
        TestClients.date(expect.get("valid-until")),
        (Map<String, String>) expect.getOrDefault("explanation", Map.of()),
        (Map<String, List<String>>) expect.getOrDefault("evidence", Map.of()),
        values);
  }

  private static void only(Map<String, Object> map, Set<String> keys, String where) {
    for (String key : map.keySet()) {
      if (!keys.contains(key)) {
        throw new IllegalArgumentException(where + ": unknown key '" + key + "'; expected one of " + keys);
      }
    }
  }
}
