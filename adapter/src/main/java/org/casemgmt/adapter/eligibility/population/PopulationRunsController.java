package org.casemgmt.adapter.eligibility.population;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.casemgmt.adapter.eligibility.DeterminationOutcome;
import org.casemgmt.adapter.eligibility.program.ProgramDefinition;
import org.casemgmt.adapter.eligibility.program.ProgramDefinitions;
import org.casemgmt.adapter.jobs.StepCounters;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Population runs for operators and reporting pipelines: {@code POST /admin/eligibility/runs?program=&date=} starts
 * one (202, Location of its status), {@code GET} shows each run's progress and counts while it runs and after. The
 * determinations themselves are read over FHIR (Observation?code=eligibility-determination&value-concept=...).
 */
@RestController
@RequestMapping("/admin/eligibility/runs")
class PopulationRunsController {
  private final PopulationRuns runs;
  private final JobExplorer explorer;
  private final ProgramDefinitions programs;
  private final Clock clock;

  PopulationRunsController(PopulationRuns runs, JobExplorer explorer, ProgramDefinitions programs, Clock clock) {
    this.runs = runs;
    this.explorer = explorer;
    this.programs = programs;
    this.clock = clock;
  }

  /**
   * @param clients Patients read; those merged away or removed are not evaluated (their survivor stands for them)
   * @param evaluated clients whose determination is current after the run
   * @param written determinations that changed (a new version); the rest were current already
   * @param outcomes evaluated clients by outcome code
   */
  record RunStatus(long id, String program, String programVersion, LocalDate date, String status, String exit,
      LocalDateTime started, LocalDateTime ended, long clients, long evaluated, long written, long failed,
      Map<String, Long> outcomes, long clientsPerSecond) {
  }

  @PostMapping
  ResponseEntity<RunStatus> start(@RequestParam String program, @RequestParam(required = false) String date)
      throws Exception {
    ProgramDefinition definition = programs.find(program).orElseThrow(() -> new ResponseStatusException(
        HttpStatus.BAD_REQUEST, "unknown program '" + program + "'; the programs are "
            + String.join(", ", programs.ids().stream().sorted().toList())));
    JobExecution execution = runs.start(definition, day(date));
    return ResponseEntity.accepted().location(URI.create("/admin/eligibility/runs/" + execution.getId()))
        .body(status(execution));
  }

  @GetMapping
  List<RunStatus> list() {
    return explorer.getJobInstances(PopulationRunJob.NAME, 0, 100).stream()
        .flatMap(instance -> explorer.getJobExecutions(instance).stream())
        .map(this::status).toList();
  }

  @GetMapping("/{id}")
  RunStatus run(@PathVariable long id) {
    JobExecution execution = explorer.getJobExecution(id);
    if (execution == null || !PopulationRunJob.NAME.equals(execution.getJobInstance().getJobName())) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no population run " + id);
    }
    return status(execution);
  }

  private RunStatus status(JobExecution execution) {
    StepExecution step = execution.getStepExecutions().stream().findFirst().orElse(null);
    Map<String, Long> outcomes = new LinkedHashMap<>();
    for (DeterminationOutcome outcome : DeterminationOutcome.values()) {
      outcomes.put(outcome.code(), StepCounters.get(step, outcome.code()));
    }
    long clients = StepCounters.get(step, PopulationWriter.CLIENTS);
    LocalDateTime started = execution.getStartTime();
    LocalDateTime until = execution.getEndTime() != null ? execution.getEndTime() : LocalDateTime.now(clock);
    long millis = started == null ? 0 : Duration.between(started, until).toMillis();
    return new RunStatus(execution.getId(), execution.getJobParameters().getString("program"),
        execution.getJobParameters().getString("programVersion"),
        execution.getJobParameters().getLocalDate("date"), execution.getStatus().name(),
        execution.getExitStatus().getExitCode(), started, execution.getEndTime(), clients,
        StepCounters.get(step, PopulationWriter.EVALUATED), StepCounters.get(step, PopulationWriter.WRITTEN),
        StepCounters.get(step, PopulationWriter.FAILED), outcomes, millis > 0 ? clients * 1000 / millis : 0);
  }

  /** The evaluation date; today where the service runs when left out. */
  private LocalDate day(String date) {
    if (date == null || date.isBlank()) {
      return LocalDate.now(clock.withZone(ZoneId.systemDefault()));
    }
    try {
      return LocalDate.parse(date.trim());
    } catch (DateTimeParseException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "date must be a full date (YYYY-MM-DD), not '"
          + date + "'");
    }
  }
}
