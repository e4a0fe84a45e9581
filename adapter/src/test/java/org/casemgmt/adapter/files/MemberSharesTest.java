package org.casemgmt.adapter.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.casemgmt.adapter.testing.FhirServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.launch.JobLauncher;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.item.ItemStreamReader;
import org.springframework.batch.item.support.AbstractItemCountingItemStreamItemReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A feed step shared among writers, run by Spring Batch on the service's job repository (PostgreSQL): each member's
 * records go through one writer in file order, the members are spread over the writers, and a job cut short by a
 * failing chunk resumes the failed writer after its last committed chunk, without running the completed one again:
 * every record is written exactly once.
 */
class MemberSharesTest extends FhirServerTest {
  private static final int MEMBERS = 12;
  private static final int RECORDS_PER_MEMBER = 4;

  @Autowired
  JobRepository jobs;
  @Autowired
  PlatformTransactionManager transactions;
  @Autowired
  JobLauncher feedFileJobLauncher;

  /** A record written: the writer's step, the member and the record's place among the member's records. */
  private record Written(String writer, String member, int sequence) {
  }

  @ParameterizedTest(name = "{0} writers")
  @CsvSource({"1", "2", "3"})
  void everyMemberFallsToExactlyOneWriterAndARecordNamingNoMemberToTheFirst(int writers) {
    MemberShares shares = new MemberShares("step", writers);
    for (String member : List.of("M1", "M2", "0012345678", "ZZ-99", "")) {
      assertThat(IntStream.rangeClosed(1, writers).filter(writer -> shares.holds(writer, member)).count())
          .as(member).isEqualTo(1);
    }
    assertThat(shares.holds(1, null)).isTrue();
    assertThat(IntStream.rangeClosed(2, writers).noneMatch(writer -> shares.holds(writer, null))).isTrue();
  }

  @Test
  void aJobCutShortResumesTheFailedWriterAfterItsLastChunkAndEveryRecordIsWrittenOnce() throws Exception {
    // File order: every member's first record, then every member's second, ...
    List<String> file = new ArrayList<>();
    for (int sequence = 1; sequence <= RECORDS_PER_MEMBER; sequence++) {
      for (int member = 1; member <= MEMBERS; member++) {
        file.add("M" + member + ":" + sequence);
      }
    }
    MemberShares shares = new MemberShares("share-test-" + UUID.randomUUID(), 2);
    String failing = "M7:3";
    int failingWriter = shares.holds(1, "M7") ? 1 : 2;
    AtomicBoolean failed = new AtomicBoolean();
    List<Written> written = Collections.synchronizedList(new ArrayList<>());
    Job job = new JobBuilder("member-shares-test", jobs).start(shares.step(jobs, writer -> new StepBuilder(
        shares.writerStep(writer), jobs).<String, String>chunk(3, transactions)
        .reader(shares.reader(writer, fileReader(file), record -> record.split(":")[0]))
        .writer(chunk -> {
          if (chunk.getItems().contains(failing) && failed.compareAndSet(false, true)) {
            throw new IllegalStateException("the database went away");
          }
          chunk.forEach(record -> written.add(new Written(shares.writerStep(writer), record.split(":")[0],
              Integer.parseInt(record.split(":")[1]))));
        }).build())).build();
    JobParameters parameters = new JobParametersBuilder().addString("run", UUID.randomUUID().toString())
        .toJobParameters();

    JobExecution first = feedFileJobLauncher.run(job, parameters);
    assertThat(first.getStatus()).isEqualTo(BatchStatus.FAILED);
    assertThat(stepsOf(first)).containsEntry(shares.writerStep(failingWriter), BatchStatus.FAILED)
        .containsEntry(shares.writerStep(3 - failingWriter), BatchStatus.COMPLETED);
    int writtenBeforeFailure = written.size();
    assertThat(writtenBeforeFailure).isBetween(1, file.size() - 1);

    JobExecution resumed = feedFileJobLauncher.run(job, parameters);
    assertThat(resumed.getStatus()).isEqualTo(BatchStatus.COMPLETED);
    assertThat(stepsOf(resumed)).as("the completed writer is not run again")
        .containsEntry(shares.writerStep(failingWriter), BatchStatus.COMPLETED)
        .doesNotContainKey(shares.writerStep(3 - failingWriter));

    assertThat(written).hasSize(file.size());
    Map<String, List<Written>> byMember = written.stream().collect(Collectors.groupingBy(Written::member));
    assertThat(byMember).hasSize(MEMBERS);
    byMember.forEach((member, records) -> {
      assertThat(records).extracting(Written::writer).as(member).containsOnly(records.get(0).writer());
      assertThat(records).extracting(Written::sequence).as(member).containsExactly(1, 2, 3, 4);
    });
    assertThat(written).extracting(Written::writer).as("both writers have members")
        .contains(shares.writerStep(1), shares.writerStep(2));
  }

  private static Map<String, BatchStatus> stepsOf(JobExecution execution) {
    return execution.getStepExecutions().stream().filter(step -> step.getStepName().contains("-of-"))
        .collect(Collectors.toMap(StepExecution::getStepName, StepExecution::getStatus));
  }

  /** A restartable reader of the "file": it saves how many records it has read with each committed chunk. */
  private static ItemStreamReader<String> fileReader(List<String> file) {
    AbstractItemCountingItemStreamItemReader<String> reader = new AbstractItemCountingItemStreamItemReader<>() {
      @Override
      protected String doRead() {
        return getCurrentItemCount() <= file.size() ? file.get(getCurrentItemCount() - 1) : null;
      }

      @Override
      protected void doOpen() {
      }

      @Override
      protected void doClose() {
      }
    };
    reader.setName("file");
    return reader;
  }
}
