package org.casemgmt.adapter.fhirserver.testscript;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.casemgmt.adapter.fhirserver.testscript.TestScriptEngine.Outcome;
import org.casemgmt.adapter.fhirserver.testscript.TestScriptEngine.ScriptOutcome;
import org.casemgmt.adapter.testing.Await;
import org.casemgmt.adapter.testing.FhirServerTest;
import org.casemgmt.adapter.testing.Tokens;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The public FHIR R4 TestScripts (the specification's examples and fhir-crucible's testscript-engine scripts, under
 * {@code src/test/resources/testscripts/}, see ATTRIBUTION.md there) run against the service by {@link TestScriptEngine}.
 * Each script test's result must be the one {@code expected-results.csv} records (pass, or fail with a failure message
 * containing the recorded text, and why), so a regression, or a script test that starts passing, shows.
 */
class TestScriptsTest extends FhirServerTest {
  private static final Path SCRIPTS = Path.of("src/test/resources/testscripts");
  /** What a tester enters for the variables the search scripts leave to them: the Patient those scripts create. */
  private static final Map<String, String> TESTER_INPUTS =
      Map.of("PatientSearchFamilyName", "Chalmers", "PatientSearchGivenName", "Peter");

  @Autowired
  private IValidationSupport validationSupport;
  @Autowired
  private JdbcTemplate jdbc;

  /** The fixtures as this server takes them (see adapted/README.md), standing in for the published ones. */
  private static final Path ADAPTED = SCRIPTS.resolve("adapted");

  /** One row of expected-results.csv: a script test's expected result with the published or adapted fixtures. */
  record Expected(String script, String fixtures, String test, boolean pass, String failure, String reason) {
    String run() {
      return script + " (" + fixtures + " fixtures)";
    }
  }

  @TestFactory
  Stream<DynamicNode> publicTestScripts() throws IOException {
    Map<String, List<Expected>> expectedByScript = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(SCRIPTS.resolve("expected-results.csv"));
    for (String line : lines) {
      if (line.isBlank() || line.startsWith("#") || line.startsWith("script,")) {
        continue;
      }
      String[] cells = line.split(",", 6);
      Expected row = new Expected(cells[0], cells[1], cells[2], cells[3].equals("pass"), cells[4], cells[5]);
      expectedByScript.computeIfAbsent(row.run(), s -> new ArrayList<>()).add(row);
    }
    FhirValidator validator = fhirContext.newValidator();
    validator.registerValidatorModule(new FhirInstanceValidator(validationSupport));

    Map<String, Supplier<ScriptOutcome>> runs = new LinkedHashMap<>();
    List<DynamicNode> nodes = new ArrayList<>();
    expectedByScript.forEach((name, rows) -> {
      Expected first = rows.get(0);
      Supplier<ScriptOutcome> run = once(() -> new TestScriptEngine(fhirContext, fhirBase(),
          Map.of("Authorization", "Bearer " + Tokens.admin(baseUrl())), validator, SCRIPTS.resolve(first.script()),
          TESTER_INPUTS, first.fixtures().equals("adapted") ? ADAPTED.resolve(first.script()).getParent() : null,
          this::auditTrailStored).run());
      runs.put(name, run);
      nodes.add(DynamicContainer.dynamicContainer(name, rows.stream().map(row ->
          DynamicTest.dynamicTest(row.test(), () -> check(row, run.get())))));
    });
    nodes.add(DynamicTest.dynamicTest("every script test has an expected result; the counts", () -> {
      Map<String, int[]> counts = new LinkedHashMap<>(); // passed, total by fixtures
      for (Map.Entry<String, Supplier<ScriptOutcome>> run : runs.entrySet()) {
        List<String> listed = expectedByScript.get(run.getKey()).stream().map(Expected::test).toList();
        List<Outcome> tests = run.getValue().get().tests();
        assertThat(listed).as(run.getKey()).containsExactlyInAnyOrderElementsOf(tests.stream().map(Outcome::id)
            .toList());
        int[] count = counts.computeIfAbsent(expectedByScript.get(run.getKey()).get(0).fixtures(), f -> new int[2]);
        count[0] += (int) tests.stream().filter(Outcome::passed).count();
        count[1] += tests.size();
      }
      counts.forEach((fixtures, count) -> System.out.printf(
          "Public TestScripts with the %s fixtures: %d of %d script tests pass%n", fixtures, count[0], count[1]));
    }));
    return nodes.stream();
  }

  /**
   * Waits until the audit trail has stored every event of the requests made so far (it drains its outbox into
   * AuditEvents every second), so that a script's DELETE always meets AuditEvents naming the Patient: they must not
   * keep it from being deleted (referential integrity on delete leaves them out), whatever the timing.
   */
  private void auditTrailStored() {
    Await.until("the audit outbox drained", Duration.ofSeconds(30),
        () -> jdbc.queryForObject("select count(*) from cm_audit_outbox", Integer.class) == 0);
  }

  private static void check(Expected row, ScriptOutcome run) {
    Outcome outcome = run.tests().stream().filter(t -> t.id().equals(row.test())).findFirst().orElse(null);
    assertThat(outcome).as("the script has a test " + row.test()).isNotNull();
    String report = "failures: " + outcome.failures() + ", warnings: " + outcome.warnings() + "; setup: "
        + run.setup().failures() + "; teardown: " + run.teardown().failures();
    if (row.pass()) {
      assertThat(outcome.failures()).as("expected to pass. " + report).isEmpty();
    } else {
      assertThat(outcome.failures()).as("expected to fail (" + row.reason() + ") but it passes; update "
          + "expected-results.csv").isNotEmpty();
      assertThat(outcome.failures().stream().collect(Collectors.joining("\n")))
          .as("fails for another reason than the recorded one (" + row.reason() + "). " + report)
          .contains(row.failure());
    }
  }

  private static <T> Supplier<T> once(Supplier<T> supplier) {
    return new Supplier<>() {
      private T value;

      @Override
      public synchronized T get() {
        if (value == null) {
          value = supplier.get();
        }
        return value;
      }
    };
  }
}
