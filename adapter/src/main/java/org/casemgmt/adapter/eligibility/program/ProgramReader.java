package org.casemgmt.adapter.eligibility.program;

import java.time.Period;
import java.util.List;
import java.util.regex.Pattern;

/** Reads one program file into a definition, or fails on the first problem with the file, key and line. */
final class ProgramReader {
  // Program ids are codes (CodeSystem program, method.coding.code), so they follow the local code style.
  private static final Pattern CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  private final CriterionReader criteria;

  ProgramReader(DiagnosisValueSets valueSets) {
    this.criteria = new CriterionReader(valueSets);
  }

  ProgramDefinition read(ProgramSource source) {
    YamlMapping program = YamlMapping.document(source.name(), source.yaml());
    program.allowOnly("id", "title", "version", "description", "valid-for", "count-denied-claims", "criteria");
    String id = program.requiredText("id");
    if (!CODE.matcher(id).matches()) {
      throw program.fail("id", "must be lower-case words joined by hyphens (it is a code), was '" + id + "'");
    }
    String title = program.requiredText("title");
    String version = program.requiredText("version");
    Period validFor = program.period("valid-for").orElseThrow(() -> program.missing("valid-for"));
    boolean countDeniedClaims = program.flag("count-denied-claims").orElse(false);
    List<YamlMapping> nodes = program.mappings("criteria");
    if (nodes.isEmpty()) {
      throw program.has("criteria") ? program.fail("criteria", "must list at least one criterion")
          : program.missing("criteria");
    }
    List<Criterion> required = nodes.stream().map(criteria::read).toList();
    return new ProgramDefinition(id, title, version, program.text("description").orElse(null), validFor,
        countDeniedClaims, required, source.name());
  }
}
