package org.casemgmt.adapter.eligibility.population;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDateTime;
import org.casemgmt.adapter.cluster.ClusterLeases;
import org.casemgmt.adapter.jobs.InterruptedJobs;
import org.casemgmt.adapter.testing.FhirServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;

/** With several nodes on one database, a run still marked running is cut short only once the node running it is gone. */
class PopulationRunNodesTest extends FhirServerTest {
  @Autowired
  private JobRepository jobs;
  @Autowired
  private JobExplorer explorer;
  @Autowired
  private PopulationRuns runs;
  @Autowired
  private ClusterLeases cluster;

  @Test
  void aRunLeftRunningIsMarkedFailedWhenItsNodeIsGoneAndLeftAloneWhileItsNodeIsAlive() throws Exception {
    JobExecution ofThisNode = running(cluster.node());
    JobExecution ofAGoneNode = running("4242@elsewhere/5a1d0c3e");
    JobExecution ofAnEarlierBuild = running(null);

    runs.markInterrupted();

    assertThat(status(ofThisNode)).isEqualTo(BatchStatus.STARTED);
    assertThat(status(ofAGoneNode)).isEqualTo(BatchStatus.FAILED);
    assertThat(explorer.getJobExecution(ofAGoneNode.getId()).getExitStatus().getExitDescription())
        .contains("interrupted");
    assertThat(status(ofAnEarlierBuild)).as("a run started before runs named their node").isEqualTo(BatchStatus.FAILED);
    InterruptedJobs.markFailed(jobs, explorer.getJobExecution(ofThisNode.getId()), Clock.systemUTC());
  }

  private JobExecution running(String node) throws Exception {
    JobParametersBuilder parameters = new JobParametersBuilder().addString("program", "nodes-test")
        .addLong("requested", System.nanoTime());
    if (node != null) {
      parameters.addString("node", node, false);
    }
    JobExecution execution = jobs.createJobExecution(PopulationRunJob.NAME, parameters.toJobParameters());
    execution.setStatus(BatchStatus.STARTED);
    execution.setStartTime(LocalDateTime.now());
    jobs.update(execution);
    return execution;
  }

  private BatchStatus status(JobExecution execution) {
    return explorer.getJobExecution(execution.getId()).getStatus();
  }
}
