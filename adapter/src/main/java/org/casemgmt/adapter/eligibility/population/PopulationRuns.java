package org.casemgmt.adapter.eligibility.population;

import java.time.Clock;
import java.time.LocalDate;
import org.casemgmt.adapter.cluster.ClusterLeases;
import org.casemgmt.adapter.eligibility.program.ProgramDefinition;
import org.casemgmt.adapter.jobs.InterruptedJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.launch.support.TaskExecutorJobLauncher;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Starts population runs in the background, one at a time on this node (each keeps both cores busy; a second
 * waits its turn, shown as STARTING).
 */
@Component
public class PopulationRuns {
  private static final Logger log = LoggerFactory.getLogger(PopulationRuns.class);
  /** The job parameter naming the node that runs the run (not identifying). */
  private static final String NODE = "node";

  private final PopulationRunJob job;
  private final JobRepository jobs;
  private final JobExplorer explorer;
  private final TaskExecutorJobLauncher launcher;
  private final Clock clock;
  private final ClusterLeases cluster;

  PopulationRuns(PopulationRunJob job, JobRepository jobs, JobExplorer explorer, Clock clock, ClusterLeases cluster)
      throws Exception {
    this.job = job;
    this.jobs = jobs;
    this.explorer = explorer;
    this.clock = clock;
    this.cluster = cluster;
    this.launcher = new TaskExecutorJobLauncher();
    launcher.setJobRepository(jobs);
    launcher.setTaskExecutor(oneAtATime());
    launcher.afterPropertiesSet();
  }

  private static TaskExecutor oneAtATime() {
    ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
    executor.setCorePoolSize(1);
    executor.setMaxPoolSize(1);
    executor.setThreadNamePrefix("eligibility-population-");
    executor.initialize();
    return executor;
  }

  /** A new run; each request is one (the time it was asked for makes it a job instance of its own). */
  public JobExecution start(ProgramDefinition program, LocalDate date) throws Exception {
    JobParameters parameters = new JobParametersBuilder().addString("program", program.id())
        .addString("programVersion", program.version()).addLocalDate("date", date)
        .addLong("requested", clock.millis()).addString(NODE, cluster.node(), false).toJobParameters();
    JobExecution execution = launcher.run(job.of(program, date), parameters);
    log.info("Population run {} of {} on {} requested", execution.getId(), program.id(), date);
    return execution;
  }

  /**
   * Runs left running by a node that stopped or died (its own lease ran out): nothing runs them any more. Looked for at
   * start and every minute, as a node that died a moment ago still counts as alive until its lease runs out.
   */
  @EventListener(ApplicationReadyEvent.class)
  @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
  void markInterrupted() {
    explorer.findRunningJobExecutions(PopulationRunJob.NAME).forEach(execution -> {
      String node = execution.getJobParameters().getString(NODE);
      if (node == null || !cluster.alive(node)) {
        log.warn("Population run {} was cut short when its node stopped; marked failed", execution.getId());
        InterruptedJobs.markFailed(jobs, execution, clock);
      }
    });
  }
}
